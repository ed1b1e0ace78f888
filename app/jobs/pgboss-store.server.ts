/**
 * The job store on PostgreSQL: pg-boss 10 (ADR 0010). Jobs are sent through the caller's Kysely
 * transaction (pg-boss's `db` option), so a job commits or rolls back with its change. Every server
 * claims with pg-boss's SKIP LOCKED fetch; pg-boss's maintenance (one server per interval, chosen
 * in the database) fails an active job whose `expire_in` has passed and retries it with backoff.
 * The lease is that `expire_in`, renewed by our heartbeat: a live server's job never lapses, a
 * dead server's job lapses one lease after its last heartbeat. A job failed for good is copied
 * to its dead-letter queue (`NAME__dead`, made by migration 0009), read back by `reap`.
 */
import { CompiledQuery, type Kysely } from "kysely";
import PgBoss from "pg-boss";
import { PGBOSS_SCHEMA } from "../../db/migrations/0009_jobs.js";
import type { Database } from "../../db/schema.js";
import type { ClaimedJob, DeadJob, JobDefinition, JobStore } from "./types.js";

/** pg-boss's SQL through a Kysely connection or transaction. */
function kyselyDb(db: Kysely<Database>): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}

/** The attempt's start as pg-boss handed it over: a JS Date has milliseconds, the column microseconds. */
const SAME_START = "abs(extract(epoch from started_on - $3::timestamptz)) < 0.001";

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Options pg-boss stores on each job: retries, backoff and the lease. */
function sendOptions(def: JobDefinition<never>, payload: unknown): PgBoss.SendOptions {
  const key = def.singletonKey?.(payload as never);
  return {
    retryLimit: def.retryLimit,
    retryDelay: Math.ceil(def.retryDelayMs / 1000),
    retryBackoff: true,
    expireInSeconds: seconds(def.leaseMs),
    ...(key ? { singletonKey: key } : {}),
  };
}

// Sending needs no connection of its own: every send passes the caller's transaction.
let sender: PgBoss | undefined;
const unstarted = () =>
  (sender ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error("pg-boss: send without a transaction")),
    },
    schema: PGBOSS_SCHEMA,
  }));

export async function enqueuePg(trx: Kysely<Database>, def: JobDefinition<never>, payload: unknown, startAfterMs = 0) {
  const options = sendOptions(def, payload);
  if (startAfterMs > 0) options.startAfter = new Date(Date.now() + startAfterMs);
  const id = await unstarted().send(def.name, payload as object, { ...options, db: kyselyDb(trx) });
  // null: pg-boss refused it (a queue that does not exist); never lose a job silently.
  if (!id) throw new Error(`The job queue "${def.name}" refused a job.`);
}

export function createPgBossStore(db: Kysely<Database>, options: { maintenanceIntervalSeconds?: number } = {}): JobStore {
  // pg-boss runs its SQL through the app's own pool: no second pool per server.
  const boss = new PgBoss({
    db: kyselyDb(db),
    schema: PGBOSS_SCHEMA,
    migrate: false,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 1,
  });
  boss.on("error", (error: Error) => console.error(`jobs: pg-boss: ${error.message}`));
  let started: Promise<unknown> | undefined;
  const ready = () => (started ??= boss.start());
  /** startedOn per claimed job id: the attempt's owner mark (pg-boss keeps the id across retries). */
  const attempts = new Map<string, Date>();
  const sql = async (text: string, values: unknown[]) => (await ready(), boss.getDb().executeSql(text, values));
  const mine = async (job: ClaimedJob) => {
    const { rows } = await sql(`select 1 from ${PGBOSS_SCHEMA}.job where name = $1 and id = $2 and state = 'active' and ${SAME_START}`, [
      job.name,
      job.id,
      attempts.get(job.id),
    ]);
    return rows.length === 1;
  };

  return {
    enqueue: (trx, def, payload, opts = {}) => enqueuePg(trx, def, payload, opts.startAfterMs),

    async prepare(defs) {
      await ready();
      for (const def of defs) {
        const dead = `${def.name}__dead`;
        if (!(await boss.getQueue(dead))) await boss.createQueue(dead, { name: dead, policy: "standard" });
        if (!(await boss.getQueue(def.name)))
          await boss.createQueue(def.name, { name: def.name, policy: def.singletonKey ? "singleton" : "standard", deadLetter: dead });
      }
    },

    async claim(def) {
      await ready();
      const jobs = await boss.fetch<unknown>(def.name, { batchSize: def.batchSize ?? 1, includeMetadata: true });
      return jobs.map((j) => {
        attempts.set(j.id, j.startedOn);
        return { id: j.id, name: def.name, payload: j.data, attempt: j.retryCount + 1, retryLimit: j.retryLimit };
      });
    },

    async heartbeat(def, job) {
      const { rows } = await sql(
        `update ${PGBOSS_SCHEMA}.job set expire_in = (now() - started_on) + make_interval(secs => $4)
         where name = $1 and id = $2 and state = 'active' and ${SAME_START} returning 1`,
        [def.name, job.id, attempts.get(job.id), def.leaseMs / 1000],
      );
      return rows.length === 1;
    },

    async complete(def, job) {
      if (await mine(job)) await boss.complete(def.name, job.id);
      attempts.delete(job.id);
    },

    async fail(def, job, _owner, message, final) {
      const held = await mine(job);
      // A permanent error spends the remaining retries, so pg-boss fails it for good now.
      if (held && final)
        await sql(`update ${PGBOSS_SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2`, [def.name, job.id]);
      if (held) await boss.fail(def.name, job.id, { message });
      attempts.delete(job.id);
      // pg-boss copies a job failed for good to its dead-letter queue; `reap` reports it from there.
      return false;
    },

    async reap(def) {
      await ready();
      const dead = await boss.fetch<unknown>(`${def.name}__dead`, { batchSize: 20, includeMetadata: true });
      const out: DeadJob[] = [];
      for (const d of dead) {
        const output = (d as unknown as { output?: { message?: string; value?: { message?: string } } }).output;
        out.push({ name: def.name, payload: d.data, message: output?.message ?? output?.value?.message ?? "The job failed." });
        await boss.complete(`${def.name}__dead`, d.id);
      }
      return out;
    },

    async close() {
      if (started) await boss.stop({ graceful: false, wait: true, close: false }).catch(() => {});
    },
  };
}
