/**
 * Work that follows a completed response: re-score the person, maybe start an automatic analysis
 * run. Enqueued in the completion's own transaction (submission.server.ts, import.server.ts), so a
 * server killed right after the prospect's "thank you" still scores them: the job is replayed at
 * start-up or by another server (issue 17, item 5). Jobs come in batches of up to 64, so a burst
 * of submissions costs one scoring transaction, not one each.
 */
import { maybeStartAutoRun } from "../services/analysis-runs.server.js";
import { reassessPeople } from "../services/readiness.server.js";
import type { JobDefinition } from "./types.js";

export interface AfterCompletionPayload {
  personId: number;
  surveyId: number;
  autoRun: boolean;
}

export const afterCompletionJob: JobDefinition<AfterCompletionPayload> = {
  name: "after-completion",
  batchSize: 64,
  retryLimit: 5,
  retryDelayMs: 1_000,
  leaseMs: 30_000,
  maxRunMs: 5 * 60_000,
  async handle(jobs, { db: database }) {
    // Scoring is idempotent (it recomputes from the answers), so a replayed batch is harmless.
    await reassessPeople(database, [...new Set(jobs.map((j) => j.payload.personId))]);
    for (const surveyId of new Set(jobs.filter((j) => j.payload.autoRun).map((j) => j.payload.surveyId)))
      await maybeStartAutoRun(database, surveyId);
  },
};
