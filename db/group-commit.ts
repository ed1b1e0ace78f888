import { sql, type Kysely, type Transaction } from "kysely";
import { isPostgres } from "./migration-helpers.js";
import type { Database } from "./schema.js";

/**
 * Group commit for SQLite: writes that arrive together share one transaction, so one COMMIT (one
 * fsync with synchronous=FULL) makes a whole batch durable instead of one fsync per write.
 *
 * Each item runs inside its own SAVEPOINT: an item whose work throws is rolled back to its savepoint
 * alone and the others still commit. Invariant: no caller is answered before its writes are
 * durable. Every item's promise settles only after the shared COMMIT has returned (resolve), or
 * after it failed (reject, for every item in the batch: nothing of the batch was written).
 *
 * Items queued while a batch is being written go to the next batch. On PostgreSQL there is no
 * batching: `run` is a plain `db.transaction().execute(work)` (concurrent transactions there already
 * share the WAL flush, and each runs on its own pooled connection).
 *
 * A work function must only use `trx` (the batch's transaction) and must not start its own
 * transaction; it runs one at a time with the other items of its batch.
 */

export type TransactionWork<T> = (trx: Transaction<Database>) => Promise<T>;

export interface GroupCommitter {
  run<T>(work: TransactionWork<T>): Promise<T>;
  /** counters for tests and benchmarks */
  stats(): { batches: number; items: number; largestBatch: number };
}

interface Item {
  work: TransactionWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommitter(db: Kysely<Database>, options: { maxBatch?: number } = {}): GroupCommitter {
  const counters = { batches: 0, items: 0, largestBatch: 0 };
  if (isPostgres(db)) {
    return {
      run: (work) => {
        counters.batches++;
        counters.items++;
        counters.largestBatch = Math.max(counters.largestBatch, 1);
        return db.transaction().execute(work);
      },
      stats: () => ({ ...counters }),
    };
  }

  const maxBatch = Math.max(1, options.maxBatch ?? 64);
  let queue: Item[] = [];
  let flushing = false;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || flushing || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };

  async function flush() {
    scheduled = false;
    flushing = true;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const item of batch) {
          await sql`savepoint gc`.execute(trx);
          try {
            const value = await item.work(trx);
            await sql`release savepoint gc`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            outcomes.push({ ok: false, error });
            // If the savepoint cannot be rolled back (the database aborted the whole transaction),
            // this throws and the batch fails as a whole: every item is rejected below.
            await sql`rollback to savepoint gc`.execute(trx);
            await sql`release savepoint gc`.execute(trx);
          }
        }
      });
      // COMMIT returned: the batch is durable; only now answer the callers.
      counters.batches++;
      counters.items += batch.length;
      counters.largestBatch = Math.max(counters.largestBatch, batch.length);
      batch.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    } catch (error) {
      // BEGIN, a savepoint statement or COMMIT failed: the transaction was rolled back, nothing of
      // this batch is stored. Items whose own work failed keep their own error.
      batch.forEach((item, i) => {
        const outcome = outcomes[i];
        item.reject(outcome && !outcome.ok ? outcome.error : error);
      });
    } finally {
      flushing = false;
      schedule();
    }
  }

  return {
    run<T>(work: TransactionWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    stats: () => ({ ...counters }),
  };
}

/**
 * The registry lives on globalThis: the production server creates the database handle from the
 * source modules (app/server.ts -> startup) while the routes run from the Remix build, which bundles
 * its own copy of this module. A module-level WeakMap would leave the build's copy empty (and every
 * submission on a plain transaction).
 */
const REGISTRY = Symbol.for("painmap.groupCommitters");
const registryHolder = globalThis as typeof globalThis & { [REGISTRY]?: WeakMap<Kysely<Database>, GroupCommitter> };
const committers = (registryHolder[REGISTRY] ??= new WeakMap<Kysely<Database>, GroupCommitter>());

/** Makes `writeTransaction(db, ...)` go through `committer` for this Kysely instance. */
export function registerGroupCommitter(db: Kysely<Database>, committer: GroupCommitter): void {
  committers.set(db, committer);
}

export function groupCommitterOf(db: Kysely<Database>): GroupCommitter | undefined {
  return committers.get(db);
}

/**
 * A write transaction: through the group committer registered for `db` if there is one, otherwise
 * a plain `db.transaction().execute(work)`. Either way the promise settles after COMMIT.
 */
export function writeTransaction<T>(db: Kysely<Database>, work: TransactionWork<T>): Promise<T> {
  const committer = committers.get(db);
  return committer ? committer.run(work) : db.transaction().execute(work);
}
