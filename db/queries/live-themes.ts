/**
 * What assigning one new answer to the current themes reads and writes (SQL and row mapping only;
 * the rules are in app/themes/live-assignment.server.ts).
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";
import { scopeFilter, type RunScope } from "./analysis-runs.js";
import type { RunResults } from "./run-results.js";
import { parseJson } from "./util.js";

type Db = Kysely<Database>;

export interface StoredModel {
  runId: number;
  json: string;
  /** theme id of each cluster of the model */
  themeIds: number[];
}

/** The latest done run of a scope with its stored theme model, if it has one. */
export async function latestRunModel(db: Db, scope: RunScope): Promise<{ runId: number; hasModel: boolean } | undefined> {
  const row = await db
    .selectFrom("analysis_runs")
    .select(["id", "model_theme_ids"])
    .where("status", "=", "done")
    .where(scopeFilter(scope))
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? { runId: row.id, hasModel: row.model_theme_ids !== null } : undefined;
}

/** Whether any done run stored a theme model (a cheap test before reading a response's answers). */
export async function anyRunModel(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("analysis_runs")
    .select("id")
    .where("status", "=", "done")
    .where("model_theme_ids", "is not", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function runModel(db: Db, runId: number): Promise<StoredModel | undefined> {
  const row = await db
    .selectFrom("analysis_runs")
    .select(["id", "theme_model", "model_theme_ids"])
    .where("id", "=", runId)
    .executeTakeFirst();
  if (!row?.theme_model || !row.model_theme_ids) return undefined;
  return { runId: row.id, json: row.theme_model, themeIds: parseJson<number[]>(row.model_theme_ids, []) };
}

/** Pain themes of a scope with what resolving a merge needs. */
export async function scopeThemeStates(
  db: Db,
  scope: RunScope,
): Promise<Array<{ id: number; status: "active" | "merged" | "hidden"; mergedIntoId: number | null }>> {
  const rows = await db
    .selectFrom("themes")
    .select(["id", "status", "merged_into_id"])
    .where("kind", "=", "pain")
    .where(scopeFilter(scope))
    .execute();
  return rows.map((r) => ({ id: r.id, status: r.status, mergedIntoId: r.merged_into_id }));
}

/** Of these answers, the ones already a member of a theme of the scope. */
export async function answersInScopeThemes(db: Db, scope: RunScope, answerIds: number[]): Promise<Set<number>> {
  if (!answerIds.length) return new Set();
  const rows = await db
    .selectFrom("theme_members as tm")
    .innerJoin("themes as t", "t.id", "tm.theme_id")
    .select("tm.answer_id")
    .where("tm.answer_id", "in", answerIds)
    .where("t.kind", "=", "pain")
    .where(scopeFilter(scope, "t.survey_id"))
    .execute();
  return new Set(rows.map((r) => r.answer_id));
}

export async function hasResponseFact(db: Db, runId: number, responseId: number): Promise<boolean> {
  const row = await db
    .selectFrom("response_facts")
    .select("id")
    .where("run_id", "=", runId)
    .where("response_id", "=", responseId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Adds one respondent to a run's facts and to its everyone-analysed facet row (theme 0), the
 * denominator of every share, as the run itself would have counted them.
 */
export async function addRespondentToRun(trx: Transaction<Database>, runId: number, fact: RunResults["facts"][number]): Promise<void> {
  await trx
    .insertInto("response_facts")
    .values({
      run_id: runId,
      response_id: fact.responseId,
      survey_id: fact.surveyId,
      industry: fact.industry,
      region: fact.region,
      buying_role: fact.buyingRole,
      source: fact.source,
      severity: fact.severity,
    })
    .execute();
  const key = (q: ReturnType<typeof facetRow>) =>
    q
      .where("run_id", "=", runId)
      .where("theme_id", "=", 0)
      .where("survey_id", "=", fact.surveyId)
      .where("industry", "=", fact.industry)
      .where("region", "=", fact.region)
      .where("buying_role", "=", fact.buyingRole)
      .where("source", "=", fact.source);
  const facetRow = () => trx.selectFrom("theme_facets").select("id");
  const existing = await key(facetRow()).executeTakeFirst();
  const rated = fact.severity === null ? 0 : 1;
  if (existing) {
    await trx
      .updateTable("theme_facets")
      .set((eb) => ({
        respondents: eb("respondents", "+", 1),
        severity_sum: eb("severity_sum", "+", fact.severity ?? 0),
        severity_n: eb("severity_n", "+", rated),
      }))
      .where("id", "=", existing.id)
      .execute();
  } else {
    await trx
      .insertInto("theme_facets")
      .values({
        run_id: runId,
        theme_id: 0,
        survey_id: fact.surveyId,
        industry: fact.industry,
        region: fact.region,
        buying_role: fact.buyingRole,
        source: fact.source,
        respondents: 1,
        severity_sum: fact.severity ?? 0,
        severity_n: rated,
      })
      .execute();
  }
}

export async function addThemeMembers(
  trx: Transaction<Database>,
  runId: number,
  members: Array<{ themeId: number; answerId: number; quoteRank: number }>,
): Promise<void> {
  if (!members.length) return;
  await trx
    .insertInto("theme_members")
    .values(
      members.map((m) => ({
        theme_id: m.themeId,
        answer_id: m.answerId,
        run_id: runId,
        similarity: m.quoteRank,
        assigned_by: "analysis" as const,
      })),
    )
    .execute();
}

/** Every theme's share of a run against its current number of respondents analysed. */
export async function refreshShares(trx: Transaction<Database>, runId: number): Promise<void> {
  const total = await trx
    .selectFrom("theme_facets")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("respondents"), eb.val(0)).as("n"))
    .where("run_id", "=", runId)
    .where("theme_id", "=", 0)
    .executeTakeFirst();
  const n = Number(total?.n ?? 0);
  const stats = await trx.selectFrom("theme_stats").select(["id", "member_count", "share"]).where("run_id", "=", runId).execute();
  for (const s of stats) {
    const share = n > 0 ? Number(s.member_count) / n : 0;
    if (Math.abs(share - Number(s.share)) > 1e-12) await trx.updateTable("theme_stats").set({ share }).where("id", "=", s.id).execute();
  }
}
