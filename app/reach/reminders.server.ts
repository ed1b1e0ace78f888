/**
 * Reminders (issue 14 item 3): round n of a campaign goes to each invitation whose response is not
 * complete, that has not opted out and whose messages never bounced or failed, N days after the
 * invitation (and N days after each reminder before). `now` is a parameter so tests run a round
 * without waiting days; the job (app/jobs/reminders.job.server.ts) passes the clock.
 */
import type { Kysely } from "kysely";
import { isUnsubscribed } from "../../db/queries/consents.js";
import { campaignById, invitationBounced, noteReminder, unfinishedInvitations } from "../../db/queries/reach.js";
import { getSurvey } from "../../db/queries/surveys.js";
import type { Database } from "../../db/schema.js";
import { invitationUrl } from "./links.server.js";
import { queueMessage } from "./mailer.server.js";

export interface ReminderRound {
  campaignId: number;
  round: number;
}

/** Sends round `round`; returns who got one and whether a later round is due (and when). */
export async function sendReminderRound(
  db: Kysely<Database>,
  { campaignId, round }: ReminderRound,
  now: Date = new Date(),
): Promise<{ reminded: string[]; nextInMs: number | null }> {
  const campaign = await campaignById(db, campaignId);
  if (!campaign || round < 1 || round > campaign.reminder_count) return { reminded: [], nextInMs: null };
  const survey = await getSurvey(db, campaign.survey_id);
  if (!survey || survey.status !== "open") return { reminded: [], nextInMs: null };
  const dueAfter = campaign.reminder_days * 86_400_000;
  const reminded: string[] = [];
  for (const inv of await unfinishedInvitations(db, campaignId)) {
    if (inv.reminders_sent !== round - 1) continue;
    if (Date.parse(inv.last_reminded_at ?? inv.sent_at) + dueAfter > now.getTime()) continue;
    if (await isUnsubscribed(db, inv.person_id)) continue;
    if (await invitationBounced(db, inv.id)) continue;
    await db.transaction().execute(async (trx) => {
      // The count moves first: a replayed round finds it moved and sends nothing twice.
      if (!(await noteReminder(trx, inv.id, round, now.toISOString()))) return;
      await queueMessage(
        trx,
        {
          kind: "reminder",
          to: inv.email,
          personId: inv.person_id,
          invitationId: inv.id,
          subject: `Reminder: ${survey.title}`,
          text: `${inv.name ? `Hello ${inv.name},` : "Hello,"}\n\nA few minutes of your time would help us a lot: you can still answer our survey "${survey.title}".\n\nYour personal link (it continues where you left off):\n${invitationUrl(survey.slug, inv.id, campaign.campaign)}\n`,
        },
        now,
      );
      reminded.push(inv.email);
    });
  }
  return { reminded, nextInMs: round < campaign.reminder_count ? dueAfter : null };
}
