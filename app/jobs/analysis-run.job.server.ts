/**
 * The analysis-run job: one per run row, keyed by the run's scope so two runs of one scope never
 * work at once. A failed attempt is retried (the run says so in its stage); a run that failed for
 * good keeps the job's error on its row, which the board shows.
 */
import { markFailed, setProgress } from "../../db/queries/analysis-runs.js";
import { runAnalysisChild } from "./analysis-child.server.js";
import type { JobDefinition } from "./types.js";

export interface AnalysisRunPayload {
  runId: number;
  scope: number | null;
}

export const analysisRunJob: JobDefinition<AnalysisRunPayload> = {
  name: "analysis-run",
  retryLimit: 2,
  retryDelayMs: 2_000,
  // Heartbeats every 5 s; a dead server's run is taken over about 15 s after its last one.
  leaseMs: 15_000,
  // The target for 1,000,000 responses is 60 s; far past it the attempt is presumed stuck.
  maxRunMs: 15 * 60_000,
  singletonKey: (p) => `scope:${p.scope ?? "all"}`,
  async handle([job], { signal, db }) {
    if (job.attempt > 1) await setProgress(db, job.payload.runId, 0, `retrying (attempt ${job.attempt})`);
    await runAnalysisChild(db, job.payload.runId, signal);
  },
  async onFailed(payload, message, db) {
    await markFailed(db, payload.runId, message);
  },
};
