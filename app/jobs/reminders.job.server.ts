/**
 * One reminder round of an invitation campaign (app/reach/reminders.server.ts), enqueued when the
 * campaign is sent to start N days later; a round enqueues the next one. Rounds are idempotent
 * (each invitation's count moves once per round), so a retried or replayed round sends nothing twice.
 */
import { sendReminderRound, type ReminderRound } from "../reach/reminders.server.js";
import { enqueue } from "./runner.server.js";
import type { JobDefinition } from "./types.js";

export const remindersJob: JobDefinition<ReminderRound> = {
  name: "reminders",
  batchSize: 1,
  retryLimit: 5,
  retryDelayMs: 60_000,
  leaseMs: 60_000,
  maxRunMs: 10 * 60_000,
  async handle(jobs, { db }) {
    for (const job of jobs) {
      const { nextInMs } = await sendReminderRound(db, job.payload);
      if (nextInMs !== null)
        await db
          .transaction()
          .execute((trx) =>
            enqueue(trx, remindersJob, { campaignId: job.payload.campaignId, round: job.payload.round + 1 }, { startAfterMs: nextInMs }),
          );
    }
  },
};
