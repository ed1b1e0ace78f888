/**
 * Every email the app sends (issue 14 item 1). `queueMessage` writes the message and its send job
 * in the caller's transaction, so nothing is acknowledged before it is durable and a message is
 * never sent for work that rolled back. The job (app/jobs/email-send.job.server.ts) sends it
 * through nodemailer when SMTP_URL is set, or keeps it in the outbox admins read at /admin/outbox.
 *
 * Opted-out people are never sent to: checked when the message is written (it is kept as
 * `suppressed`, so staff see why nothing went) and again just before it goes out.
 */
import type { Kysely } from "kysely";
import { isUnsubscribed } from "../../db/queries/consents.js";
import { insertMessage, type MessageInsert } from "../../db/queries/reach.js";
import type { Database, EmailKind } from "../../db/schema.js";
import { optOutUrl } from "../consent/opt-out.server.js";
import { enqueue } from "../jobs/runner.server.js";
import { emailSendJob } from "../jobs/email-send.job.server.js";
import { appOrigin } from "./links.server.js";

export interface OutgoingMessage {
  kind: EmailKind;
  to: string;
  /** the person the unsubscribe link opts out; every message has one */
  personId: number;
  invitationId?: number | null;
  subject: string;
  /** the body without its footer: the unsubscribe line is added here, once for every message */
  text: string;
}

/** Writes the message (and its send job) in `trx`; returns its id and whether it will go out. */
export async function queueMessage(
  trx: Kysely<Database>,
  m: OutgoingMessage,
  now: Date = new Date(),
): Promise<{ id: number; queued: boolean }> {
  const unsubscribeUrl = optOutUrl(appOrigin(), m.personId, now);
  const suppressed = await isUnsubscribed(trx, m.personId);
  const row: MessageInsert = {
    kind: m.kind,
    toEmail: m.to,
    personId: m.personId,
    invitationId: m.invitationId ?? null,
    subject: m.subject,
    bodyText: `${m.text.trimEnd()}\n\n--\nTo stop all email from us: ${unsubscribeUrl}\n`,
    unsubscribeUrl,
    status: suppressed ? "suppressed" : "queued",
    lastError: suppressed ? "Opted out: not sent." : null,
    now: now.toISOString(),
  };
  const id = await insertMessage(trx, row);
  if (!suppressed) await enqueue(trx, emailSendJob(), { messageId: id });
  return { id, queued: !suppressed };
}
