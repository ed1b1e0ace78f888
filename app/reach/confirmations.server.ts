/**
 * Double opt-in (issue 14 item 5, the rule in app/consent/consent-rule.ts): a survey's opt-in to
 * the study summary or to educational content is written pending, and one confirmation email goes
 * to the address the prospect gave, in the completion's transaction. The link confirms every pending
 * opt-in of that response; until then they count for nothing.
 */
import type { Kysely } from "kysely";
import { confirmConsents, pendingConsents } from "../../db/queries/reach.js";
import { getSurvey } from "../../db/queries/surveys.js";
import type { Database } from "../../db/schema.js";
import { CONFIRM_PURPOSE, confirmUrl, verifySignedToken } from "./links.server.js";
import { queueMessage } from "./mailer.server.js";
import { emitWebhookEvent, webhookEventsCommitted } from "../webhooks/deliveries.server.js";
import { queueSummaryIfEnded } from "../jobs/study-summary.job.server.js";

const PURPOSE_WORDS: Record<string, string> = {
  study_summary: "the summary of the study's results",
  educational_content: "occasional educational content",
};

/** Queues the confirmation email for a completed response's pending opt-ins (nothing when there are none). */
export async function requestConfirmation(
  trx: Kysely<Database>,
  args: { responseId: number; personId: number; email: string | null; surveyId: number },
  now: Date = new Date(),
): Promise<boolean> {
  if (!args.email) return false;
  const pending = await pendingConsents(trx, args.responseId);
  if (!pending.length) return false;
  const survey = await getSurvey(trx, args.surveyId);
  const what = [...new Set(pending.map((c) => PURPOSE_WORDS[c.purpose] ?? c.purpose))];
  await queueMessage(
    trx,
    {
      kind: "confirm",
      to: args.email,
      personId: args.personId,
      subject: "Please confirm your email",
      text: `Thank you for answering${survey ? ` "${survey.title}"` : " our survey"}.\n\nYou asked us to send you ${what.join(" and ")}. Please confirm that this address is yours and that you want it:\n${confirmUrl(args.responseId)}\n\nIf you did not ask for this, ignore this email: nothing will be sent.\n`,
    },
    now,
  );
  return true;
}

export function confirmationResponseId(token: string): number | null {
  return verifySignedToken(CONFIRM_PURPOSE, token);
}

/** Confirms the response's pending opt-ins; the number confirmed (0: already confirmed or withdrawn). */
export async function confirmOptIn(db: Kysely<Database>, token: string, now = new Date()): Promise<{ ok: boolean; confirmed: number }> {
  const responseId = confirmationResponseId(token);
  if (responseId === null) return { ok: false, confirmed: 0 };
  const confirmed = await db.transaction().execute(async (trx) => {
    const n = await confirmConsents(trx, responseId, now.toISOString());
    // A confirmed opt-in changes the person's consent: prospect.updated, written with it (ADR 0702).
    const person = n ? await trx.selectFrom("responses").select("person_id").where("id", "=", responseId).executeTakeFirst() : undefined;
    if (person?.person_id) await emitWebhookEvent(trx, "prospect.updated", { personId: person.person_id });
    // Confirmed after the study ended (the last answers before a cap or close date): the summary still goes.
    const survey = n ? await trx.selectFrom("responses").select("survey_id").where("id", "=", responseId).executeTakeFirst() : undefined;
    if (survey) await queueSummaryIfEnded(trx, survey.survey_id, now);
    return n;
  });
  if (confirmed) webhookEventsCommitted(db);
  return { ok: true, confirmed };
}
