/**
 * Work that follows a completed response: place its pain answers in the current themes, re-score
 * the person, maybe start an automatic analysis
 * run. Enqueued in the completion's own transaction (submission.server.ts, import.server.ts), so a
 * server killed right after the prospect's "thank you" still scores them: the job is replayed at
 * start-up or by another server (issue 17, item 5). Jobs come in batches of up to 64, so a burst
 * of submissions costs one scoring transaction, not one each.
 */
import { reassessPeople } from "../prospects/readiness.server.js";
import { maybeStartAutoRun } from "../themes/analysis-runs.server.js";
import { assignResponsesToThemes } from "../themes/live-assignment.server.js";
import type { JobDefinition } from "./types.js";

export interface AfterCompletionPayload {
  personId: number;
  surveyId: number;
  autoRun: boolean;
  /** web completions: place the response's pain answers in the current themes (imports wait for a run) */
  responseId?: number;
}

export const afterCompletionJob: JobDefinition<AfterCompletionPayload> = {
  name: "after-completion",
  batchSize: 64,
  retryLimit: 5,
  retryDelayMs: 1_000,
  leaseMs: 30_000,
  maxRunMs: 5 * 60_000,
  async handle(jobs, { db: database }) {
    // Before any automatic run starts: the board shows the new answers in their themes at once.
    // Placement is idempotent (a placed answer is skipped), so a replayed batch is harmless too.
    // The batch's placements go in together, each touched theme's figures recomputed once.
    const responseIds = [...new Set(jobs.flatMap((j) => (j.payload.responseId === undefined ? [] : [j.payload.responseId])))];
    try {
      await assignResponsesToThemes(database, responseIds);
    } catch (error) {
      // A placement that fails waits for the next run; it must never hold up scoring.
      console.error(`themes: could not place responses ${responseIds.join(", ")} in the current themes: ${String(error)}`);
    }
    // Scoring is idempotent (it recomputes from the answers), so a replayed batch is harmless.
    await reassessPeople(database, [...new Set(jobs.map((j) => j.payload.personId))]);
    for (const surveyId of new Set(jobs.filter((j) => j.payload.autoRun).map((j) => j.payload.surveyId)))
      await maybeStartAutoRun(database, surveyId);
  },
};
