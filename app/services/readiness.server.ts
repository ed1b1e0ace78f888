import type { Kysely } from "kysely";
import { correctionsForAnswers, type TriggerCorrectionRow } from "../../db/queries/trigger-corrections.js";
import { correctedTriggers } from "./corrected-triggers.server.js";
import {
  answersForPeople,
  companyFactsForPeople,
  peopleWithAnswers,
  themesForPeople,
  upsertAssessment,
  type CompanyFacts,
  type PersonAnswer,
} from "../../db/queries/assessments.js";
import { bearerToken, touchApiKey, verifyApiKey } from "../../db/queries/api-keys.js";
import { insertProfileVersion, latestProfile } from "../../db/queries/profiles.js";
import { listProspectRows, type ProspectQuery, type ProspectRow } from "../../db/queries/prospects.js";
import type { Database } from "../../db/schema.js";
import { DEFAULT_PROFILE, ProfileSchema, type Profile } from "../scoring/profile.js";
import {
  confidenceLabel,
  missedChecks,
  readiness,
  timingLabel,
  triggerLabel,
  type AnswersByRole,
  type Band,
  type ReadinessResult,
  type Reason,
  type TriggerInput,
} from "../scoring/readiness.js";
import { TRIGGER_TEXT_ROLES, type QuestionRole } from "../surveys/questions.js";
import { choiceTriggers } from "../surveys/template.js";
import { toCsv, type CsvCell } from "../utils/csv.js";
import { chunks } from "../../db/queries/util.js";

/**
 * Readiness to buy, end to end: a person's answers by role -> triggers (structured choices and
 * analysis.detectTriggers on their words) -> pure scoring -> one assessment row that records the
 * profile version that produced it. Marketing- and sales-sourced people go through the same code.
 */

export interface CurrentProfile {
  id: number;
  version: number;
  profile: Profile;
}

/** The current profile; version 1 with the DESIGN.md defaults is created on first use. */
export async function currentProfile(db: Kysely<Database>): Promise<CurrentProfile> {
  let row = await latestProfile(db);
  if (!row) {
    try {
      await insertProfileVersion(db, DEFAULT_PROFILE, null);
    } catch {
      // another request seeded it first
    }
    row = await latestProfile(db);
    if (!row) throw new Error("qualification profile could not be created");
  }
  const parsed = ProfileSchema.safeParse(row.definition);
  return { id: row.id, version: row.version, profile: parsed.success ? parsed.data : DEFAULT_PROFILE };
}

/** Facts kept with the assessment so lists need not re-read every answer. */
export interface AssessmentFacts {
  quote: string | null;
  buyingRole: string | null;
  budget: string | null;
  timeline: string | null;
}

export interface StoredParts {
  pain: number;
  trigger: number;
  budget_timeline: number;
  fit: number;
  authority: number;
  checks: ReadinessResult["checks"];
  gateFailures: string[];
  triggers: ReadinessResult["triggers"];
  decisionDays: number | null;
  facts: AssessmentFacts;
  profileVersion: number;
}

/** One person's answers as readiness reads them: role -> that person's answers (company facts fill gaps). */
export function personAnswersByRole(answers: readonly PersonAnswer[], company?: CompanyFacts): AnswersByRole {
  const byRole: AnswersByRole = {};
  for (const a of answers) {
    if (!a.role) continue;
    (byRole[a.role] ??= []).push({ text: a.text, number: a.number, choices: a.choices });
  }
  // A sales-entered person may have company facts without survey answers for them.
  if (company) {
    if (!byRole.industry?.length && company.industry) byRole.industry = [{ text: company.industry }];
    if (!byRole.region?.length && company.region) byRole.region = [{ text: company.region }];
    if (!byRole.site_count?.length && company.siteCount !== null) byRole.site_count = [{ text: String(company.siteCount) }];
  }
  return byRole;
}

/** Triggers from a person's answers; a marketer's corrections of an answer override the detector there. */
export function triggersOf(
  answers: readonly PersonAnswer[],
  corrections: ReadonlyMap<number, readonly TriggerCorrectionRow[]> = new Map(),
): TriggerInput[] {
  const out: TriggerInput[] = [];
  const textual: PersonAnswer[] = [];
  for (const a of answers) {
    if (!a.role) continue;
    if (a.role === "trigger_events" && a.choices) out.push(...choiceTriggers(a.choices));
    if (TRIGGER_TEXT_ROLES.has(a.role as QuestionRole) && a.text && !a.choices) textual.push(a);
  }
  for (const a of textual) {
    for (const m of correctedTriggers(a.text ?? "", corrections.get(a.answerId) ?? [])) {
      out.push({ type: m.type, timing: m.timing, phrase: m.phrase, origin: "text", confidence: m.confidence, corrected: m.corrected });
    }
  }
  return out;
}

