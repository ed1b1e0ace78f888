/**
 * Runs jobs: one loop per job definition claims due jobs, holds their lease by heartbeat while the
 * handler works, and completes, retries or fails them. Several runners (servers) may run on one
 * database: the store's claim is atomic, so a job runs on one of them at a time.
 *
 * The server starts one runner per process (`startJobs`). Enqueueing needs no runner: `enqueue`
 * writes through the caller's transaction, and `drainJobs` runs due jobs in the caller's process
 * (seeds, imports and tests that want the work done before they go on).
 */
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { isPostgres } from "../../db/migration-helpers.js";
import type { Database } from "../../db/schema.js";
import { createPgBossStore, enqueuePg } from "./pgboss-store.server.js";
import { createSqliteStore } from "./sqlite-store.server.js";
import { PermanentJobError, type ClaimedJob, type JobDefinition, type JobStore } from "./types.js";

export interface JobRunner {
  readonly owner: string;
  /** Resolves when the store is ready for these queues (pg-boss started, a test's queues created). */
  ready(): Promise<void>;
  /** Starts one polling loop per job definition (and registers the runner for `poke`). */
  start(): JobRunner;
  /** Wakes the loop of this job name now (after a commit that enqueued one). */
  poke(name: string): void;
  /** Runs every due job of this name in this process until none is left. */
  drain(name: string): Promise<void>;
  stop(): Promise<void>;
}

type AnyDefinition = JobDefinition<never>;

const POKE_DELAY_MS = 100;

declare global {
  // The server's start-up code and the Remix build are two copies of this module: both must
  // find the one runner (a route's enqueue pokes the runner the server started).
  var __painmapJobRunners: Map<Kysely<Database>, JobRunner> | undefined;
}
const runners = () => (globalThis.__painmapJobRunners ??= new Map());

/** Writes a job in the caller's transaction (or plain connection); it runs once that commits. */
export async function enqueue<P>(trx: Kysely<Database>, def: JobDefinition<P>, payload: P, options: { startAfterMs?: number } = {}) {
  const d = def as unknown as AnyDefinition;
  if (isPostgres(trx)) await enqueuePg(trx, d, payload, options.startAfterMs);
  else await createSqliteStore(trx).enqueue(trx, d, payload, options);
}

/** Tells this process's runner, if any, that a job of this name was just committed. */
export function poke(db: Kysely<Database>, name: string): void {
  runners().get(db)?.poke(name);
}

export function runnerOf(db: Kysely<Database>): JobRunner | undefined {
  return runners().get(db);
}

export interface RunnerOptions {
  pollMs?: number;
  /** register as this process's runner for the database (poke reaches it) */
  register?: boolean;
  maintenanceIntervalSeconds?: number;
}

export function createRunner(db: Kysely<Database>, defs: AnyDefinition[], options: RunnerOptions = {}): JobRunner {
  let store: JobStore;
  if (isPostgres(db)) store = createPgBossStore(db, { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds });
  else store = createSqliteStore(db);
  const owner = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  const pollMs = options.pollMs ?? (isPostgres(db) ? 500 : 250);
  const prepared = store.prepare(defs);
  let stopped = false;
  const wakers = new Map<string, () => void>();
  const pokes = new Set<string>();
  const loops: Promise<void>[] = [];
  const inFlight = new Set<Promise<void>>();

  /** One batch: heartbeat while the handler runs; abandon it past maxRunMs (its lease then lapses). */
  async function runBatch(def: AnyDefinition, jobs: ClaimedJob[]): Promise<void> {
    const controller = new AbortController();
    const started = Date.now();
    let abandon: () => void = () => {};
    const abandoned = new Promise<"abandoned">((resolve) => (abandon = () => resolve("abandoned")));
    const beat = setInterval(
      () => {
        if (Date.now() - started > def.maxRunMs) {
          clearInterval(beat);
          controller.abort(new Error(`The job ran longer than ${Math.round(def.maxRunMs / 1000)} s.`));
          abandon();
          return;
        }
        for (const job of jobs) void store.heartbeat(def, job, owner).catch(() => {});
      },
      Math.max(50, Math.floor(def.leaseMs / 3)),
    );
    try {
      const outcome = await Promise.race([
        def.handle(
          jobs.map((j) => ({ id: j.id, payload: j.payload as never, attempt: j.attempt, retryLimit: j.retryLimit })),
          { signal: controller.signal, db },
        ),
        abandoned,
      ]);
      clearInterval(beat);
      if (outcome === "abandoned") return; // neither completed nor failed: the lease lapses and the job is retried
      for (const job of jobs) await store.complete(def, job, owner);
    } catch (error) {
      clearInterval(beat);
      if (controller.signal.aborted) return;
      const message = (error instanceof Error ? error.message : String(error)) || "The job failed.";
      for (const job of jobs) {
        const final = error instanceof PermanentJobError || job.attempt > job.retryLimit;
        if (await store.fail(def, job, owner, message, final))
          await def
            .onFailed?.(job.payload as never, message, db)
            .catch((e) => console.error(`jobs: ${def.name} onFailed: ${(e as Error).message}`));
      }
    }
  }

  /** Lapsed leases: queued again, or failed for good with their handler told. */
  async function reap(def: AnyDefinition): Promise<void> {
    for (const dead of await store.reap(def))
      await def
        .onFailed?.(dead.payload as never, dead.message, db)
        .catch((e) => console.error(`jobs: ${def.name} onFailed: ${(e as Error).message}`));
  }

  async function once(def: AnyDefinition): Promise<boolean> {
    await prepared;
    await reap(def);
    const jobs = await store.claim(def, owner);
    if (!jobs.length) return false;
    const batch = runBatch(def, jobs);
    inFlight.add(batch);
    try {
      await batch;
    } finally {
      inFlight.delete(batch);
    }
    return true;
  }

  async function loop(def: AnyDefinition): Promise<void> {
    while (!stopped) {
      let worked = false;
      try {
        worked = await once(def);
      } catch (error) {
        // One line, no stack: a busy or unreachable database is retried at the next poll (ADR 0400's log rule).
        if (!stopped) console.error(`jobs: ${def.name}: ${error instanceof Error ? error.message : String(error)}; retrying`);
      }
      if (worked || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, pollMs);
        function done() {
          clearTimeout(timer);
          wakers.delete(def.name);
          resolve();
        }
        wakers.set(def.name, done);
      });
    }
  }

  const runner: JobRunner = {
    owner,
    ready: () => prepared,
    start() {
      for (const def of defs) loops.push(loop(def));
      if (options.register !== false) runners().set(db, runner);
      return runner;
    },
    poke(name) {
      // A moment's delay, as the old after-completion timer had: a burst of commits is one batch.
      if (pokes.has(name)) return;
      pokes.add(name);
      setTimeout(() => {
        pokes.delete(name);
        wakers.get(name)?.();
      }, POKE_DELAY_MS).unref();
    },
    async drain(name) {
      const def = defs.find((d) => d.name === name);
      if (!def) throw new Error(`jobs: no handler for ${name}`);
      while (await once(def));
    },
    async stop() {
      stopped = true;
      for (const wake of [...wakers.values()]) wake();
      await Promise.allSettled(loops);
      await Promise.allSettled([...inFlight]);
      if (runners().get(db) === runner) runners().delete(db);
      await store.close();
    },
  };
  return runner;
}
