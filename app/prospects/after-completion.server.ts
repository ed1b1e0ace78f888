import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { afterCompletionJob, type AfterCompletionPayload } from "../jobs/after-completion.job.server.js";
import { drainJobs } from "../jobs/index.server.js";
import { enqueue, poke } from "../jobs/runner.server.js";
import { emitWebhookEvent, webhookEventsCommitted } from "../webhooks/deliveries.server.js";

/**
 * Work that follows a completed response (placing its pain answers in the current themes,
 * re-scoring the person, maybe starting an analysis run)
 * but must not hold up the prospect's "thank you": an `after-completion` job written in the
 * completion's own transaction (so no acknowledged completion is ever left unscored, even if the
 * server dies right after answering), run by the job runner a moment later in batches.
 */
export async function afterCompletion(trx: Kysely<Database>, completed: AfterCompletionPayload): Promise<void> {
  await enqueue(trx, afterCompletionJob, completed);
  // Web completions only: an import of a thousand rows is not a thousand "response completed" calls.
  if (completed.responseId !== undefined)
    await emitWebhookEvent(trx, "response.completed", { responseId: completed.responseId, personId: completed.personId });
}

/** After the completion's transaction committed: the runner picks the job up now, not at its next poll. */
export function completionCommitted(db: Kysely<Database>): void {
  poke(db, afterCompletionJob.name);
  webhookEventsCommitted(db);
}

/** Does the queued work now, in this process: for seeds, imports and tests. */
export function flushCompletions(db: Kysely<Database>): Promise<void> {
  return drainJobs(db, afterCompletionJob.name);
}
