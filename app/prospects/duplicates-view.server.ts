import type { Kysely } from "kysely";
import { duplicateCandidates, recentMerges, type PersonRecord, type PersonState } from "../../db/queries/person-merges.js";
import { consentRowsForPeople } from "../../db/queries/consents.js";
import type { Database } from "../../db/schema.js";
import { visibleIdentity } from "../consent/consent-rule.js";
import { consentStateOf, consentStates } from "../consent/consent-states.server.js";
import { RULE_LABELS, suggestDuplicates, type DuplicatePair } from "./duplicates.js";
import { planMerge } from "./person-merge.server.js";
import { prospectViews, type ProspectView } from "./prospect-views.server.js";

/**
 * What the duplicates page shows, through the consent rule (ADR 0401): a person who did not agree to
 * be contacted is their pseudonym with role, industry and region; the rule that matched them says
 * which fields agree ("same company email domain and same name") without showing those fields.
 */

export interface PersonCard {
  personId: number;
  label: string;
  named: boolean;
  name: string | null;
  email: string | null;
  company: string | null;
  jobTitle: string | null;
  descriptor: string;
  band: string | null;
  score: number | null;
  status: string | null;
  source: string | null;
}

function cardOf(personId: number, view: ProspectView | undefined): PersonCard {
  const fallback = visibleIdentity({ personId, name: null, email: null, company: null }, undefined);
  return {
    personId,
    label: view?.label ?? fallback.label,
    named: view?.named ?? false,
    name: view?.named ? view.name : null,
    email: view?.named ? view.email : null,
    company: view?.named ? view.company : null,
    jobTitle: view?.named ? view.jobTitle : null,
    descriptor: view?.descriptor ?? "",
    band: view?.effectiveBand ?? null,
    score: view?.score ?? null,
    status: view?.stage ?? null,
    source: view?.source ?? null,
  };
}

async function cards(db: Kysely<Database>, ids: number[]): Promise<Map<number, PersonCard>> {
  const views = new Map((await prospectViews(db, { personIds: ids, includeUnsubscribed: true })).map((v) => [v.personId, v]));
  return new Map(ids.map((id) => [id, cardOf(id, views.get(id))]));
}

export async function duplicatePairs(db: Kysely<Database>): Promise<DuplicatePair[]> {
  return suggestDuplicates(await duplicateCandidates(db));
}

export async function duplicateCount(db: Kysely<Database>): Promise<number> {
  return (await duplicatePairs(db)).length;
}

export async function duplicatesPage(db: Kysely<Database>) {
  const pairs = await duplicatePairs(db);
  const merges = await recentMerges(db, 20);
  const ids = [...new Set([...pairs.flatMap((p) => [p.keptId, p.mergedId]), ...merges.flatMap((m) => [m.keptId, m.mergedId])])];
  const byId = await cards(db, ids);
  return {
    pairs: pairs.map((p) => ({ kept: byId.get(p.keptId)!, merged: byId.get(p.mergedId)!, reasons: p.rules.map((r) => RULE_LABELS[r]) })),
    merges: merges.map((m) => ({
      id: m.id,
      kept: byId.get(m.keptId)!,
      merged: byId.get(m.mergedId)!,
      by: m.mergedByName,
      at: m.mergedAt,
      undoneAt: m.undoneAt,
      undoneBy: m.undoneByName,
      moved: {
        responses: m.snapshot.merged?.responseIds?.length ?? 0,
        consents: m.snapshot.merged?.consentIds?.length ?? 0,
        opportunities: m.snapshot.merged?.opportunityIds?.length ?? 0,
      },
    })),
  };
}

function contents(s: PersonState) {
  return {
    responses: s.responseIds.length,
    answers: s.answerCount,
    consents: s.consentIds.length,
    opportunities: s.opportunityIds.length,
    corrections: s.correctionCount,
  };
}

function pipelineOf(p: PersonRecord) {
  return { status: p.pipeline_status, rejectReason: p.reject_reason, contactedAt: p.contacted_at, hasOwner: p.owner_user_id !== null };
}

/** The preview: both people now, and what the kept person will have after the merge (every row, nothing lost). */
export async function mergePreview(db: Kysely<Database>, keptId: number, mergedId: number) {
  const plan = await planMerge(db, keptId, mergedId);
  const byId = await cards(db, [keptId, mergedId]);
  const rows = await consentRowsForPeople(db, [keptId, mergedId]); // oldest first: the latest of a purpose decides
  const after = consentStateOf(rows);
  const states = await consentStates(db, [keptId]);
  const before = states.get(keptId)!;
  const sum = (a: ReturnType<typeof contents>, b: ReturnType<typeof contents>) =>
    Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof typeof a] + b[k as keyof typeof b]])) as typeof a;
  return {
    kept: { card: byId.get(keptId)!, has: contents(plan.kept), pipeline: pipelineOf(plan.kept.person) },
    merged: { card: byId.get(mergedId)!, has: contents(plan.merged), pipeline: pipelineOf(plan.merged.person) },
    after: {
      has: sum(contents(plan.kept), contents(plan.merged)),
      pipeline: pipelineOf(plan.result),
      consentRecords: rows.map((r) => ({
        id: r.id,
        purpose: r.purpose,
        status: r.status,
        capturedAt: r.capturedAt,
        withdrawnAt: r.withdrawnAt,
      })),
      /** the merged consent rows may change whether staff may see who they are: said before the merge */
      namedBefore: before.contact && !before.unsubscribed,
      namedAfter: after.contact && !after.unsubscribed,
      unsubscribed: after.unsubscribed,
    },
    fingerprint: plan.fingerprint,
  };
}
