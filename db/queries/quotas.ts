import { sql, type Kysely } from "kysely";
import { isPostgres } from "../migration-helpers.js";
import type { Database } from "../schema.js";

export interface QuotaRow {
  id: number;
  surveyId: number;
  questionId: number;
  option: string;
  maxComplete: number;
}

export async function listQuotas(db: Kysely<Database>, surveyId: number): Promise<QuotaRow[]> {
  const rows = await db
    .selectFrom("survey_quotas")
    .select(["id", "survey_id", "question_id", "option", "max_complete"])
    .where("survey_id", "=", surveyId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, surveyId: r.survey_id, questionId: r.question_id, option: r.option, maxComplete: r.max_complete }));
}

/** Adds a quota, or changes the limit of the one already set on that segment. */
export async function upsertQuota(
  db: Kysely<Database>,
  args: { surveyId: number; questionId: number; option: string; maxComplete: number; now: string },
): Promise<void> {
  await db
    .insertInto("survey_quotas")
    .values({
      survey_id: args.surveyId,
      question_id: args.questionId,
      option: args.option,
      max_complete: args.maxComplete,
      created_at: args.now,
    })
    .onConflict((oc) => oc.columns(["survey_id", "question_id", "option"]).doUpdateSet({ max_complete: args.maxComplete }))
    .execute();
}

export async function deleteQuota(db: Kysely<Database>, surveyId: number, quotaId: number): Promise<boolean> {
  const r = await db.deleteFrom("survey_quotas").where("id", "=", quotaId).where("survey_id", "=", surveyId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** A LIKE pattern matching text that contains `fragment` literally (`!` escapes the wildcards, on both databases). */
const containing = (fragment: string) => `%${fragment.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * Complete responses in a segment: those whose answer to the question is the option (a single
 * choice, value_text) or includes it (a multiple choice, value_json: a JSON array written by
 * JSON.stringify). Portable: the JSON text is narrowed by LIKE on the option's own JSON string
 * (quotes included, so "Sales" does not match "Salesforce"), then each candidate is parsed and
 * checked exactly (SQLite's LIKE ignores ASCII case; an option's text may sit inside another's).
 * The candidates are about the segment's own size, which a quota bounds.
 */
export async function completeCountInSegment(db: Kysely<Database>, surveyId: number, questionId: number, option: string): Promise<number> {
  const rows = await db
    .selectFrom("answers as a")
    .innerJoin("responses as r", "r.id", "a.response_id")
    .select(["a.value_text", "a.value_json"])
    .where("r.survey_id", "=", surveyId)
    .where("r.status", "=", "complete")
    .where("a.question_id", "=", questionId)
    .where((eb) =>
      eb.or([
        eb("a.value_text", "=", option),
        sql<boolean>`${eb.ref("a.value_json")} like ${containing(JSON.stringify(option))} escape '!'`,
      ]),
    )
    .execute();
  return rows.filter((r) => r.value_text === option || jsonIncludes(r.value_json, option)).length;
}

function jsonIncludes(json: string | null, option: string): boolean {
  if (json === null) return false;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.includes(option);
  } catch {
    return false;
  }
}

/**
 * Serialises completions of one survey inside their transactions, so "count, then complete" cannot
 * let two concurrent completions both take the last place. PostgreSQL: a row lock on the survey,
 * held to COMMIT. SQLite needs none: its writes run one at a time (the group committer runs a
 * batch's items in turn inside one transaction, and the database has one writer).
 */
export async function lockSurveyForCompletion(db: Kysely<Database>, surveyId: number): Promise<void> {
  if (!isPostgres(db)) return;
  await db.selectFrom("surveys").select("id").where("id", "=", surveyId).forUpdate().execute();
}

export async function setResponseLanguage(db: Kysely<Database>, responseId: number, language: string): Promise<void> {
  await db
    .updateTable("responses")
    .set({ language })
    .where("id", "=", responseId)
    .where((eb) => eb.or([eb("language", "is", null), eb("language", "!=", language)]))
    .execute();
}
