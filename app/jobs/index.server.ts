/**
 * Every job the app runs, and the one runner per server process. New kinds of background work
 * (emails, webhooks) add a definition here and their queue in a migration (see 0009_jobs.ts).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { endOrphanLeases } from "./sqlite-store.server.js";
import { afterCompletionJob } from "./after-completion.job.server.js";
import { analysisRunJob } from "./analysis-run.job.server.js";
import { emailSendJob } from "./email-send.job.server.js";
import { remindersJob } from "./reminders.job.server.js";
import { queueEndedSummaries, studySummaryJob } from "./study-summary.job.server.js";
import { webhookDeliveryJob } from "./webhook-delivery.job.server.js";
import { webhookEventJob } from "./webhook-event.job.server.js";
import { createRunner, runnerOf, type JobRunner } from "./runner.server.js";
import type { JobDefinition } from "./types.js";

/**
 * Every job the app runs. A function, not a constant: the email job reads its retry settings from
 * env(), and reading the settings when a module is imported would freeze them before a test or a
 * start-up script has set them.
 */
export function allJobs(): JobDefinition<never>[] {
  return [
    analysisRunJob,
    afterCompletionJob,
    emailSendJob(),
    remindersJob,
    studySummaryJob,
    webhookEventJob,
    webhookDeliveryJob,
  ] as unknown as JobDefinition<never>[];
}

/** The server's runner: polls every queue of this database until stopped. */
export async function startJobs(db: Kysely<Database>, kind: "sqlite" | "postgres"): Promise<JobRunner> {
  if (kind === "sqlite") await endOrphanLeases(db);
  const runner = createRunner(db, allJobs()).start();
  // Studies that ended by their close date or cap while no summary run was queued (ADR 0702);
  // in the background, so the server does not wait for it to listen.
  void runner
    .ready()
    .then(() => queueEndedSummaries(db))
    .catch((e) => console.error(`jobs: study summaries at start: ${(e as Error).message}`));
  return runner;
}

/**
 * Runs the due jobs of one name now, in this process: the seed, the CSV import and tests use it so
 * scores are there before they go on. Uses the server's runner when there is one.
 */
export async function drainJobs(db: Kysely<Database>, name: string): Promise<void> {
  const existing = runnerOf(db);
  if (existing) return existing.drain(name);
  const runner = createRunner(db, allJobs(), { register: false });
  try {
    await runner.drain(name);
  } finally {
    await runner.stop();
  }
}