function factsOf(byRole: AnswersByRole): AssessmentFacts {
  const text = (role: string) => byRole[role]?.map((a) => (a.text ?? a.choices?.[0] ?? "").trim()).find(Boolean) ?? null;
  const story = text("pain_story") ?? text("cost_of_inaction");
  return {
    quote: story ? (story.length > 280 ? `${story.slice(0, 277).trimEnd()}…` : story) : null,
    buyingRole: text("buying_role"),
    budget: text("budget"),
    timeline: text("timeline"),
  };
}

export function assess(
  answers: readonly PersonAnswer[],
  company: CompanyFacts | undefined,
  current: CurrentProfile,
  now: Date,
  corrections: ReadonlyMap<number, readonly TriggerCorrectionRow[]> = new Map(),
) {
  const byRole = personAnswersByRole(answers, company);
  const result = readiness(byRole, triggersOf(answers, corrections), current.profile, now);
  const parts: StoredParts = {
    ...result.parts,
    checks: result.checks,
    gateFailures: result.gateFailures,
    triggers: result.triggers,
    decisionDays: result.decisionDays,
    facts: factsOf(byRole),
    profileVersion: current.version,
  };
  return { result, parts };
}

async function reassessMany(db: Kysely<Database>, personIds: readonly number[], current: CurrentProfile): Promise<number> {
  let done = 0;
  for (const ids of chunks(personIds, 200)) {
    const [answers, companies] = await Promise.all([answersForPeople(db, ids), companyFactsForPeople(db, ids)]);
    const corrections = await correctionsForAnswers(
      db,
      [...answers.values()].flatMap((list) => list.map((a) => a.answerId)),
    );
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      for (const id of ids) {
        const list = answers.get(id);
        if (!list?.length) continue;
        const { result, parts } = assess(list, companies.get(id), current, now, corrections);
        await upsertAssessment(trx, {
          personId: id,
          profileId: current.id,
          score: result.score,
          band: result.band,
          reasons: result.reasons,
          parts,
          now: now.toISOString(),
        });
        done++;
      }
    });
  }
  return done;
}

/** Recompute one person (after they answer). Returns false when they have no answers. */
export async function reassessPerson(db: Kysely<Database>, personId: number): Promise<boolean> {
  const current = await currentProfile(db);
  return (await reassessMany(db, [personId], current)) > 0;
}

/** Recompute everyone with answers (after a profile change, after the demo seed). */
export async function reassessAll(db: Kysely<Database>): Promise<number> {
  const current = await currentProfile(db);
  return reassessMany(db, await peopleWithAnswers(db), current);
}

/** Re-score these people in one batch (the people whose responses just completed: see after-completion.server.ts). */
export async function reassessPeople(db: Kysely<Database>, personIds: readonly number[]): Promise<number> {
  if (!personIds.length) return 0;
  return reassessMany(db, personIds, await currentProfile(db));
}

/* ---------- Prospect views: what the pages, the CSV export and the API show ---------- */

export interface ProspectView {
  personId: number;
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
  readySince: string | null;
  missed: number;
  checks: StoredParts["checks"] | null;
  parts: Pick<StoredParts, "pain" | "trigger" | "budget_timeline" | "fit" | "authority"> | null;
}

function isReasonList(value: unknown): value is Reason[] {
  return Array.isArray(value) && value.every((r) => r && typeof r === "object" && typeof (r as Reason).text === "string");
}

