/**
 * Invitations (issue 14 item 2): a contact list checked row by row against what the database
 * knows, then sent as one campaign in one transaction (people found or created by address, one
 * invitation and one queued message per sendable row). Each recipient's personal link carries the
 * source and campaign; the survey pre-fills what the list knew (name, email, company, role) and
 * the invitation records when it was opened, started and completed.
 */
import type { Kysely } from "kysely";
import { isUnsubscribed } from "../../db/queries/consents.js";
import {
  bouncedEmails,
  findPersonIdByEmail,
  insertCampaign,
  insertContactPerson,
  insertInvitation,
  invitationById,
  invitationByResponse,
  invitedEmails,
  linkInvitationResponse,
  markInvitationOpened,
} from "../../db/queries/reach.js";
import type { Database } from "../../db/schema.js";
import { enqueue } from "../jobs/runner.server.js";
import { remindersJob } from "../jobs/reminders.job.server.js";
import { INVITE_PURPOSE, invitationUrl, verifySignedToken } from "./links.server.js";
import { queueMessage } from "./mailer.server.js";
import type { ContactRow } from "./contact-list.server.js";
import { fieldName, type FormValues, type PublicQuestion } from "../surveys/answer-schema.js";

/**
 * Adds what the database knows to the list's own problems: opted out, bounced before (a message to
 * the address came back refused for good, at sending or by a later DSN; ADR 0702), invited to this
 * survey already.
 */
export async function checkContacts(db: Kysely<Database>, surveyId: number, rows: ContactRow[]): Promise<ContactRow[]> {
  const candidates = rows.filter((r) => !r.problem).map((r) => r.email);
  const invited = await invitedEmails(db, surveyId, candidates);
  const bounced = await bouncedEmails(db, candidates);
  const out: ContactRow[] = [];
  for (const r of rows) {
    if (r.problem) {
      out.push(r);
      continue;
    }
    const personId = await findPersonIdByEmail(db, r.email);
    if (personId !== undefined && (await isUnsubscribed(db, personId))) out.push({ ...r, problem: "opted_out" });
    else if (bounced.has(r.email.toLowerCase())) out.push({ ...r, problem: "bounced_before" });
    else if (invited.has(r.email)) out.push({ ...r, problem: "invited_already" });
    else out.push(r);
  }
  return out;
}

export interface CampaignInput {
  survey: { id: number; slug: string; title: string };
  campaign: string;
  subject: string;
  message: string;
  reminderDays: number;
  reminderCount: number;
  createdBy: number | null;
}

/** Sends to every row without a problem, in one transaction; returns how many were invited. */
export async function sendInvitations(
  db: Kysely<Database>,
  input: CampaignInput,
  rows: ContactRow[],
  now: Date = new Date(),
): Promise<{ campaignId: number; invited: number; skipped: number }> {
  return db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: a list previewed an hour ago may have gone stale.
    const checked = await checkContacts(trx, input.survey.id, rows);
    const iso = now.toISOString();
    const campaignId = await insertCampaign(trx, {
      surveyId: input.survey.id,
      campaign: input.campaign,
      reminderDays: input.reminderDays,
      reminderCount: input.reminderCount,
      createdBy: input.createdBy,
      now: iso,
    });
    let invited = 0;
    for (const row of checked) {
      if (row.problem) continue;
      const personId =
        (await findPersonIdByEmail(trx, row.email)) ??
        (await insertContactPerson(trx, {
          email: row.email,
          name: row.name,
          jobTitle: row.role,
          utmSource: "email",
          utmCampaign: input.campaign,
          now: iso,
        }));
      const invitationId = await insertInvitation(trx, {
        campaignId,
        surveyId: input.survey.id,
        personId,
        email: row.email,
        name: row.name,
        company: row.company,
        role: row.role,
        fields: row.fields,
        now: iso,
      });
      await queueMessage(
        trx,
        {
          kind: "invitation",
          to: row.email,
          personId,
          invitationId,
          subject: input.subject,
          text: invitationText(input.message, row, invitationUrl(input.survey.slug, invitationId, input.campaign)),
        },
        now,
      );
      invited++;
    }
    if (invited && input.reminderCount > 0 && input.reminderDays > 0)
      await enqueue(trx, remindersJob, { campaignId, round: 1 }, { startAfterMs: input.reminderDays * 86_400_000 });
    return { campaignId, invited, skipped: checked.length - invited };
  });
}

function invitationText(message: string, row: Pick<ContactRow, "name">, link: string): string {
  const greeting = row.name ? `Hello ${row.name},` : "Hello,";
  return `${greeting}\n\n${message.trim()}\n\nYour personal link to the survey:\n${link}\n`;
}

/** The invitation a personal link names, if the link is genuine and the invitation is for this survey. */
async function invitationForLink(db: Kysely<Database>, surveyId: number, token: string | null | undefined) {
  const id = verifySignedToken(INVITE_PURPOSE, token);
  if (id === null) return undefined;
  const inv = await invitationById(db, id);
  return inv && inv.survey_id === surveyId ? inv : undefined;
}

/** The prospect followed the link (the page's beacon posts this). */
export async function recordInvitationOpened(db: Kysely<Database>, token: string, now = new Date()): Promise<boolean> {
  const id = verifySignedToken(INVITE_PURPOSE, token);
  if (id === null) return false;
  await markInvitationOpened(db, id, now.toISOString());
  return true;
}

/** The first page post of an invited prospect: the response belongs to the invitation (same transaction). */
export async function linkInvitation(trx: Kysely<Database>, surveyId: number, token: string, responseId: number, now: string) {
  const inv = await invitationForLink(trx, surveyId, token);
  if (inv) await linkInvitationResponse(trx, inv.id, responseId, now);
}

/** What the list knew about the person, by question role, for the questions on the page shown. */
async function invitationPrefill(
  db: Kysely<Database>,
  surveyId: number,
  by: { token?: string | null; responseId?: number },
): Promise<Partial<Record<"contact_name" | "contact_email" | "company_name" | "job_title", string>>> {
  const inv = by.token
    ? await invitationForLink(db, surveyId, by.token)
    : by.responseId !== undefined
      ? await invitationByResponse(db, by.responseId)
      : undefined;
  if (!inv) return {};
  const out: Partial<Record<"contact_name" | "contact_email" | "company_name" | "job_title", string>> = { contact_email: inv.email };
  if (inv.name) out.contact_name = inv.name;
  if (inv.company) out.company_name = inv.company;
  if (inv.role) out.job_title = inv.role;
  return out;
}

/**
 * Form values for the page's text questions the list knew the answer to and the prospect has not
 * answered yet (their own answer always wins). What the survey route merges into its values.
 */
export async function invitationPrefillValues(
  db: Kysely<Database>,
  surveyId: number,
  questions: readonly PublicQuestion[],
  values: FormValues,
  by: { token?: string | null; responseId?: number },
): Promise<FormValues> {
  const roles = questions.filter((q) => q.role && ["short_text", "email", "long_text"].includes(q.kind));
  if (!roles.length || (!by.token && by.responseId === undefined)) return {};
  const known = await invitationPrefill(db, surveyId, by);
  const out: FormValues = {};
  for (const q of roles) {
    const value = known[q.role as keyof typeof known];
    const name = fieldName(q.id);
    if (value && values[name] === undefined) out[name] = value;
  }
  return out;
}
