import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { maybeStartAutoRun } from "../themes/analysis-runs.server.js";
import { assignResponseToThemes } from "../themes/live-assignment.server.js";
import { reassessPeople } from "./readiness.server.js";

/**
 * Work that follows a completed response (placing its pain answers in the current themes,
 * re-scoring the person, maybe starting an analysis run)
 * but must not hold up the prospect's "thank you": queued when the response commits and done in
 * one batch a moment later, so a burst of submissions costs one scoring transaction, not one each.
 * Nothing here may fail a submission.
 */
const FLUSH_DELAY_MS = 100;

interface Pending {
  personIds: Set<number>;
  responseIds: Set<number>;
  autoRunSurveys: Set<number>;
}

const pending = new Map<Kysely<Database>, Pending>();
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> = Promise.resolve();

export function afterCompletion(
  db: Kysely<Database>,
  completed: { personId: number; surveyId: number; autoRun: boolean; responseId?: number },
): void {
  let entry = pending.get(db);
  if (!entry) pending.set(db, (entry = { personIds: new Set(), responseIds: new Set(), autoRunSurveys: new Set() }));
  entry.personIds.add(completed.personId);
  if (completed.responseId !== undefined) entry.responseIds.add(completed.responseId);
  if (completed.autoRun) entry.autoRunSurveys.add(completed.surveyId);
  timer ??= setTimeout(() => void flushCompletions(), FLUSH_DELAY_MS);
}

/** Does the queued work now (and waits for a flush already under way): for seeds, imports and tests. */
export function flushCompletions(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const batches = [...pending];
  pending.clear();
  flushing = flushing.then(async () => {
    for (const [db, entry] of batches) {
      // Before any automatic run starts: the board shows the new answers in their themes at once.
      for (const responseId of entry.responseIds) {
        try {
          await assignResponseToThemes(db, responseId);
        } catch (error) {
          console.error(`themes: could not place response ${responseId} in the current themes`, error);
        }
      }
      try {
        await reassessPeople(db, [...entry.personIds]);
      } catch (error) {
        console.error("readiness: could not re-score after completions", error);
      }
      for (const surveyId of entry.autoRunSurveys) await maybeStartAutoRun(db, surveyId);
    }
  });
  return flushing;
}
