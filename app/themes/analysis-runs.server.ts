/**
 * Starting analysis runs. A run is a row in analysis_runs plus an `analysis-run` job written in the
 * same transaction (app/jobs/): whichever server's job runner claims it does the work in a child
 * process (app/jobs/analysis-child.server.ts), holding the job's lease by heartbeat. A server that
 * dies mid-run stops renewing the lease and another server (or this one after a restart) retries
 * the run; a live run is never failed by a peer. One run at a time: runs write the same themes.
 */
import { sql, type Kysely } from "kysely";
import {
  activeRun,
  latestRun,
  completeResponsesSince,
  createRun,
  latestDoneRun,
  latestDoneRunOfAnyScope,
  type RunScope,
} from "../../db/queries/analysis-runs.js";
import { isPostgres } from "../../db/migration-helpers.js";
import type { Database } from "../../db/schema.js";
import { analysisRunJob } from "../jobs/analysis-run.job.server.js";
import { enqueue, poke } from "../jobs/runner.server.js";
import { env } from "../utils/env.server.js";

export class RunBusy extends Error {}

/**
 * The run in progress, if there is one. A run whose server died is still in progress: its job is
 * retried when the lease lapses, or fails for good and marks the run failed (analysis-run.job.server.ts).
 */
export async function runInProgress(db: Kysely<Database>) {
  return activeRun(db);
}

/** Any number for pg_advisory_xact_lock, shared by every server: "starting an analysis run". */
const START_RUN_LOCK = 12_000_001;

export async function startRun(
  db: Kysely<Database>,
  input: { surveyId: RunScope; trigger: "manual" | "auto"; userId: number | null },
): Promise<number> {
  const runId = await db.transaction().execute(async (trx) => {
    // Two servers starting at once: the check and the insert happen under one lock (SQLite's
    // BEGIN IMMEDIATE already serialises them).
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${START_RUN_LOCK})`.execute(trx);
    if (await activeRun(trx)) throw new RunBusy("An analysis is already running. Wait for it to finish, then start another.");
    const id = await createRun(trx, { surveyId: input.surveyId, trigger: input.trigger, createdBy: input.userId });
    await enqueue(trx, analysisRunJob, { runId: id, scope: input.surveyId });
    return id;
  });
  poke(db, analysisRunJob.name);
  return runId;
}

/**
 * Starts a run by itself when enough complete responses arrived since the last one
 * (AUTO_ANALYSIS_EVERY; 0 = never). Called once per batch of completions (after-completion), not
 * per submission. Never throws: a submission must not fail because of it.
 */
export async function maybeStartAutoRun(db: Kysely<Database>, surveyId: number): Promise<number | null> {
  try {
    const every = env().AUTO_ANALYSIS_EVERY;
    if (!every) return null;
    // Re-clustering everything is heavy work on a small machine: under a burst of submissions the
    // board refreshes at most once per interval instead of once per few responses.
    // (A run still in progress is the latest run too.)
    const previous = await latestRun(db);
    if (previous && Date.now() - Date.parse(previous.created_at) < env().AUTO_ANALYSIS_MIN_INTERVAL_S * 1000) return null;
    const latest = await latestDoneRunOfAnyScope(db);
    const scope: RunScope = latest && latest.survey_id === surveyId ? surveyId : null;
    const since = (latest && latest.survey_id === scope ? latest : await latestDoneRun(db, scope))?.created_at ?? null;
    if ((await completeResponsesSince(db, scope, since)) < every) return null;
    return await startRun(db, { surveyId: scope, trigger: "auto", userId: null });
  } catch {
    return null;
  }
}
