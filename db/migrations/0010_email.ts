import { sql, type Kysely } from "kysely";
import { isPostgres, withId } from "../migration-helpers.js";

/**
 * Reaching prospects by email (issue 14 items 1-5, ADR 0700): every message (sent, kept in the
 * outbox, failed, bounced or suppressed), invitation campaigns and their recipients, and the
 * double opt-in state of a consent row. Two new job queues on PostgreSQL.
 */
const QUEUES = ["email-send", "reminders"];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("email_messages"))
    /** invitation | reminder | resume | confirm | summary */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_email", "text", (c) => c.notNull())
    /** the rate limit is per recipient domain */
    .addColumn("to_domain", "text", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("invitation_id", "integer")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("unsubscribe_url", "text", (c) => c.notNull())
    /** queued | sent | outbox | failed | bounced | suppressed */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("email_messages_recent").on("email_messages").columns(["created_at"]).execute();
  await db.schema.createIndex("email_messages_invitation").on("email_messages").columns(["invitation_id"]).execute();

  await withId(db, db.schema.createTable("invitation_campaigns"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("campaign", "text", (c) => c.notNull())
    /** days between the invitation and each reminder; 0: no reminders */
    .addColumn("reminder_days", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reminder_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("invitations"))
    .addColumn("campaign_id", "integer", (c) => c.notNull().references("invitation_campaigns.id").onDelete("cascade"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("company", "text")
    .addColumn("role", "text")
    /** JSON object: the list's other columns */
    .addColumn("fields", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addColumn("opened_at", "text")
    .addColumn("response_id", "integer", (c) => c.references("responses.id").onDelete("set null"))
    .addColumn("reminders_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_reminded_at", "text")
    .execute();
  // One invitation per address and survey: a second list with the same address reports a duplicate.
  await db.schema.createIndex("invitations_survey_email").unique().on("invitations").columns(["survey_id", "email"]).execute();
  await db.schema.createIndex("invitations_response").on("invitations").columns(["response_id"]).execute();

  // Double opt-in: a summary or nurture opt-in from the survey is pending until confirmed by link.
  // Rows written before this migration were taken under the single opt-in of their time: they stand.
  await db.schema
    .alterTable("consents")
    .addColumn("pending", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("consents").addColumn("confirmed_at", "text").execute();

  if (isPostgres(db)) {
    for (const name of QUEUES) {
      const dead = `${name}__dead`;
      await sql`select pgboss.create_queue(${dead}, ${JSON.stringify({ policy: "standard" })}::json)`.execute(db);
      await sql`select pgboss.create_queue(${name}, ${JSON.stringify({ policy: "standard", deadLetter: dead })}::json)`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db))
    for (const name of QUEUES) {
      await sql`select pgboss.delete_queue(${name})`.execute(db);
      await sql`select pgboss.delete_queue(${`${name}__dead`})`.execute(db);
    }
  await db.schema.alterTable("consents").dropColumn("confirmed_at").execute();
  await db.schema.alterTable("consents").dropColumn("pending").execute();
  await db.schema.dropTable("invitations").ifExists().execute();
  await db.schema.dropTable("invitation_campaigns").ifExists().execute();
  await db.schema.dropTable("email_messages").ifExists().execute();
}
