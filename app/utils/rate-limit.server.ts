/**
 * Fixed-window counters in memory. One process serves the app (DESIGN.md, Scale); with several
 * app servers the limit applies per server, which still bounds a guesser.
 */
export interface RateLimiter {
  /** Counts one hit; true when the key is still within its limit. */
  hit(key: string): boolean;
  /** Seconds until the key may try again. */
  retryAfter(key: string): number;
  reset(key: string): void;
}

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 50_000;
  const current = (key: string, now: number) => {
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      if (!window && windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    return window;
  };
  return {
    hit(key) {
      const window = current(key, Date.now());
      window.count += 1;
      return window.count <= options.limit;
    },
    retryAfter(key) {
      const window = windows.get(key);
      if (!window) return 0;
      return Math.max(0, Math.ceil((window.start + options.windowMs - Date.now()) / 1000));
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

/** The client address the server adapter put in the request (see app/server.ts). */
export function clientAddress(request: Request): string {
  return request.headers.get("x-painmap-client-ip") ?? "unknown";
}

export function tooManyRequests(retryAfterSeconds: number, message = "Too many attempts. Please wait a minute and try again."): Response {
  return new Response(message, { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" } });
}
