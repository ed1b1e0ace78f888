/**
 * Sliding-window limits in memory: a key may have at most `limit` counted hits in any `windowMs`
 * span, not per fixed window (a fixed window let a guesser burst twice across its boundary).
 * Each key keeps the times of its last `limit` counted hits, so memory is bounded by
 * `limit x maxKeys`. Refused hits are not counted: a key opens again one window after its
 * oldest counted hit, however often it keeps trying.
 *
 * One process serves the app (DESIGN.md, Scale); with several app servers the limit applies per
 * server, which still bounds a guesser. rate-limiter-flexible's memory store was considered: it
 * counts fixed windows, the very weakness being fixed (ADR 0400).
 */
export interface RateLimiter {
  /** Counts one hit; true when the key is still within its limit (a refused hit is not counted). */
  hit(key: string): boolean;
  /** True when one more hit would be allowed; counts nothing. */
  allows(key: string): boolean;
  /** Seconds until the key may try again (0 when it may now). */
  retryAfter(key: string): number;
  reset(key: string): void;
}

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number; now?: () => number }): RateLimiter {
  const hits = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 50_000;
  const now = options.now ?? Date.now;
  /** The key's hits still inside the window ending now (older ones dropped). */
  const recent = (key: string, at: number): number[] | undefined => {
    const times = hits.get(key);
    if (!times) return undefined;
    while (times.length && at - times[0] >= options.windowMs) times.shift();
    if (!times.length) hits.delete(key);
    return times.length ? times : undefined;
  };
  return {
    hit(key) {
      const at = now();
      const times = recent(key, at);
      if (times && times.length >= options.limit) return false;
      if (times) times.push(at);
      else {
        // Oldest key first (Map keeps insertion order): a flood of new keys cannot grow memory.
        if (hits.size >= maxKeys) hits.delete(hits.keys().next().value as string);
        hits.set(key, [at]);
      }
      return true;
    },
    allows(key) {
      return (recent(key, now())?.length ?? 0) < options.limit;
    },
    retryAfter(key) {
      const at = now();
      const times = recent(key, at);
      if (!times || times.length < options.limit) return 0;
      return Math.max(1, Math.ceil((times[0] + options.windowMs - at) / 1000));
    },
    reset(key) {
      hits.delete(key);
    },
  };
}

/** The client address the server adapter put in the request (see app/server.ts). */
export function clientAddress(request: Request): string {
  return request.headers.get("x-painmap-client-ip") ?? "unknown";
}

export function tooManyRequests(retryAfterSeconds: number, message = "Too many attempts. Please wait a minute and try again."): Response {
  return new Response(message, {
    status: 429,
    headers: { "Retry-After": String(Math.max(1, retryAfterSeconds)), "Content-Type": "text/plain; charset=utf-8" },
  });
}
