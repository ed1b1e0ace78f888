import { sql, type Kysely } from "kysely";
import PgBoss from "pg-boss";
import { isPostgres, withId } from "../migration-helpers.js";

/**
 * Background work as durable jobs (issue 12, ADR 0010). On PostgreSQL the queue is pg-boss: its
 * schema is created here (not by pg-boss at start-up) so a job can be enqueued in the same
 * transaction as the change that causes it from the first request on, and every queue the app uses
 * exists before anything is sent to it (pg-boss drops a job sent to a queue that does not exist).
 * On SQLite the queue is one table in the same database, run by app/jobs/sqlite-store.server.ts.
 *
 * The queue list is frozen here: a new kind of job adds its queue in a new migration.
 */
export const PGBOSS_SCHEMA = "pgboss";
const QUEUES: { name: string; policy: "standard" | "singleton" }[] = [
  // singleton: pg-boss lets one job per singletonKey (the run scope) be active at a time.
  { name: "analysis-run", policy: "singleton" },
  { name: "after-completion", policy: "standard" },
];

export async function up(db: Kysely<any>): Promise<void> {
  // A run left queued or running by the old in-process worker has no job to finish it.
  await db
    .updateTable("analysis_runs")
    .set({ status: "failed", stage: "failed", error: "Interrupted by an upgrade. Start it again.", finished_at: new Date().toISOString() })
    .where("status", "in", ["queued", "running"])
    .execute();
  if (isPostgres(db)) {
    // pg-boss wraps its plan in BEGIN/COMMIT; the migrator already runs inside a transaction.
    const plan = PgBoss.getConstructionPlans(PGBOSS_SCHEMA)
      .replace(/^\s*BEGIN;/, "")
      .replace(/COMMIT;\s*$/, "");
    await sql.raw(plan).execute(db);
    // rate-limiter-flexible's PostgreSQL store (app/jobs/shared-rate-limit.server.ts): made here, not
    // by the library at start-up, where three servers creating it at once collide.
    await sql`create table rate_limits (key varchar(255) primary key, points integer not null default 0, expire bigint)`.execute(db);
    for (const q of QUEUES) {
      const dead = `${q.name}__dead`;
      await sql`select ${sql.raw(PGBOSS_SCHEMA)}.create_queue(${dead}, ${JSON.stringify({ policy: "standard" })}::json)`.execute(db);
      await sql`select ${sql.raw(PGBOSS_SCHEMA)}.create_queue(${q.name}, ${JSON.stringify({ policy: q.policy, deadLetter: dead })}::json)`.execute(
        db,
      );
    }
    return;
  }
  await withId(db, db.schema.createTable("jobs"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    /** jobs with the same name and key never run at the same time (null: no such limit) */
    .addColumn("singleton_key", "text")
    /** queued | active | done | failed */
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("retry_limit", "integer", (c) => c.notNull())
    .addColumn("retry_delay_ms", "integer", (c) => c.notNull())
    .addColumn("lease_ms", "integer", (c) => c.notNull())
    /** epoch milliseconds: when a queued job may start; when an active job's lease ends */
    .addColumn("run_after", "integer", (c) => c.notNull())
    .addColumn("lease_until", "integer")
    /** the attempt's owner token: a late heartbeat or completion of an abandoned attempt changes nothing */
    .addColumn("locked_by", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("jobs_due").on("jobs").columns(["name", "state", "run_after"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`drop schema if exists ${PGBOSS_SCHEMA} cascade`).execute(db);
    await sql`drop table if exists rate_limits`.execute(db);
    return;
  }
  await db.schema.dropTable("jobs").ifExists().execute();
}
