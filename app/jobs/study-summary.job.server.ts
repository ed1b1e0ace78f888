/**
 * The study summary of a closed survey (app/reach/study-summary.server.ts, ADR 0702). Enqueued in
 * the close's own transaction to start when the close can no longer be undone; an undo needs no
 * cancelling, because the run finds the survey open and does nothing. A run that finds the close
 * still undoable (a later close restarted the window) runs again when that window ends.
 *
 * A survey can also end without a close (ADR 0702, revision 2026-12-02): saving a close date queues
 * a run for just after it (a run that finds the date moved later runs again then); a completion that
 * fills the response cap, and a confirmed opt-in on a survey that has already ended, queue one in
 * their own transaction; the runner's start queues one for every ended survey someone still waits on.
 */
import type { Kysely } from "kysely";
import { closeSurveyWithUndo, UNDO_MINUTES } from "../../db/queries/builder-undo.js";
import { endedSurveyCandidates, summaryRecipients } from "../../db/queries/study-summary.js";
import { setSurveyLimits } from "../../db/queries/surveys.js";
import type { Database } from "../../db/schema.js";
import { sendStudySummary, summaryReadiness } from "../reach/study-summary.server.js";
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

/**
 * Saves the close date and response cap and, in the same transaction, queues the summary for when
 * the survey ends by them: just after the close date, or now when the cap is already filled.
 */
export async function saveSurveyLimits(
  db: Kysely<Database>,
  surveyId: number,
  limits: { closesAt: string | null; maxResponses: number | null },
  now = new Date(),
) {
  return setSurveyLimits(db, surveyId, limits, async (trx) => {
    const { ended, retryInMs } = await summaryReadiness(trx, surveyId, now);
    if (ended || retryInMs !== null) await enqueue(trx, studySummaryJob, { surveyId }, { startAfterMs: ended ? 0 : retryInMs! });
  });
}

/**
 * In the caller's transaction: queues the summary when the survey has ended for good by now (a
 * completion that filled the cap, an opt-in confirmed after the end). Returns whether it did.
 */
export async function queueSummaryIfEnded(trx: Kysely<Database>, surveyId: number, now = new Date()): Promise<boolean> {
  if (!(await summaryReadiness(trx, surveyId, now)).ended) return false;
  await enqueue(trx, studySummaryJob, { surveyId });
  return true;
}

/**
 * At the runner's start: a summary for each survey that ended by its close date or cap while no
 * run was queued for it (limits saved before this existed, a server down at the time) and that
 * someone confirmed still waits for. Returns the surveys queued.
 */
export async function queueEndedSummaries(db: Kysely<Database>, now = new Date()): Promise<number[]> {
  const queued: number[] = [];
  for (const surveyId of await endedSurveyCandidates(db, now.toISOString())) {
    if (!(await summaryReadiness(db, surveyId, now)).ended || !(await summaryRecipients(db, surveyId)).length) continue;
    await enqueue(db, studySummaryJob, { surveyId });
    queued.push(surveyId);
  }
  return queued;
}
