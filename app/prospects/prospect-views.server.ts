import type { Kysely } from "kysely";
import { themesForPeople } from "../../db/queries/assessments.js";
import { listProspectRows, type ProspectQuery, type ProspectRow } from "../../db/queries/prospects.js";
import type { Database } from "../../db/schema.js";
import { mayHandToCrm, NO_CONSENT, optedInChannels, visibleIdentity, type ConsentState } from "../consent/consent-rule.js";
import { consentStates } from "../consent/consent-states.server.js";
import { heldBy, pipelineStage, type PipelineStage } from "./order.js";
import { confidenceLabel, missedChecks, timingLabel, triggerLabel, type Band, type Reason } from "./readiness.js";
import type { StoredParts } from "./readiness.server.js";

/* ---------- Prospect views: what the pages, the CSV export and the API show ---------- */

export interface ProspectView {
  personId: number;
  /** what staff call them: their name or company with consent to contact, a pseudonym without (app/consent) */
  label: string;
  /** name, email and company may be shown (the consent rule); when false they are null here */
  named: boolean;
  /** role, industry, region */
  descriptor: string;
  consent: ConsentState;
  /** channels they opted in to, in words */
  channels: string[];
  /** they gave an email address (known even when it may not be shown) */
  hasEmail: boolean;
  /** may go to a CRM file or the API's CRM hand-off: permission to contact and an email */
  crmReady: boolean;
  /** why a high score is not ready now: "no executive sponsor", "decision beyond the sales cycle" */
  heldBy: string | null;
  /** new, accepted, contacted, won, lost (rejected stays rejected) */
  stage: PipelineStage;
  name: string | null;
  email: string | null;
  jobTitle: string | null;
  role: string | null;
  company: string | null;
  industry: string | null;
  region: string | null;
  source: string;
  campaign: string | null;
  ownerUserId: number | null;
  ownerName: string | null;
  status: string;
  rejectReason: string | null;
  contactedAt: string | null;
  score: number;
  band: Band;
  /** a rejected ready-now prospect goes back to nurture */
  effectiveBand: Band;
  reasons: Reason[];
  topTheme: { id: number; label: string } | null;
  themes: Array<{ id: number; label: string }>;
  trigger: { type: string; label: string; timing: string; phrase: string; certainty: string; corrected: boolean } | null;
  triggers: Array<{ type: string; label: string; timing: string; phrase: string; certainty: string; corrected: boolean }>;
  quote: string | null;
  budget: string | null;
  timeline: string | null;
  profileVersion: number | null;
  computedAt: string;
  /** the latest of rescored, status changed, contacted: what the API's updated_since compares */
  updatedAt: string;
  readySince: string | null;
  missed: number;
  checks: StoredParts["checks"] | null;
  parts: Pick<StoredParts, "pain" | "trigger" | "budget_timeline" | "fit" | "authority"> | null;
}

function isReasonList(value: unknown): value is Reason[] {
  return Array.isArray(value) && value.every((r) => r && typeof r === "object" && typeof (r as Reason).text === "string");
}

export function toProspectView(
  row: ProspectRow,
  themes: Array<{ themeId: number; label: string }> = [],
  consent: ConsentState = NO_CONSENT,
): ProspectView {
  const parts = (row.parts && typeof row.parts === "object" ? row.parts : {}) as Partial<StoredParts>;
  const triggers = (Array.isArray(parts.triggers) ? parts.triggers : []).map((t) => ({
    type: t.type,
    label: triggerLabel(t.type),
    timing: timingLabel(t),
    phrase: t.phrase,
    certainty: confidenceLabel(t),
    corrected: t.corrected === true,
  }));
  const facts = parts.facts ?? { quote: null, buyingRole: null, budget: null, timeline: null };
  const effectiveBand: Band = row.pipelineStatus === "rejected" && row.band === "ready_now" ? "nurture" : row.band;
  const reasons = isReasonList(row.reasons) ? [...row.reasons] : [];
  if (row.pipelineStatus === "rejected")
    reasons.unshift({ text: `Rejected by sales${row.rejectReason ? `: ${row.rejectReason}` : ""}`, tone: "minus" });
  const role = facts.buyingRole ?? row.jobTitle;
  const who = visibleIdentity(
    {
      personId: row.personId,
      name: row.name,
      email: row.email,
      company: row.companyName || null,
      role,
      industry: row.industry,
      region: row.region,
    },
    consent,
  );
  const hasEmail = Boolean(row.email && row.email.trim());
  return {
    personId: row.personId,
    label: who.label,
    named: who.named,
    descriptor: who.descriptor,
    consent,
    channels: optedInChannels(consent),
    hasEmail,
    crmReady: mayHandToCrm(consent, row.email),
    heldBy: heldBy(
      effectiveBand,
      parts.checks,
      parts.gateFailures ?? [],
      row.pipelineStatus === "rejected" ? (row.rejectReason ?? "") : null,
    ),
    stage: pipelineStage(row),
    name: who.name,
    email: who.email,
    jobTitle: who.named ? row.jobTitle : null,
    role,
    company: who.company,
    industry: row.industry,
    region: row.region,
    source: row.source,
    campaign: row.utmCampaign,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    status: row.pipelineStatus,
    rejectReason: row.rejectReason,
    contactedAt: row.contactedAt,
    score: row.score,
    band: row.band,
    effectiveBand,
    reasons,
    topTheme: themes[0] ? { id: themes[0].themeId, label: themes[0].label } : null,
    themes: themes.map((t) => ({ id: t.themeId, label: t.label })),
    trigger: triggers[0] ?? null,
    triggers,
    quote: facts.quote,
    budget: facts.budget,
    timeline: facts.timeline,
    profileVersion: row.profileVersion,
    computedAt: row.computedAt,
    updatedAt:
      [row.computedAt, row.statusChangedAt, row.contactedAt]
        .filter((x): x is string => Boolean(x))
        .sort()
        .at(-1) ?? row.computedAt,
    readySince: row.readySince,
    missed: parts.checks ? missedChecks(parts.checks) : 0,
    checks: parts.checks ?? null,
    parts:
      typeof parts.pain === "number"
        ? {
            pain: parts.pain,
            trigger: parts.trigger ?? 0,
            budget_timeline: parts.budget_timeline ?? 0,
            fit: parts.fit ?? 0,
            authority: parts.authority ?? 0,
          }
        : null,
  };
}

