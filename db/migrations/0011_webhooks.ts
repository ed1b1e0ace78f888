import { sql, type Kysely } from "kysely";
import { isPostgres, withId } from "../migration-helpers.js";
import { PGBOSS_SCHEMA } from "./0009_jobs.js";

/**
 * Webhooks (issue 14, item 6; ADR 0701): endpoints admins register and the log of every delivery
 * to them. Deliveries are sent by two job kinds (app/jobs/webhook-*.job.server.ts), whose pg-boss
 * queues are created here like 0009's: pg-boss drops a job sent to a queue that does not exist.
 */
const QUEUES = ["webhook-event", "webhook-delivery"];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("webhook_endpoints"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    /** JSON array of event names */
    .addColumn("events", "text", (c) => c.notNull())
    /** the signing key: needed in clear to sign, shown to the admin once (ADR 0701) */
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("created_by", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    /** set when a delivery failed for good; cleared by the next success */
    .addColumn("failing_since", "text")
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_delivery_at", "text")
    .execute();
  await withId(db, db.schema.createTable("webhook_deliveries"))
    .addColumn("endpoint_id", "integer", (c) => c.notNull().references("webhook_endpoints.id").onDelete("cascade"))
    .addColumn("event", "text", (c) => c.notNull())
    /** the event's id, the same on every attempt and every endpoint: receivers deduplicate on it */
    .addColumn("event_id", "text", (c) => c.notNull())
    /** the exact body sent on every attempt */
    .addColumn("payload", "text", (c) => c.notNull())
    /** pending | retrying | delivered | failed | skipped */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("response_status", "integer")
    .addColumn("error", "text")
    .addColumn("next_attempt_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("delivered_at", "text")
    .execute();
  await db.schema.createIndex("webhook_deliveries_endpoint").on("webhook_deliveries").columns(["endpoint_id", "id"]).execute();
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
  await db.schema.dropTable("webhook_deliveries").ifExists().execute();
  await db.schema.dropTable("webhook_endpoints").ifExists().execute();
}
