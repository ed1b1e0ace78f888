import { sql, type Kysely } from "kysely";
import { isPostgres, withId } from "../migration-helpers.js";
import { PGBOSS_SCHEMA } from "./0009_jobs.js";

/**
 * The study summary sent when a survey closes (issue 14 item 5, ADR 0702): one row per survey and
 * person it went to, written with the message in one transaction. Its unique index is what makes
 * "never twice" hold, however often the survey is closed, reopened or its job replayed. The job's
 * pg-boss queue is created here like 0009's (pg-boss drops a job sent to a queue that does not exist).
 */
const QUEUES = ["study-summary"];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("study_summary_sends"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    /** the consent row (a confirmed study-summary opt-in) it was sent under */
    .addColumn("consent_id", "integer")
    .addColumn("message_id", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("study_summary_sends_once").unique().on("study_summary_sends").columns(["survey_id", "person_id"]).execute();
  if (isPostgres(db))
    for (const name of QUEUES) {
      const dead = `${name}__dead`;
      await sql`select ${sql.raw(PGBOSS_SCHEMA)}.create_queue(${dead}, ${JSON.stringify({ policy: "standard" })}::json)`.execute(db);
      await sql`select ${sql.raw(PGBOSS_SCHEMA)}.create_queue(${name}, ${JSON.stringify({ policy: "standard", deadLetter: dead })}::json)`.execute(
        db,
      );
    }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db))
    for (const name of QUEUES) {
      await sql`select ${sql.raw(PGBOSS_SCHEMA)}.delete_queue(${name})`.execute(db);
      await sql`select ${sql.raw(PGBOSS_SCHEMA)}.delete_queue(${`${name}__dead`})`.execute(db);
    }
  await db.schema.dropTable("study_summary_sends").ifExists().execute();
}
