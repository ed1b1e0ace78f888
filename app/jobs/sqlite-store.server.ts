/**
 * The job store on SQLite: a `jobs` table in the app's own database, so a job commits with the
 * change that causes it. One process serves a SQLite database (DESIGN.md), and every claim,
 * heartbeat and completion is a short write transaction (BEGIN IMMEDIATE, see db/client.ts), so
 * two runners never claim the same job. Done jobs are deleted; failed ones keep their error.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { backoffMs, type ClaimedJob, type DeadJob, type JobStore } from "./types.js";

const LEASE_LAPSED = "The job's lease ran out (its server stopped, or it ran too long).";

export function createSqliteStore(db: Kysely<Database>, now: () => number = Date.now): JobStore {
  const anyDue = async (name: string) =>
    db
      .selectFrom("jobs")
      .select("id")
      .where("name", "=", name)
      .where("state", "=", "queued")
      .where("run_after", "<=", now())
      .limit(1)
      .executeTakeFirst();
  return {
    async enqueue(trx, def, payload, options = {}) {
      await trx
        .insertInto("jobs")
        .values({
          name: def.name,
          payload: JSON.stringify(payload),
          singleton_key: def.singletonKey?.(payload as never) ?? null,
          state: "queued",
          attempts: 0,
          retry_limit: def.retryLimit,
          retry_delay_ms: def.retryDelayMs,
          lease_ms: def.leaseMs,
          run_after: now() + (options.startAfterMs ?? 0),
          created_at: new Date().toISOString(),
        })
        .execute();
    },

    async prepare() {},

    async claim(def, owner) {
      // Most polls find nothing: look first without the write lock the submissions' group commit needs.
      if (!(await anyDue(def.name))) return [];
      return db.transaction().execute(async (trx) => {
        const at = now();
        const due = await trx
          .selectFrom("jobs")
          .select(["id", "payload", "attempts", "retry_limit", "singleton_key"])
          .where("name", "=", def.name)
          .where("state", "=", "queued")
          .where("run_after", "<=", at)
          .orderBy("id")
          .limit((def.batchSize ?? 1) * 4)
          .execute();
        if (!due.length) return [];
        const busy = new Set(
          (
            await trx
              .selectFrom("jobs")
              .select("singleton_key")
              .where("name", "=", def.name)
              .where("state", "=", "active")
              .where("singleton_key", "is not", null)
              .execute()
          ).map((r) => r.singleton_key),
        );
        const picked: typeof due = [];
        for (const job of due) {
          if (picked.length >= (def.batchSize ?? 1)) break;
          if (job.singleton_key !== null) {
            if (busy.has(job.singleton_key)) continue;
            busy.add(job.singleton_key);
          }
          picked.push(job);
        }
        if (!picked.length) return [];
        await trx
          .updateTable("jobs")
          .set((eb) => ({ state: "active", attempts: eb("attempts", "+", 1), lease_until: at + def.leaseMs, locked_by: owner }))
          .where(
            "id",
            "in",
            picked.map((j) => j.id),
          )
          .execute();
        return picked.map((j): ClaimedJob => ({
          id: String(j.id),
          name: def.name,
          payload: JSON.parse(j.payload),
          attempt: j.attempts + 1,
          retryLimit: j.retry_limit,
        }));
      });
    },

    async heartbeat(def, job, owner) {
      const result = await db
        .updateTable("jobs")
        .set({ lease_until: now() + def.leaseMs })
        .where("id", "=", Number(job.id))
        .where("state", "=", "active")
        .where("locked_by", "=", owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async complete(_def, job, owner) {
      await db.deleteFrom("jobs").where("id", "=", Number(job.id)).where("state", "=", "active").where("locked_by", "=", owner).execute();
    },

    async fail(def, job, owner, message, final) {
      return db
        .updateTable("jobs")
        .set(
          final
            ? {
                state: "failed",
                last_error: message.slice(0, 2000),
                finished_at: new Date().toISOString(),
                locked_by: null,
                lease_until: null,
              }
            : {
                state: "queued",
                last_error: message.slice(0, 2000),
                run_after: now() + backoffMs(def, job.attempt),
                locked_by: null,
                lease_until: null,
              },
        )
        .where("id", "=", Number(job.id))
        .where("state", "=", "active")
        .where("locked_by", "=", owner)
        .executeTakeFirst()
        .then((r) => final && Number(r.numUpdatedRows) === 1);
    },

    async reap(def) {
      const anyLapsed = await db
        .selectFrom("jobs")
        .select("id")
        .where("name", "=", def.name)
        .where("state", "=", "active")
        .where("lease_until", "<", now())
        .limit(1)
        .executeTakeFirst();
      if (!anyLapsed) return [];
      return db.transaction().execute(async (trx) => {
        const at = now();
        const lapsed = await trx
          .selectFrom("jobs")
          .select(["id", "payload", "attempts", "retry_limit", "retry_delay_ms"])
          .where("name", "=", def.name)
          .where("state", "=", "active")
          .where("lease_until", "<", at)
          .execute();
        const dead: DeadJob[] = [];
        for (const job of lapsed) {
          const final = job.attempts > job.retry_limit;
          await trx
            .updateTable("jobs")
            .set(
              final
                ? { state: "failed", last_error: LEASE_LAPSED, finished_at: new Date().toISOString(), locked_by: null, lease_until: null }
                : {
                    state: "queued",
                    last_error: LEASE_LAPSED,
                    run_after: at + backoffMs({ retryDelayMs: job.retry_delay_ms }, job.attempts),
                    locked_by: null,
                    lease_until: null,
                  },
            )
            .where("id", "=", job.id)
            .execute();
          if (final) dead.push({ name: def.name, payload: JSON.parse(job.payload), message: LEASE_LAPSED });
        }
        return dead;
      });
    },

    async close() {},
  };
}

/**
 * At start-up on SQLite no other process runs jobs on this database (one process per SQLite
 * file), so an active job belongs to a process that died: its lease is ended now instead of
 * waiting it out, and the next poll retries it.
 */
export async function endOrphanLeases(db: Kysely<Database>): Promise<void> {
  await db.updateTable("jobs").set({ lease_until: 0 }).where("state", "=", "active").execute();
}
