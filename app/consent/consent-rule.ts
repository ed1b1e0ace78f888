/**
 * THE consent rule (ADR 0401): whether staff see who a person is. Every page, export, webhook and
 * API route that shows a person asks `visibleIdentity` (or `mayShowIdentity`), so an opt-in or an
 * opt-out changes every surface at once. Pure: the consent state comes from consent-states.server.ts.
 *
 * - Name, company and email only when the person opted in to be contacted by sales ("contact"
 *   purpose), has not withdrawn it and has not unsubscribed from everything.
 * - Otherwise a pseudonym ("Prospect P-0042") with role, industry and region.
 * - The study summary and educational content are channels of their own: they never unlock a name.
 * - Double opt-in (issue 14, ADR 0700): an opt-in to the study summary or to educational content
 *   given on the survey is pending until the prospect follows the emailed confirmation link; a
 *   pending opt-in counts for nothing (no nurture list, export, readiness count or summary email).
 */

/** The purposes whose opt-in waits for a confirmation link; "contact" counts at once (sales asks in person). */
const DOUBLE_OPT_IN_PURPOSES: ReadonlySet<string> = new Set(["study_summary", "educational_content"]);

/** Whether an opt-in written now must wait for confirmation: a survey answer, not a record staff imported. */
export function needsConfirmation(purpose: string, status: string, origin: "web" | "import" | "demo"): boolean {
  return origin === "web" && status === "opted_in" && DOUBLE_OPT_IN_PURPOSES.has(purpose);
}

/** Whether one consent row is a standing opt-in: opted in, not withdrawn, and confirmed where confirmation is needed. */
export function optInStands(row: { status: string; withdrawnAt: string | null; pending: boolean }): boolean {
  return row.status === "opted_in" && row.withdrawnAt === null && !row.pending;
}

export interface ConsentState {
  /** sales may contact me (its own question, purpose "contact") */
  contact: boolean;
  /** send me the study summary */
  summary: boolean;
  /** send me educational content (nurture) */
  nurture: boolean;
  /** unsubscribed from everything (one-click link or staff) */
  unsubscribed: boolean;
}

export const NO_CONSENT: ConsentState = { contact: false, summary: false, nurture: false, unsubscribed: false };

/** The states the consent walk covers, named for tests, the ADR and the demo summary. */
export type ConsentKind = "contact" | "summary_only" | "nurture_only" | "none" | "unsubscribed";

export function consentKind(s: ConsentState): ConsentKind {
  if (s.unsubscribed) return "unsubscribed";
  if (s.contact) return "contact";
  if (s.summary) return "summary_only";
  if (s.nurture) return "nurture_only";
  return "none";
}

export function mayShowIdentity(s: ConsentState | undefined): boolean {
  return Boolean(s && s.contact && !s.unsubscribed);
}

/** A CRM file or API hand-off needs permission to contact and an address to contact them at. */
export function mayHandToCrm(s: ConsentState | undefined, email: string | null | undefined): boolean {
  return mayShowIdentity(s) && Boolean(email && email.trim());
}

/** The channels a person did opt in to, in words: what staff may use when sales may not call. */
export function optedInChannels(s: ConsentState | undefined): string[] {
  if (!s || s.unsubscribed) return [];
  const out: string[] = [];
  if (s.contact) out.push("sales contact");
  if (s.summary) out.push("study summary");
  if (s.nurture) out.push("educational content");
  return out;
}

export function pseudonymOf(personId: number): string {
  return `Prospect P-${String(personId).padStart(4, "0")}`;
}

export interface IdentityInput {
  personId: number | null;
  name: string | null;
  email: string | null;
  company: string | null;
  role?: string | null;
  industry?: string | null;
  region?: string | null;
}

export interface VisibleIdentity {
  named: boolean;
  /** what to call them: their name (or company) with consent, the pseudonym without */
  label: string;
  name: string | null;
  email: string | null;
  company: string | null;
  /** role, industry, region: always shown, they identify no one on their own */
  descriptor: string;
}

export function visibleIdentity(p: IdentityInput, state: ConsentState | undefined): VisibleIdentity {
  const descriptor = [p.role, p.industry, p.region].filter((x): x is string => Boolean(x && x.trim())).join(", ");
  if (p.personId !== null && mayShowIdentity(state)) {
    const label = p.name?.trim() || p.company?.trim() || pseudonymOf(p.personId);
    return { named: true, label, name: p.name, email: p.email, company: p.company, descriptor };
  }
  const label = p.personId !== null ? pseudonymOf(p.personId) : "Anonymous respondent";
  return { named: false, label, name: null, email: null, company: null, descriptor };
}

/** A quote's attribution in one line: "Dana Reed, Acme" with consent; "Prospect P-0042 (IT lead, Retail)" without. */
export function attributionOf(p: IdentityInput, state: ConsentState | undefined): { text: string; named: boolean } {
  const v = visibleIdentity(p, state);
  if (v.named) return { text: [v.name, v.company].filter(Boolean).join(", ") || v.label, named: true };
  return { text: v.descriptor ? `${v.label} (${v.descriptor})` : v.label, named: false };
}

/** Answers that say who someone is: shown only under the same rule as the name. */
export const IDENTIFYING_ROLES: ReadonlySet<string> = new Set(["contact_name", "contact_email", "company_name", "job_title"]);
export const HIDDEN_ANSWER = "(hidden: no permission to contact)";

/** An answer's value as staff may see it. */
export function visibleAnswer(role: string | null, value: string, named: boolean): string {
  return !named && role !== null && IDENTIFYING_ROLES.has(role) && value !== "" ? HIDDEN_ANSWER : value;
}