export function toProspectView(row: ProspectRow, themes: Array<{ themeId: number; label: string }> = []): ProspectView {
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
  return {
    personId: row.personId,
    name: row.name,
    email: row.email,
    jobTitle: row.jobTitle,
    role: facts.buyingRole ?? row.jobTitle,
    company: row.companyName || null,
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
  const themes = await themesForPeople(
    db,
    rows.map((r) => r.personId),
  );
  return rows.map((r) => toProspectView(r, themes.get(r.personId)));
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

/** Ready-now prospects for the CRM (CSV and API): not rejected, not unsubscribed. */
export async function readyNowForCrm(db: Kysely<Database>): Promise<ProspectView[]> {
  const list = await prospectViews(db, { bands: ["ready_now"] });
  return list.filter((p) => p.effectiveBand === "ready_now");
}

/* ---------- To the CRM: CSV columns HubSpot and Salesforce map on import, and the API shape ---------- */

export type CrmFormat = "hubspot" | "salesforce";

function splitName(name: string | null): [string, string] {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return [parts[0] ?? "", ""];
  return [parts.slice(0, -1).join(" "), parts[parts.length - 1]];
}

const CRM_HEADERS: Record<CrmFormat, string[]> = {
  hubspot: [
    "First Name",
    "Last Name",
    "Email",
    "Company Name",
    "Job Title",
    "Industry",
    "Country/Region",
    "Lead Status",
    "Original Source",
    "Readiness Score",
    "Readiness Band",
    "Top Pain",
    "Trigger",
    "Key Quote",
    "Reasons",
    "Painmap URL",
    "Unsubscribe URL",
  ],
  salesforce: [
    "FirstName",
    "LastName",
    "Email",
    "Company",
    "Title",
    "Industry",
    "Country",
    "Status",
    "LeadSource",
    "Readiness_Score__c",
    "Readiness_Band__c",
    "Top_Pain__c",
    "Trigger__c",
    "Key_Quote__c",
    "Reasons__c",
    "Painmap_URL__c",
    "Unsubscribe_URL__c",
  ],
};

export function crmCsv(list: readonly ProspectView[], origin: string, format: CrmFormat, linkFor: (personId: number) => string): string {
  const rows: CsvCell[][] = list.map((p) => {
    const [first, last] = splitName(p.name);
    return [
      first,
      last,
      p.email,
      p.company,
      p.jobTitle,
      p.industry,
      p.region,
      format === "hubspot" ? "NEW" : "Open - Not Contacted",
      p.source,
      p.score,
      p.effectiveBand === "ready_now" ? "Ready now" : p.effectiveBand,
      p.topTheme?.label ?? null,
      p.trigger ? `${p.trigger.label} (${p.trigger.timing})` : null,
      p.quote,
      p.reasons.map((r) => r.text).join("; "),
      `${origin}/prospects/${p.personId}`,
      p.email ? linkFor(p.personId) : null,
    ];
  });
  return toCsv(CRM_HEADERS[format], rows);
}

/** The read-only API's view of a prospect: what a CRM sync needs, no internal ids beyond the person's. */
export function apiProspect(p: ProspectView, unsubscribeUrl: string | null) {
  return {
    id: p.personId,
    name: p.name,
    email: p.email,
    job_title: p.jobTitle,
    buying_role: p.role,
    company: p.company,
    industry: p.industry,
    region: p.region,
    source: p.source,
    score: p.score,
    band: p.effectiveBand,
    status: p.status,
    owner: p.ownerName,
    top_pain_theme: p.topTheme?.label ?? null,
    trigger: p.trigger,
    key_quote: p.quote,
    reasons: p.reasons.map((r) => r.text),
    profile_version: p.profileVersion,
    assessed_at: p.computedAt,
    unsubscribe_url: unsubscribeUrl,
  };
}

/**
 * GET /api/prospects: read-only JSON for a CRM sync. `Authorization: Bearer pm_...` with a live
 * key; `?band=ready_now|nurture|all` (default ready_now). Unsubscribed people never appear.
 */
export async function prospectsApi(
  db: Kysely<Database>,
  request: Request,
  origin: string,
  linkFor: (personId: number) => string,
): Promise<Response> {
  const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
  const keyId = await verifyApiKey(db, bearerToken(request.headers.get("Authorization")));
  if (keyId === null) {
    return new Response(JSON.stringify({ error: "A valid API key is required: Authorization: Bearer pm_..." }), {
      status: 401,
      headers: { ...headers, "WWW-Authenticate": 'Bearer realm="painmap"' },
    });
  }
  await touchApiKey(db, keyId, new Date().toISOString());
  const band = new URL(request.url).searchParams.get("band") ?? "ready_now";
  if (!["ready_now", "nurture", "all"].includes(band)) {
    return new Response(JSON.stringify({ error: "band must be ready_now, nurture or all" }), { status: 400, headers });
  }
  const list = band === "ready_now" ? await readyNowForCrm(db) : band === "nurture" ? await nurtureList(db) : await prospectViews(db);
  const body = {
    band,
    count: list.length,
    generated_at: new Date().toISOString(),
    prospects: list.map((p) => ({ ...apiProspect(p, p.email ? linkFor(p.personId) : null), url: `${origin}/prospects/${p.personId}` })),
  };
  return new Response(JSON.stringify(body), { status: 200, headers });
}
