import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { writeTransaction } from "../../../db/group-commit.js";
import { completeCountInSegment, deleteQuota, listQuotas, upsertQuota } from "../../../db/queries/quotas.js";
import { getSurvey, listQuestions, questionOptions, touchSurvey } from "../../../db/queries/surveys.js";
import type { FieldErrors } from "../../utils/forms.js";
import {
  fullQuotaFor,
  quotaProgress,
  quotaQuestions,
  quotaTargetErrors,
  segmentKey,
  type Chosen,
  type Quota,
  type QuotaForm,
} from "./rules.js";

/**
 * Quotas on the server (ADR 0602): the quotas page's reads and writes, and the check the public
 * form makes. Every write bumps the survey's updated_at, so the public form's cached copy of the
 * survey (which carries its quotas) is refreshed on the next request.
 */

export async function surveyQuotas(db: Kysely<Database>, surveyId: number): Promise<Quota[]> {
  return (await listQuotas(db, surveyId)).map(({ id, questionId, option, maxComplete }) => ({ id, questionId, option, maxComplete }));
}

/** The quotas page: each quota with its complete count, and the questions a quota can be set on. */
export async function quotasPage(db: Kysely<Database>, surveyId: number) {
  const survey = await getSurvey(db, surveyId);
  if (!survey) return undefined;
  const questions = quotaQuestions(
    (await listQuestions(db, surveyId)).map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: questionOptions(q) })),
  );
  const quotas = await surveyQuotas(db, surveyId);
  const counts = await segmentCounts(db, surveyId, quotas);
  const byId = new Map(questions.map((q) => [q.id, q]));
  return {
    survey: { id: survey.id, title: survey.title, status: survey.status, maxResponses: survey.max_responses },
    questions,
    quotas: quotas.map((q) => ({
      ...quotaProgress(q, counts),
      prompt: byId.get(q.questionId)?.prompt ?? "(removed question)",
      /** a multiple choice: the segment is everyone who ticked the option, whatever else they ticked */
      multiple: byId.get(q.questionId)?.kind === "multiple_choice",
    })),
  };
}

async function segmentCounts(db: Kysely<Database>, surveyId: number, quotas: readonly Quota[]): Promise<Map<string, number>> {
  // One count per quota (a survey has a few): a multiple-choice segment is counted inside JSON lists.
  const counts = new Map<string, number>();
  for (const q of quotas) counts.set(segmentKey(q), await completeCountInSegment(db, surveyId, q.questionId, q.option));
  return counts;
}

export async function saveQuota(
  db: Kysely<Database>,
  surveyId: number,
  form: QuotaForm,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const questions = (await listQuestions(db, surveyId)).map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: questionOptions(q),
  }));
  const errors = quotaTargetErrors(form, questions);
  if (Object.keys(errors).length) return { ok: false, errors };
  await writeTransaction(db, async (trx) => {
    await upsertQuota(trx, { surveyId, ...form, now: new Date().toISOString() });
    await touchSurvey(trx, surveyId);
  });
  return { ok: true };
}

export async function removeQuota(db: Kysely<Database>, surveyId: number, quotaId: number): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const removed = await deleteQuota(trx, surveyId, quotaId);
    if (removed) await touchSurvey(trx, surveyId);
    return removed;
  });
}

/**
 * The full quota whose segment these answers put the prospect in (undefined: there is room).
 * Inside a completion transaction the caller holds the survey's completion lock first
 * (lockSurveyForCompletion), so the counts cannot change before the response is completed.
 */
export async function fullQuotaOf(
  db: Kysely<Database>,
  surveyId: number,
  quotas: readonly Quota[] | undefined,
  chosen: Chosen,
): Promise<Quota | undefined> {
  const mine = (quotas ?? []).filter((q) => chosen.get(q.questionId)?.includes(q.option));
  if (!mine.length) return undefined;
  const counts = new Map<string, number>();
  for (const q of mine) counts.set(segmentKey(q), await completeCountInSegment(db, surveyId, q.questionId, q.option));
  return fullQuotaFor(mine, chosen, counts);
}

/** Each quota's segment and count, for the survey's builder page. */
export async function quotaSummary(db: Kysely<Database>, surveyId: number) {
  return (
    (await quotasPage(db, surveyId))?.quotas.map(({ id, prompt, option, complete, maxComplete, full }) => ({
      id,
      prompt,
      option,
      complete,
      maxComplete,
      full,
    })) ?? []
  );
}
