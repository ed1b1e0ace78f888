/**
 * The one job interface (issue 12, ADR 0010). A job is written in the same transaction as the
 * change that causes it (`enqueue(trx, ...)`), then run by a runner that holds a lease on it and
 * renews the lease by heartbeat while the handler works. A job whose lease lapses (its server died,
 * or the handler ran past `maxRunMs`) is retried by any runner, with exponential backoff, up to
 * `retryLimit` retries; then it is failed for good with its last error and `onFailed` records that
 * error where the app shows the work (an analysis run's error, for instance).
 *
 * Two stores implement it: pg-boss on PostgreSQL (pgboss-store.server.ts), a table in the same
 * database on SQLite (sqlite-store.server.ts).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";

interface JobContext<P> {
  id: string;
  payload: P;
  /** 1 on the first attempt */
  attempt: number;
  /** retries allowed after the first attempt */
  retryLimit: number;
}

export interface JobDefinition<P = unknown> {
  name: string;
  /** jobs handed to one `handle` call (a burst of completions costs one scoring transaction) */
  batchSize?: number;
  retryLimit: number;
  /** first retry waits about this long; each later one twice as long as the one before */
  retryDelayMs: number;
  /** a lease lapses this long after its last heartbeat (heartbeats come every leaseMs / 3) */
  leaseMs: number;
  /** a handler still running after this long is abandoned: its signal aborts, its lease lapses and it is retried */
  maxRunMs: number;
  /** jobs of this name with the same key never run at the same time */
  singletonKey?: (payload: P) => string | null;
  handle(jobs: JobContext<P>[], ctx: { signal: AbortSignal; db: Kysely<Database> }): Promise<void>;
  /** the job failed for good (last attempt threw, or its lease lapsed on the last attempt) */
  onFailed?(payload: P, message: string, db: Kysely<Database>): Promise<void>;
}

export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
  retryLimit: number;
}

export interface DeadJob {
  name: string;
  payload: unknown;
  message: string;
}

export interface JobStore {
  enqueue(trx: Kysely<Database>, def: JobDefinition<never>, payload: unknown, options?: { startAfterMs?: number }): Promise<void>;
  /** Prepares the store for these queues (creates what a test's own queue needs). */
  prepare(defs: JobDefinition<never>[]): Promise<void>;
  claim(def: JobDefinition<never>, owner: string): Promise<ClaimedJob[]>;
  /** Renews the lease; false when this owner no longer holds the job. */
  heartbeat(def: JobDefinition<never>, job: ClaimedJob, owner: string): Promise<boolean>;
  complete(def: JobDefinition<never>, job: ClaimedJob, owner: string): Promise<void>;
  /** Retries the job later, or fails it for good; true when the caller is to report the final failure (else `reap` will). */
  fail(def: JobDefinition<never>, job: ClaimedJob, owner: string, message: string, final: boolean): Promise<boolean>;
  /** Jobs failed for good that the runner has not reported yet (a lease lapsed on the last attempt; on pg-boss every failure). */
  reap(def: JobDefinition<never>): Promise<DeadJob[]>;
  close(): Promise<void>;
}

/** A handler error that no retry can fix (bad input, not enough data): fails the job at once. */
export class PermanentJobError extends Error {}

/** Backoff before retry number `retry` (1-based): delay, 2 x delay, 4 x delay... capped at an hour. */
export function backoffMs(def: Pick<JobDefinition, "retryDelayMs">, retry: number): number {
  return Math.min(3_600_000, def.retryDelayMs * 2 ** Math.max(0, retry - 1));
}
