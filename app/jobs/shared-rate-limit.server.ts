/**
 * Rate limits every app server shares (issue 12): on PostgreSQL the counts live in the database
 * through rate-limiter-flexible's PostgreSQL store, so three servers allow what one allows; on
 * SQLite (one process) they stay in memory with today's sliding window (utils/rate-limit.server.ts).
 *
 * rate-limiter-flexible counts a window that starts at a key's first hit. A refused key stays
 * refused for a whole window (`blockDuration`), so a guesser who hits the limit waits it out; one
 * who stays just under it can reach twice the limit across a window boundary, never more (ADR 0010).
 */
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createRateLimiter } from "../utils/rate-limit.server.js";

export interface SharedRateLimiter {
  /** Counts one hit; 0 when allowed, else the seconds to wait (a refused hit is not counted in memory). */
  hit(key: string): Promise<number>;
  /** 0 when one more hit would be allowed (counts nothing), else the seconds to wait. */
  wait(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export function createSharedRateLimiter(options: { name: string; limit: number; windowMs: number; pool?: pg.Pool }): SharedRateLimiter {
  if (!options.pool) {
    const memory = createRateLimiter({ limit: options.limit, windowMs: options.windowMs });
    return {
      hit: async (key) => (memory.hit(key) ? 0 : memory.retryAfter(key)),
      wait: async (key) => (memory.allows(key) ? 0 : memory.retryAfter(key)),
      reset: async (key) => memory.reset(key),
    };
  }
  const seconds = Math.max(1, Math.round(options.windowMs / 1000));
  const store = new RateLimiterPostgres({
    storeClient: options.pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true, // migration 0009
    keyPrefix: options.name,
    points: options.limit,
    duration: seconds,
    blockDuration: seconds,
  });
  const toWait = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  return {
    async hit(key) {
      try {
        await store.consume(key, 1);
        return 0;
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return toWait(refused.msBeforeNext);
        throw refused; // a database error: the caller's request fails like any other database error
      }
    },
    async wait(key) {
      const state = await store.get(key);
      return state && state.consumedPoints >= options.limit ? toWait(state.msBeforeNext) : 0;
    },
    async reset(key) {
      await store.delete(key);
    },
  };
}

/** A limiter on the app's own database: shared through PostgreSQL, or in this process's memory on SQLite. */
export function appRateLimiter(name: string, limit: number, windowMs: number, pool: pg.Pool | undefined): SharedRateLimiter {
  return createSharedRateLimiter({ name, limit, windowMs, pool });
}
