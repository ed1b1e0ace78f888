/**
 * Starting analysis runs. A run is a row in analysis_runs plus a child process that does the work
 * with its own database connection (app/themes/analysis.worker.ts, at a lower CPU priority), so requests never wait on
 * clustering. One run at a time: runs write the same themes.
 */
import path from "node:path";
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import type { Kysely } from "kysely";
import {
  activeRun,
  latestRun,
  completeResponsesSince,
  createRun,
  latestDoneRun,
  latestDoneRunOfAnyScope,
  markFailed,
  setProgress,
  type RunScope,
} from "../../db/queries/analysis-runs.js";
import type { Database } from "../../db/schema.js";
import { env } from "../utils/env.server.js";

export class RunBusy extends Error {}

declare global {
  var __painmapLiveRuns: Set<number> | undefined;
}

function liveRuns(): Set<number> {
  return (globalThis.__painmapLiveRuns ??= new Set());
}

/**
 * The run in progress, if there is one. A queued/running run that no process here works on and
 * that is older than a moment was cut off by a restart: it is marked failed and no longer counts,
 * so neither a manual start nor the automatic one waits on it forever.
 */
export async function runInProgress(db: Kysely<Database>) {
  const active = await activeRun(db);
  // A run queued by another process moments ago may still be starting.
  if (!active || liveRuns().has(active.id) || Date.now() - Date.parse(active.created_at) <= 10_000) return active;
  await markFailed(db, active.id, "The server restarted while this run was in progress. Start it again.");
  return undefined;
}

export async function startRun(
  db: Kysely<Database>,
  input: { surveyId: RunScope; trigger: "manual" | "auto"; userId: number | null },
): Promise<number> {
  if (await runInProgress(db)) throw new RunBusy("An analysis is already running. Wait for it to finish, then start another.");
  const runId = await createRun(db, { surveyId: input.surveyId, trigger: input.trigger, createdBy: input.userId });
  spawnWorker(db, runId);
  return runId;
}

/**
 * The run is a child process at a lower CPU priority: on a 2-core machine the clustering then
 * yields to the process answering requests instead of competing with it as an equal thread.
 */
function spawnWorker(db: Kysely<Database>, runId: number): void {
  const root = process.env.PAINMAP_ROOT ?? process.cwd();
  const entry = path.resolve(root, "app/themes/analysis.worker.ts");
  const { DATABASE_URL, SQLITE_SYNCHRONOUS } = env();
  liveRuns().add(runId);
  let child: ChildProcess;
  try {
    child = fork(entry, [String(runId)], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, DATABASE_URL, SQLITE_SYNCHRONOUS },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
  } catch (error) {
    liveRuns().delete(runId);
    void markFailed(db, runId, `Could not start the analysis: ${(error as Error).message}`);
    return;
  }
  if (child.pid) {
    try {
      os.setPriority(child.pid, WORKER_NICENESS);
    } catch {
      // Not permitted here: the run still works, at normal priority.
    }
  }
  let writing = Promise.resolve();
  child.on("message", (message: { type: string; progress?: number; stage?: string }) => {
    if (message.type !== "progress") return;
    // Progress is recorded in order; a stale update never overwrites a finished run (see setProgress).
    writing = writing.then(() => setProgress(db, runId, message.progress ?? 0, message.stage ?? "")).catch(() => {});
  });
  child.on("error", (error) => {
    void markFailed(db, runId, `The analysis stopped: ${error.message}`);
  });
  child.on("exit", () => {
    liveRuns().delete(runId);
    void writing.then(() => markFailed(db, runId, "The analysis stopped before finishing."));
  });
}

const WORKER_NICENESS = 10;

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
    // (A run still in progress is the latest run too; one cut off by a restart is failed by startRun.)
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
