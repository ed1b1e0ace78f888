import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { seedDemoUsers } from "../../app/demo/users.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

/**
 * The login route's loader and action, called as Remix calls them, against a real database
 * (the app's db() is pointed at a fresh one). Regression tests for issue 11 findings 1, 2 and 6.
 */
process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const login = await import("../../app/routes/login.js");

const LIMIT = 10; // LOGIN_RATE_LIMIT's default: the test environment does not set it
let ipCounter = 0;
const freshIp = () => `10.11.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function post(fields: Record<string, string>, ip = freshIp()) {
  return new Request("http://localhost/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "x-painmap-client-ip": ip },
    body: new URLSearchParams(fields).toString(),
  });
}
async function act(fields: Record<string, string>, ip?: string): Promise<Response> {
  try {
    return (await login.action({ request: post(fields, ip), params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe.each(DATABASE_KINDS)("login route on %s", (kind) => {
  let handle: DatabaseHandle;
  const sessions = async () =>
    Number(
      (
        await handle.db
          .selectFrom("sessions")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    handle = await freshDatabase(kind);
    await seedDemoUsers(handle.db);
    globalThis.__painmapDb = handle;
  });
  afterAll(async () => {
    globalThis.__painmapDb = undefined;
    await handle?.close();
  });

  it("the form's hidden field never echoes an unsafe redirectTo (finding 1)", async () => {
    const data = (await (
      await login.loader({
        request: new Request("http://localhost/login?redirectTo=%2F%09%2Fevil.example%2Fphish"),
        params: {},
        context: {},
      })
    ).json()) as { redirectTo: string };
    expect(data.redirectTo).toBe("");
    const ok = (await (
      await login.loader({ request: new Request("http://localhost/login?redirectTo=%2Fboard"), params: {}, context: {} })
    ).json()) as { redirectTo: string };
    expect(ok.redirectTo).toBe("/board");
  });

  it.each(["/\t/evil.example/phish", "/x\r\nSet-Cookie: a=b", "/\u0100", "/a\nb"])(
    "a successful login with redirectTo %j goes to the fallback, not a 500 (findings 1, 2)",
    async (redirectTo) => {
      const before = await sessions();
      const response = await act({ email: "marketer@painmap.test", password: "demo-marketer-pass", redirectTo });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/surveys");
      expect(response.headers.get("Set-Cookie")).toContain("pm_session=");
      expect(await sessions()).toBe(before + 1);
    },
  );

  it("counts guesses per account across source addresses (finding 6)", async () => {
    const email = kind === "sqlite" ? "sales@painmap.test" : "admin@painmap.test";
    const password = kind === "sqlite" ? "demo-sales-pass" : "demo-admin-pass";
    const ips = [freshIp(), freshIp(), freshIp(), freshIp()];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await act({ email, password: `wrong-${i}` }, ips[i % ips.length])).status);
    expect(statuses).toEqual(Array(LIMIT).fill(400));
    // Four addresses, each far below the per-IP limit: the account is still out of guesses, even
    // for the right password, and says when to try again.
    const blocked = await act({ email: email.toUpperCase(), password }, freshIp());
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another account is not affected.
    expect((await act({ email: "marketer@painmap.test", password: "demo-marketer-pass" }, ips[0])).status).toBe(302);
  });
});
