/**
 * Late bounces (issue 14 item 1, ADR 0702): a server that accepted a message and could not deliver
 * it later sends a delivery status notification (DSN, RFC 3464: multipart/report with a
 * message/delivery-status part) to the From address. Whoever reads that mailbox (a mail rule, a
 * script, the mail provider's webhook) posts the raw DSN, or a JSON {email, status, diagnostic}, to
 * POST /api/bounces. A permanent failure (status 5.x.x, action "failed") marks every message to
 * that address bounced, so reminders and study summaries skip it and the outbox and invite page
 * show it; a delay (4.x.x) is acknowledged and changes nothing.
 *
 * mailparser reads the MIME structure (keepDeliveryStatus keeps the report as a part of its own);
 * the report's fields are header-style lines in blocks, read here.
 */
import type { Kysely } from "kysely";
import { simpleParser } from "mailparser";
import { z } from "zod";
import { markAddressBounced, type BounceMark } from "../../db/queries/reach.js";
import type { Database } from "../../db/schema.js";
import { zodErrors } from "../utils/forms.js";

/** One recipient's report: JSON as posted, or what a DSN said of one recipient. */
export const BounceReportSchema = z.object({
  email: z
    .string({ message: "email is required: the address that bounced." })
    .trim()
    .toLowerCase()
    .email("email must be an email address."),
  status: z
    .string({ message: "status is required: an RFC 3463 code such as 5.1.1." })
    .trim()
    .regex(/^[245]\.\d{1,3}\.\d{1,3}$/, "status must be an RFC 3463 code such as 5.1.1 (permanent) or 4.2.2 (temporary)."),
  diagnostic: z.string().trim().max(1000, "Keep diagnostic under 1,000 characters.").optional(),
  /** the X-Painmap-Message header of the returned message, when the DSN included its headers */
  messageId: z.number().int().positive().optional(),
});
export type BounceReport = z.infer<typeof BounceReportSchema>;

export const BOUNCE_MAX_BYTES = 512 * 1024;

export type ParsedBounces = { ok: true; reports: BounceReport[] } | { ok: false; errors: Record<string, string[]> };

/** RFC 3464 field blocks: unfolded "Name: value" lines, a blank line between the message block and each recipient's. */
function fieldBlocks(text: string): Map<string, string>[] {
  const unfolded = text.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ");
  return unfolded
    .split(/\n\s*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split("\n")) {
        const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line.trim());
        if (m && !fields.has(m[1]!.toLowerCase())) fields.set(m[1]!.toLowerCase(), m[2]!.trim());
      }
      return fields;
    })
    .filter((f) => f.size > 0);
}

/** "rfc822; someone@example.com" -> "someone@example.com" */
const addressOf = (value: string | undefined) =>
  value
    ?.replace(/^\s*rfc822\s*;\s*/i, "")
    .replace(/^<|>$/g, "")
    .trim();

/** The recipients a raw DSN reports on, each checked by the same schema as the JSON form. */
export async function parseDsn(raw: string): Promise<ParsedBounces> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true, skipTextLinks: true });
  const part = mail.attachments.find((a) => a.contentType === "message/delivery-status");
  if (!part) return { ok: false, errors: { message: ["Not a delivery status notification: no message/delivery-status part (RFC 3464)."] } };
  const headers = mail.attachments.find((a) => a.contentType === "text/rfc822-headers" || a.contentType === "message/rfc822");
  const original = headers ? /^X-Painmap-Message:\s*(\d{1,12})\s*$/im.exec(headers.content.toString("utf8")) : null;
  const recipients = fieldBlocks(part.content.toString("utf8")).filter((f) => f.has("final-recipient") || f.has("original-recipient"));
  if (!recipients.length) return { ok: false, errors: { message: ["The delivery status names no recipient (Final-Recipient)."] } };
  const reports: BounceReport[] = [];
  const errors: Record<string, string[]> = {};
  recipients.forEach((f, i) => {
    const parsed = BounceReportSchema.safeParse({
      email: addressOf(f.get("original-recipient") ?? f.get("final-recipient")),
      status: f.get("status")?.split(/\s/)[0],
      diagnostic: (f.get("diagnostic-code")?.replace(/^\s*smtp\s*;\s*/i, "") ?? f.get("action"))?.slice(0, 1000),
      messageId: original ? Number(original[1]) : undefined,
    });
    if (parsed.success) reports.push(parsed.data);
    else for (const [field, messages] of Object.entries(zodErrors(parsed.error))) errors[`recipients.${i}.${field}`] = messages;
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, reports };
}

export function parseJsonBounce(body: unknown): ParsedBounces {
  const parsed = BounceReportSchema.omit({ messageId: true }).safeParse(body);
  return parsed.success ? { ok: true, reports: [parsed.data] } : { ok: false, errors: zodErrors(parsed.error) };
}

export interface BounceOutcome {
  email: string;
  status: string;
  /** bounced: permanent, messages marked; temporary: a delay, nothing changed */
  outcome: "bounced" | "temporary";
  messages: number;
}

/** Applies the reports: a permanent failure marks the address's messages bounced (in one transaction). */
export async function recordBounces(db: Kysely<Database>, reports: BounceReport[], now = new Date()): Promise<BounceOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const out: BounceOutcome[] = [];
    for (const r of reports) {
      if (!r.status.startsWith("5")) {
        out.push({ email: r.email, status: r.status, outcome: "temporary", messages: 0 });
        continue;
      }
      const mark: BounceMark = {
        email: r.email,
        messageId: r.messageId ?? null,
        error: `Bounced after sending (${r.status})${r.diagnostic ? `: ${r.diagnostic}` : ""}`,
        now: now.toISOString(),
      };
      out.push({ email: r.email, status: r.status, outcome: "bounced", messages: await markAddressBounced(trx, mark) });
    }
    return out;
  });
}
