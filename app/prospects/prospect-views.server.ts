import type { Kysely } from "kysely";
import { themesForPeople } from "../../db/queries/assessments.js";
import { listProspectRows, type ProspectQuery, type ProspectRow } from "../../db/queries/prospects.js";
import type { Database } from "../../db/schema.js";
import { confidenceLabel, missedChecks, timingLabel, triggerLabel, type Band, type Reason } from "./readiness.js";
import type { StoredParts } from "./readiness.server.js";

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
