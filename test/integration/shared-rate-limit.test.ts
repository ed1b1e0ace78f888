import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSharedRateLimiter } from "../../app/jobs/shared-rate-limit.server.js";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

/**
 * Limits every server shares: on PostgreSQL two servers (two pools on one database) see one
 * count; on SQLite (one process) the limiter is the in-memory sliding window.
 */
describe.each(DATABASE_KINDS)("shared rate limits on %s", (kind) => {
  let first: DatabaseHandle & { url: string };
  let second: DatabaseHandle;
  beforeAll(async () => {
    first = await freshDatabase(kind);
    second = kind === "postgres" ? connect(first.url, { poolSize: 2 }) : first;
  });
  afterAll(async () => {
    if (second !== first) await second.close();
    await first?.close();
  });

  it("a limit reached through one server holds through the other, and a reset clears it for both", async () => {
    const a = createSharedRateLimiter({ name: `login-${kind}`, limit: 3, windowMs: 60_000, pool: first.pool });
    const b = kind === "postgres" ? createSharedRateLimiter({ name: `login-${kind}`, limit: 3, windowMs: 60_000, pool: second.pool }) : a;
    expect(await a.hit("ip:10.0.0.1")).toBe(0);
    expect(await b.hit("ip:10.0.0.1")).toBe(0);
    expect(await a.wait("ip:10.0.0.1")).toBe(0);
    expect(await a.hit("ip:10.0.0.1")).toBe(0);
    // The fourth attempt, through the other server: refused, with a wait of at most the window.
    const wait = await b.hit("ip:10.0.0.1");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await a.wait("ip:10.0.0.1")).toBeGreaterThan(0);
    // Other keys are untouched.
    expect(await b.hit("ip:10.0.0.2")).toBe(0);
    await b.reset("ip:10.0.0.1");
    expect(await a.hit("ip:10.0.0.1")).toBe(0);
  });
});
