import { sql, type Kysely } from "kysely";
import type { Database, EmailKind, EmailStatus } from "../schema.js";

/**
 * Email messages, invitation campaigns and invitations (migration 0010): SQL and row mapping only.
 * The rules (who may be sent to, when a reminder is due) live in app/reach/.
 */

export interface MessageInsert {
  kind: EmailKind;
  toEmail: string;
  personId: number | null;
  invitationId: number | null;
  subject: string;
  bodyText: string;
  unsubscribeUrl: string;
  status: EmailStatus;
  lastError?: string | null;
  now: string;
}

export async function insertMessage(db: Kysely<Database>, m: MessageInsert): Promise<number> {
  const row = await db
    .insertInto("email_messages")
    .values({
      kind: m.kind,
      to_email: m.toEmail,
      to_domain: m.toEmail.slice(m.toEmail.lastIndexOf("@") + 1).toLowerCase(),
      person_id: m.personId,
      invitation_id: m.invitationId,
      subject: m.subject,
      body_text: m.bodyText,
      unsubscribe_url: m.unsubscribeUrl,
      status: m.status,
      last_error: m.lastError ?? null,
      created_at: m.now,
      updated_at: m.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function messageById(db: Kysely<Database>, id: number) {
  return db.selectFrom("email_messages").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Moves a message on from `queued` only: a replayed job cannot turn a sent message into a failed one. */
export async function settleMessage(
  db: Kysely<Database>,
  id: number,
  set: { status: EmailStatus; lastError?: string | null; attempts?: number; now: string },
): Promise<boolean> {
  const r = await db
    .updateTable("email_messages")
    .set({
      status: set.status,
      ...(set.lastError !== undefined ? { last_error: set.lastError } : {}),
      ...(set.attempts !== undefined ? { attempts: set.attempts } : {}),
      updated_at: set.now,
      ...(set.status === "sent" || set.status === "outbox" ? { sent_at: set.now } : {}),
    })
    .where("id", "=", id)
    .where("status", "=", "queued")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function noteAttempt(db: Kysely<Database>, id: number, attempt: number, error: string, now: string) {
  await db
    .updateTable("email_messages")
    .set({ attempts: attempt, last_error: error, updated_at: now })
    .where("id", "=", id)
    .where("status", "=", "queued")
    .execute();
}

export interface MessageListRow {
  id: number;
  kind: string;
  toEmail: string;
  subject: string;
  bodyText: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export async function recentMessages(db: Kysely<Database>, args: { status?: EmailStatus; limit: number }): Promise<MessageListRow[]> {
  let q = db.selectFrom("email_messages").selectAll().orderBy("id", "desc").limit(args.limit);
  if (args.status) q = q.where("status", "=", args.status);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    toEmail: r.to_email,
    subject: r.subject,
    bodyText: r.body_text,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}

export async function messageCountsByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("email_messages")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function findPersonIdByEmail(db: Kysely<Database>, email: string): Promise<number | undefined> {
  const row = await db.selectFrom("people").select("id").where("email", "=", email).orderBy("id").limit(1).executeTakeFirst();
  return row?.id;
}

export async function insertContactPerson(
  db: Kysely<Database>,
  p: { email: string; name: string | null; jobTitle: string | null; utmSource: string; utmCampaign: string | null; now: string },
): Promise<number> {
  const row = await db
    .insertInto("people")
    .values({
      company_id: null,
      email: p.email,
      name: p.name,
      job_title: p.jobTitle,
      source: "marketing",
      utm_source: p.utmSource,
      utm_campaign: p.utmCampaign,
      rep: null,
      owner_user_id: null,
      created_at: p.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function invitedEmails(db: Kysely<Database>, surveyId: number, emails: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < emails.length; i += 400) {
    const rows = await db
      .selectFrom("invitations")
      .select("email")
      .where("survey_id", "=", surveyId)
      .where("email", "in", emails.slice(i, i + 400))
      .execute();
    for (const r of rows) out.add(r.email);
  }
  return out;
}

/**
 * Which of these addresses (lower case) a message bounced to: refused for good at sending or by a
 * later DSN. Not `failed` (retries ran out, which our own server being down can cause too).
 */
export async function bouncedEmails(db: Kysely<Database>, emails: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  for (let i = 0; i < lower.length; i += 400) {
    const rows = await db
      .selectFrom("email_messages")
      .select(sql<string>`lower(to_email)`.as("email"))
      .where("status", "=", "bounced")
      .where(sql<string>`lower(to_email)`, "in", lower.slice(i, i + 400))
      .distinct()
      .execute();
    for (const r of rows) out.add(r.email);
  }
  return out;
}

export async function insertCampaign(
  db: Kysely<Database>,
  c: { surveyId: number; campaign: string; reminderDays: number; reminderCount: number; createdBy: number | null; now: string },
): Promise<number> {
  const row = await db
    .insertInto("invitation_campaigns")
    .values({
      survey_id: c.surveyId,
      campaign: c.campaign,
      reminder_days: c.reminderDays,
      reminder_count: c.reminderCount,
      created_by: c.createdBy,
      created_at: c.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function campaignById(db: Kysely<Database>, id: number) {
  return db.selectFrom("invitation_campaigns").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertInvitation(
  db: Kysely<Database>,
  i: {
    campaignId: number;
    surveyId: number;
    personId: number;
    email: string;
    name: string | null;
    company: string | null;
    role: string | null;
    fields: Record<string, string>;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("invitations")
    .values({
      campaign_id: i.campaignId,
      survey_id: i.surveyId,
      person_id: i.personId,
      email: i.email,
      name: i.name,
      company: i.company,
      role: i.role,
      fields: JSON.stringify(i.fields),
      sent_at: i.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function invitationById(db: Kysely<Database>, id: number) {
  return db.selectFrom("invitations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function invitationByResponse(db: Kysely<Database>, responseId: number) {
  return db.selectFrom("invitations").selectAll().where("response_id", "=", responseId).executeTakeFirst();
}

export async function markInvitationOpened(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable("invitations").set({ opened_at: now }).where("id", "=", id).where("opened_at", "is", null).execute();
}

/** The invitation's first page post: its response, and opened if the beacon never came (no JavaScript). */
export async function linkInvitationResponse(db: Kysely<Database>, id: number, responseId: number, now: string): Promise<void> {
  await db.updateTable("invitations").set({ response_id: responseId }).where("id", "=", id).where("response_id", "is", null).execute();
  await markInvitationOpened(db, id, now);
}

export interface InvitationFunnel {
  invited: number;
  sent: number;
  opened: number;
  started: number;
  completed: number;
  failed: number;
}

export async function invitationFunnel(db: Kysely<Database>, surveyId: number): Promise<InvitationFunnel> {
  const row = await db
    .selectFrom("invitations as i")
    .leftJoin("responses as r", "r.id", "i.response_id")
    .where("i.survey_id", "=", surveyId)
    .select((eb) => [
      eb.fn.countAll<number>().as("invited"),
      eb.fn.count<number>("i.opened_at").as("opened"),
      eb.fn.count<number>("i.response_id").as("started"),
      eb.fn.sum<number>(eb.case().when("r.status", "=", "complete").then(1).else(0).end()).as("completed"),
    ])
    .executeTakeFirstOrThrow();
  const sent = await db
    .selectFrom("email_messages as m")
    .innerJoin("invitations as i", "i.id", "m.invitation_id")
    .where("i.survey_id", "=", surveyId)
    .where("m.kind", "=", "invitation")
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when("m.status", "in", ["sent", "outbox"]).then(1).else(0).end()).as("sent"),
      eb.fn.sum<number>(eb.case().when("m.status", "in", ["failed", "bounced"]).then(1).else(0).end()).as("failed"),
    ])
    .executeTakeFirstOrThrow();
  return {
    invited: Number(row.invited),
    sent: Number(sent.sent ?? 0),
    opened: Number(row.opened),
    started: Number(row.started),
    completed: Number(row.completed ?? 0),
    failed: Number(sent.failed ?? 0),
  };
}

/** Invitations of a campaign whose response is not complete: the candidates for a reminder. */
export async function unfinishedInvitations(db: Kysely<Database>, campaignId: number) {
  return db
    .selectFrom("invitations as i")
    .leftJoin("responses as r", "r.id", "i.response_id")
    .where("i.campaign_id", "=", campaignId)
    .where((eb) => eb.or([eb("r.status", "is", null), eb("r.status", "!=", "complete")]))
    .selectAll("i")
    .orderBy("i.id")
    .execute();
}

/** Whether any message to this invitation bounced or failed for good. */
export async function invitationBounced(db: Kysely<Database>, invitationId: number): Promise<boolean> {
  const row = await db
    .selectFrom("email_messages")
    .select("id")
    .where("invitation_id", "=", invitationId)
    .where("status", "in", ["bounced", "failed"])
    .executeTakeFirst();
  return Boolean(row);
}

export async function noteReminder(db: Kysely<Database>, id: number, round: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable("invitations")
    .set({ reminders_sent: round, last_reminded_at: now })
    .where("id", "=", id)
    .where("reminders_sent", "=", round - 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Pending double opt-ins of one response. */
export async function pendingConsents(db: Kysely<Database>, responseId: number) {
  return db.selectFrom("consents").selectAll().where("response_id", "=", responseId).where("pending", "=", 1).execute();
}

export async function confirmConsents(db: Kysely<Database>, responseId: number, now: string): Promise<number> {
  const r = await db
    .updateTable("consents")
    .set({ pending: 0, confirmed_at: now })
    .where("response_id", "=", responseId)
    .where("pending", "=", 1)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface BounceMark {
  email: string;
  /** the message the DSN returned (its X-Painmap-Message header), when known */
  messageId: number | null;
  error: string;
  now: string;
}

/**
 * A late bounce (app/reach/bounces.server.ts): every message to the address that is queued, sent or
 * in the outbox becomes `bounced` with the report's reason, and so does the returned message itself
 * when the DSN named it (an alias may have forwarded it to another address). The number marked.
 */
export async function markAddressBounced(db: Kysely<Database>, b: BounceMark): Promise<number> {
  const r = await db
    .updateTable("email_messages")
    .set({ status: "bounced", last_error: b.error, updated_at: b.now })
    .where("status", "in", ["queued", "sent", "outbox"])
    .where((eb) =>
      eb.or([
        eb("to_email", "=", b.email),
        eb(sql<string>`lower(to_email)`, "=", b.email.toLowerCase()),
        ...(b.messageId !== null ? [eb("id", "=", b.messageId)] : []),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
