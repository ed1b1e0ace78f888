/** The SMTP side of the mailer: one nodemailer transport per SMTP_URL. */
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "../utils/env.server.js";

let cachedTransport: { url: string; transport: Transporter } | undefined;

/** The SMTP transport for SMTP_URL, or null: no SMTP configured, messages stay in the outbox. */
export function smtpTransport(url: string | undefined = env().SMTP_URL): Transporter | null {
  if (!url) return null;
  if (cachedTransport?.url !== url) {
    // Timeouts short enough that a hanging server fails the attempt (and it is retried) well inside the job's lease.
    cachedTransport = {
      url,
      transport: nodemailer.createTransport({
        url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as SMTPTransport.Options),
    };
  }
  return cachedTransport.transport;
}

/** The SMTP reply code of a failed send, when the server gave one. */
export function smtpCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" ? code : undefined;
}
