/**
 * Sends one email message (app/reach/mailer.server.ts writes it and this job in one transaction).
 *
 * - No SMTP_URL: the message is kept in the outbox (status `outbox`), which admins read in the app.
 * - A 5xx reply (mailbox unknown, refused for good): `bounced` at once, no retry.
 * - Anything else (4xx, refused connection, timeout): retried with backoff, the attempt and its error
 *   visible per recipient; after the last retry `failed`.
 * - A recipient domain over MAIL_DOMAIN_RATE per minute: the message waits (a new job later), which
 *   costs no retry.
 * - The person opted out since the message was written: `suppressed`, never sent.
 */
import type { Kysely } from "kysely";
import type pg from "pg";
import { isUnsubscribed } from "../../db/queries/consents.js";
import { messageById, noteAttempt, settleMessage } from "../../db/queries/reach.js";
import type { Database } from "../../db/schema.js";
import { smtpCode, smtpTransport } from "../reach/smtp.server.js";
import { env } from "../utils/env.server.js";
import { enqueue } from "./runner.server.js";
import { appRateLimiter, type SharedRateLimiter } from "./shared-rate-limit.server.js";
import { PermanentJobError, type JobDefinition } from "./types.js";

export interface EmailSendPayload {
  messageId: number;
}

export interface EmailSendOptions {
  smtpUrl?: string;
  from?: string;
  retryLimit?: number;
  retryDelayMs?: number;
  domainRate?: number;
  /** PostgreSQL: share the per-domain count between servers */
  pool?: pg.Pool;
}

export const EMAIL_SEND = "email-send";

export function createEmailSendJob(options: EmailSendOptions = {}): JobDefinition<EmailSendPayload> {
  let limiter: SharedRateLimiter | undefined;
  const rate = (db: Kysely<Database>) =>
    (limiter ??= appRateLimiter(
      "mail-domain",
      options.domainRate ?? env().MAIL_DOMAIN_RATE,
      60_000,
      options.pool ?? (globalThis.__painmapDb?.db === db ? globalThis.__painmapDb.pool : undefined),
    ));
  const def: JobDefinition<EmailSendPayload> = {
    name: EMAIL_SEND,
    batchSize: 1,
    retryLimit: options.retryLimit ?? env().MAIL_RETRY_LIMIT,
    retryDelayMs: options.retryDelayMs ?? env().MAIL_RETRY_DELAY_MS,
    leaseMs: 60_000,
    maxRunMs: 2 * 60_000,
    async handle(jobs, { db }) {
      for (const job of jobs) {
        const m = await messageById(db, job.payload.messageId);
        if (!m || m.status !== "queued") continue; // settled already: a replayed job changes nothing
        const now = () => new Date().toISOString();
        if (m.person_id !== null && (await isUnsubscribed(db, m.person_id))) {
          await settleMessage(db, m.id, { status: "suppressed", lastError: "Opted out: not sent.", now: now() });
          continue;
        }
        const transport = smtpTransport(options.smtpUrl ?? env().SMTP_URL);
        if (!transport) {
          await settleMessage(db, m.id, { status: "outbox", attempts: job.attempt, now: now() });
          continue;
        }
        const wait = await rate(db).hit(m.to_domain);
        if (wait) {
          // Over the domain's rate: the same message later, as a new job (a wait is not a failure).
          await db.transaction().execute((trx) => enqueue(trx, def, { messageId: m.id }, { startAfterMs: wait * 1000 }));
          continue;
        }
        try {
          await transport.sendMail({
            from: options.from ?? env().MAIL_FROM,
            to: m.to_email,
            subject: m.subject,
            text: m.body_text,
            headers: {
              "List-Unsubscribe": `<${m.unsubscribe_url}>`,
              // RFC 8058: mail clients' one-click button posts this to the unsubscribe route.
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
              "X-Painmap-Message": String(m.id),
            },
          });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const code = smtpCode(error);
          if (code !== undefined && code >= 500) {
            await settleMessage(db, m.id, { status: "bounced", lastError: message, attempts: job.attempt, now: now() });
            throw new PermanentJobError(message);
          }
          await noteAttempt(db, m.id, job.attempt, message, now());
          throw error;
        }
        await settleMessage(db, m.id, { status: "sent", lastError: null, attempts: job.attempt, now: now() });
      }
    },
    async onFailed(payload, message, db) {
      await settleMessage(db, payload.messageId, { status: "failed", lastError: message, now: new Date().toISOString() });
    },
  };
  return def;
}

let standard: JobDefinition<EmailSendPayload> | undefined;
/** The app's definition, from its settings. */
export function emailSendJob(): JobDefinition<EmailSendPayload> {
  return (standard ??= createEmailSendJob());
}
