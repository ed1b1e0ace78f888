import type { Kysely, Transaction } from "kysely";
import { correctionsForAnswers, type TriggerCorrectionRow } from "../../db/queries/trigger-corrections.js";
import { correctedTriggers } from "../triggers/corrected-triggers.server.js";
import {
  answersForPeople,
  bandsOf,
  companyFactsForPeople,
  peopleWithAnswers,
  upsertAssessment,
  type CompanyFacts,
  type PersonAnswer,
} from "../../db/queries/assessments.js";
import { insertProfileVersion, latestProfile } from "../../db/queries/profiles.js";
import type { Database } from "../../db/schema.js";
import { DEFAULT_PROFILE, ProfileSchema, type Profile } from "./profile.js";
import { readiness, type AnswersByRole, type ReadinessResult, type TriggerInput } from "./readiness.js";
import { TRIGGER_TEXT_ROLES, type QuestionRole } from "../surveys/questions.js";
import { choiceTriggers } from "../surveys/template.js";
import { chunks } from "../../db/queries/util.js";
import { liveEndpoints } from "../../db/queries/webhooks.js";
import { emitWebhookEvent, webhookEventsCommitted } from "../webhooks/deliveries.server.js";

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
interface AssessmentFacts {
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
function personAnswersByRole(answers: readonly PersonAnswer[], company?: CompanyFacts): AnswersByRole {
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
function triggersOf(
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
    for (const m of correctedTriggers(a.text ?? "", corrections.get(a.answerId) ?? [], a.answerId)) {
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

function assess(
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
    const scored = await scoreChunk(db, ids, current);
    let emitted = false;
    await db.transaction().execute(async (trx) => {
      const written = await writeScores(trx, scored, current);
      done += written.count;
      emitted = written.emitted;
    });
    if (emitted) webhookEventsCommitted(db);
  }
  return done;
}

async function scoreChunk(db: Kysely<Database>, ids: readonly number[], current: CurrentProfile) {
  const [answers, companies] = await Promise.all([answersForPeople(db, ids), companyFactsForPeople(db, ids)]);
  const corrections = await correctionsForAnswers(
    db,
    [...answers.values()].flatMap((list) => list.map((a) => a.answerId)),
  );
  const now = new Date();
  return ids.flatMap((id) => {
    const list = answers.get(id);
    if (!list?.length) return [];
    return [{ id, now, ...assess(list, companies.get(id), current, now, corrections) }];
  });
}

async function writeScores(
  trx: Kysely<Database>,
  scored: Awaited<ReturnType<typeof scoreChunk>>,
  current: CurrentProfile,
): Promise<{ count: number; emitted: boolean }> {
  // Webhooks (ADR 0701): a changed band or score is an event, written with the new score.
  const endpoints = await liveEndpoints(trx);
  const ids = scored.map((s) => s.id);
  const before = endpoints.length && ids.length ? await bandsOf(trx, ids) : new Map<number, { band: string; score: number }>();
  let emitted = false;
  for (const { id, now, result, parts } of scored) {
    await upsertAssessment(trx, {
      personId: id,
      profileId: current.id,
      score: result.score,
      band: result.band,
      reasons: result.reasons,
      parts,
      now: now.toISOString(),
    });
    if (!endpoints.length) continue;
    const was = before.get(id);
    if (result.band === "ready_now" && was?.band !== "ready_now")
      emitted = (await emitWebhookEvent(trx, "prospect.ready_now", { personId: id }, endpoints)) || emitted;
    if (!was || was.band !== result.band || was.score !== result.score)
      emitted = (await emitWebhookEvent(trx, "prospect.updated", { personId: id }, endpoints)) || emitted;
  }
  return { count: scored.length, emitted };
}

/**
 * Re-score these people inside the caller's transaction, reading through it too, so a change that
 * moves answers between people (a merge, its undo) and the new scores land together or not at all.
 */
export async function reassessPeopleInTransaction(trx: Transaction<Database>, personIds: readonly number[]): Promise<number> {
  if (!personIds.length) return 0;
  const current = await currentProfile(trx);
  return (await writeScores(trx, await scoreChunk(trx, personIds, current), current)).count;
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