export async function prospectViews(db: Kysely<Database>, query: ProspectQuery = {}): Promise<ProspectView[]> {
  const rows = await listProspectRows(db, query);
  const ids = rows.map((r) => r.personId);
  const [themes, consents] = await Promise.all([themesForPeople(db, ids), consentStates(db, ids)]);
  return sortProspects(rows.map((r) => toProspectView(r, themes.get(r.personId), consents.get(r.personId))));
}

/** In id order, unsorted: the API's keyset pages (app/api/paging.ts). */
export async function prospectViewsById(db: Kysely<Database>, query: ProspectQuery): Promise<ProspectView[]> {
  const rows = await listProspectRows(db, { ...query, orderById: true });
  const ids = rows.map((r) => r.personId);
  const [themes, consents] = await Promise.all([themesForPeople(db, ids), consentStates(db, ids)]);
  return rows.map((r) => toProspectView(r, themes.get(r.personId), consents.get(r.personId)));
}

const BAND_ORDER: Record<Band, number> = { ready_now: 0, nurture: 1, not_a_fit: 2 };

/** The band decides, the score orders within a band; ties newest first. */
function sortProspects(list: ProspectView[]): ProspectView[] {
  return list.sort((a, b) => BAND_ORDER[a.effectiveBand] - BAND_ORDER[b.effectiveBand] || b.score - a.score || b.personId - a.personId);
}

export interface ProspectFilters {
  band?: Band | "";
  source?: string;
  trigger?: string;
  theme?: number | null;
  /** "me", "none" or a user id */
  owner?: string;
  status?: "" | "new" | "accepted" | "rejected";
}

export function filterProspects(list: readonly ProspectView[], f: ProspectFilters, meId: number): ProspectView[] {
  return list.filter((p) => {
    if (f.band && p.effectiveBand !== f.band) return false;
    if (f.source && p.source !== f.source) return false;
    if (f.trigger && !p.triggers.some((t) => t.type === f.trigger)) return false;
    if (f.theme && !p.themes.some((t) => t.id === f.theme)) return false;
    if (f.status && p.status !== f.status) return false;
    if (f.owner === "me" && p.ownerUserId !== meId) return false;
    if (f.owner === "none" && p.ownerUserId !== null) return false;
    if (f.owner && /^\d+$/.test(f.owner) && p.ownerUserId !== Number(f.owner)) return false;
    return true;
  });
}

/** The nurture list: nurture band (or rejected back to it), opted in to educational content, not unsubscribed. */
export async function nurtureList(db: Kysely<Database>): Promise<ProspectView[]> {
  const list = await prospectViews(db, { bands: ["nurture", "ready_now"], onlyNurtureOptIn: true });
  return list.filter((p) => p.effectiveBand === "nurture");
}

/** Ready-now prospects for the CRM (CSV and API): not rejected, not unsubscribed, permission to contact, an email. */
export async function readyNowForCrm(db: Kysely<Database>): Promise<ProspectView[]> {
  const list = await prospectViews(db, { bands: ["ready_now"] });
  return list.filter((p) => p.effectiveBand === "ready_now" && p.crmReady);
}

/** How sales may reach a ready-now person, in words: what the list and the page say instead of a phone number. */
export function reachability(p: Pick<ProspectView, "named" | "hasEmail" | "channels" | "consent">): string | null {
  if (p.consent.unsubscribed) return "unsubscribed: do not contact";
  if (!p.named)
    return p.channels.length ? `ready, no permission to contact (only: ${p.channels.join(", ")})` : "ready, no permission to contact";
  if (!p.hasEmail) return "no contact details";
  return null;
}
