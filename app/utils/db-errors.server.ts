/**
 * A database that cannot take a write right now (disk or page limit full, locked beyond
 * busy_timeout, I/O error, PostgreSQL out of resources or restarting) is a 503 with Retry-After:
 * the request may succeed later, unchanged, and nothing of it was kept (every write path runs in
 * one transaction). Anything else stays a 500.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY|CANTOPEN|PROTOCOL)/;
/** PostgreSQL SQLSTATE classes: 08 connection, 53 insufficient resources, 57P operator intervention, 40001/40P01 retryable. */
const PG_UNAVAILABLE = /^(08|53|57P)|^40001$|^40P01$/;
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);

const RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (SQLITE_UNAVAILABLE.test(code) || PG_UNAVAILABLE.test(code) || NETWORK.has(code)) return true;
  }
  return false;
}

export function serviceUnavailable(): Response {
  return new Response("We cannot save right now. Nothing was lost on your side: please try again in a few seconds.", {
    status: 503,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "private, no-store",
    },
  });
}

/** Set by handleError (entry.server.tsx) on the request's load context; read by the server adapter. */
export interface FailureMark {
  databaseUnavailable?: boolean;
}
