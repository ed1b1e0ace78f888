import type { Kysely } from "kysely";
import type { AnalysisRun, Database } from "../schema.js";

export type RunScope = number | null;

/**
 * The rows of one run scope (runs, themes): null is the all-surveys scope, stored as a null
 * survey_id. Not for responses, where "no survey filter" means every survey.
 */
export function scopeFilter(scope: RunScope, column = "survey_id") {
  // Untyped builder: the same filter serves several tables and aliases.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (eb: any) => (scope === null ? eb(column, "is", null) : eb(column, "=", scope));
}

export async function createRun(
  db: Kysely<Database>,
  run: { surveyId: RunScope; trigger: "manual" | "auto"; createdBy: number | null; parameters?: Record<string, unknown> },
): Promise<number> {
  const row = await db
    .insertInto("analysis_runs")
    .values({
      survey_id: run.surveyId,
      status: "queued",
      progress: 0,
      stage: "queued",
      parameters: JSON.stringify(run.parameters ?? {}),
      trigger: run.trigger,
      response_count: 0,
      created_by: run.createdBy,
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getRun(db: Kysely<Database>, id: number): Promise<AnalysisRun | undefined> {
  return db.selectFrom("analysis_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A queued or running run, if any (one at a time: they write the same themes). */
export async function activeRun(db: Kysely<Database>): Promise<AnalysisRun | undefined> {
  return db.selectFrom("analysis_runs").selectAll().where("status", "in", ["queued", "running"]).orderBy("id", "desc").executeTakeFirst();
}

/** The newest successful runs of a scope, newest first. */
export async function doneRuns(db: Kysely<Database>, scope: RunScope, limit = 8): Promise<AnalysisRun[]> {
  return db
    .selectFrom("analysis_runs")
    .selectAll()
    .where("status", "=", "done")
    .where(scopeFilter(scope))
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The latest successful run of one scope (`null` is the all-surveys scope, not "any scope"). */
export async function latestDoneRun(db: Kysely<Database>, scope: RunScope): Promise<AnalysisRun | undefined> {
  return db
    .selectFrom("analysis_runs")
    .selectAll()
    .where("status", "=", "done")
    .where(scopeFilter(scope))
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** The latest successful run whatever its scope: what the board shows when no scope is asked for. */
export async function latestDoneRunOfAnyScope(db: Kysely<Database>): Promise<AnalysisRun | undefined> {
  return db.selectFrom("analysis_runs").selectAll().where("status", "=", "done").orderBy("id", "desc").executeTakeFirst();
}

export async function latestRun(db: Kysely<Database>): Promise<AnalysisRun | undefined> {
  return db.selectFrom("analysis_runs").selectAll().orderBy("id", "desc").executeTakeFirst();
}

/** Scopes that have a successful run (null = all surveys). */
export async function doneScopes(db: Kysely<Database>): Promise<RunScope[]> {
  const rows = await db.selectFrom("analysis_runs").select("survey_id").distinct().where("status", "=", "done").execute();
  return rows.map((r) => r.survey_id);
}

export async function markRunning(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable("analysis_runs")
    .set({ status: "running", stage: "loading answers", progress: 0, started_at: new Date().toISOString() })
    .where("id", "=", id)
    // running too: a job replayed after its server died starts the run over
    .where("status", "in", ["queued", "running"])
    .execute();
}

export async function setProgress(db: Kysely<Database>, id: number, progress: number, stage: string): Promise<void> {
  await db
    .updateTable("analysis_runs")
    .set({ progress: Math.max(0, Math.min(1, progress)), stage: stage.slice(0, 200) })
    .where("id", "=", id)
    .where("status", "=", "running")
    .execute();
}

export async function markFailed(db: Kysely<Database>, id: number, error: string): Promise<void> {
  await db
    .updateTable("analysis_runs")
    .set({ status: "failed", stage: "failed", error: error.slice(0, 1000), finished_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .execute();
}

/** Complete responses in a scope finished after a moment (for the automatic re-run). */
export async function completeResponsesSince(db: Kysely<Database>, scope: RunScope, since: string | null): Promise<number> {
  let query = db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "complete");
  if (scope !== null) query = query.where("survey_id", "=", scope);
  if (since) query = query.where("completed_at", ">", since);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}
