/**
 * "Email me a link to finish later" (issue 14 item 4). The link is the response's own resume link,
 * so it continues where the prospect left off on any device. The address is kept as a person (the
 * unsubscribe link needs one, and completing the survey with the same address joins that person).
 */
import type { Kysely } from "kysely";
import { findResponseByTokenHash } from "../../db/queries/responses.js";
import { findPersonIdByEmail, insertContactPerson } from "../../db/queries/reach.js";
import type { Database } from "../../db/schema.js";
import { resumeTokenHash } from "../surveys/submission.server.js";
import { appOrigin } from "./links.server.js";
import { queueMessage } from "./mailer.server.js";

export type ResumeEmailOutcome = { ok: true } | { ok: false; reason: "bad_link" | "complete" };

export async function emailResumeLink(
  db: Kysely<Database>,
  args: { survey: { id: number; slug: string; title: string }; token: string; email: string },
  now: Date = new Date(),
): Promise<ResumeEmailOutcome> {
  const response = await findResponseByTokenHash(db, args.survey.id, resumeTokenHash(args.token));
  if (!response) return { ok: false, reason: "bad_link" };
  if (response.status === "complete") return { ok: false, reason: "complete" };
  const email = args.email.trim().toLowerCase();
  const link = `${appOrigin()}/s/${encodeURIComponent(args.survey.slug)}?r=${encodeURIComponent(args.token)}`;
  await db.transaction().execute(async (trx) => {
    const personId =
      (await findPersonIdByEmail(trx, email)) ??
      (await insertContactPerson(trx, {
        email,
        name: null,
        jobTitle: null,
        utmSource: response.utm_source ?? "resume-email",
        utmCampaign: response.utm_campaign,
        now: now.toISOString(),
      }));
    await queueMessage(
      trx,
      {
        kind: "resume",
        to: email,
        personId,
        subject: `Your link to finish "${args.survey.title}"`,
        text: `You asked for a link to finish the survey "${args.survey.title}" later.\n\nIt continues where you left off, on any device:\n${link}\n\nKeep it to yourself: anyone with the link can see and change your answers.\n`,
      },
      now,
    );
  });
  return { ok: true };
}
