/**
 * The study summary of a closed survey (app/reach/study-summary.server.ts, ADR 0702). Enqueued in
 * the close's own transaction to start when the close can no longer be undone; an undo needs no
 * cancelling, because the run finds the survey open and does nothing. A run that finds the close
 * still undoable (a later close restarted the window) runs again when that window ends.
 */
import type { Kysely } from "kysely";
import { closeSurveyWithUndo, UNDO_MINUTES } from "../../db/queries/builder-undo.js";
import type { Database } from "../../db/schema.js";
import { sendStudySummary } from "../reach/study-summary.server.js";
import { enqueue, poke } from "./runner.server.js";
import { EMAIL_SEND } from "./email-send.job.server.js";
import type { JobDefinition } from "./types.js";

export interface StudySummaryPayload {
  surveyId: number;
}

export const studySummaryJob: JobDefinition<StudySummaryPayload> = {
  name: "study-summary",
  batchSize: 1,
  retryLimit: 5,
  retryDelayMs: 60_000,
  leaseMs: 60_000,
  maxRunMs: 10 * 60_000,
  singletonKey: (p) => `survey-${p.surveyId}`,
  async handle(jobs, { db }) {
    for (const job of jobs) {
      const { sent, retryInMs } = await sendStudySummary(db, job.payload.surveyId);
      if (retryInMs !== null)
        await db.transaction().execute((trx) => enqueue(trx, studySummaryJob, job.payload, { startAfterMs: retryInMs }));
      if (sent.length) poke(db, EMAIL_SEND);
    }
  },
};

/** Closes the survey (with its undo) and queues its summary for when the undo window has passed, in one transaction. */
export async function closeSurvey(db: Kysely<Database>, surveyId: number, userId: number | null, now = new Date()) {
  return closeSurveyWithUndo(db, surveyId, userId, now, (trx) =>
    enqueue(trx, studySummaryJob, { surveyId }, { startAfterMs: UNDO_MINUTES * 60_000 + 1000 }),
  );
}
