import crypto from "node:crypto";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { connect } from "../../db/client.js";
import type { Role } from "../../db/schema.js";

export const DEMO = {
  admin: { email: "admin@painmap.test", password: "demo-admin-pass" },
  marketer: { email: "marketer@painmap.test", password: "demo-marketer-pass" },
  sales: { email: "sales@painmap.test", password: "demo-sales-pass" },
} as const;
export type DemoRole = keyof typeof DEMO;

export async function logIn(page: Page, role: DemoRole) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO[role].email);
  await page.getByLabel("Password").fill(DEMO[role].password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
}

// The web server's database (playwright.config.ts): fixtures write their users and sessions there.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_URL = `file:test-results/e2e/painmap-e2e-${PORT}.sqlite`;

/**
 * A browser context logged in as a new user of this role, made for this test alone: the user and a
 * session row are inserted directly into the server's database at `dbUrl` (the session id's sha256 is
 * what the server stores, as startSession does), and the context gets the pm_session cookie. No shared
 * demo account, no login form per test (auth.spec.ts tests the form itself). Specs that start a
 * server of their own pass its database and address.
 */
export async function freshUserContext(browser: Browser, role: Role, baseURL: string, dbUrl: string = DB_URL): Promise<BrowserContext> {
  const handle = connect(dbUrl);
  const now = new Date();
  const tag = crypto.randomBytes(6).toString("hex");
  const sessionId = crypto.randomBytes(32).toString("base64url");
  try {
    const { id } = await handle.db
      .insertInto("users")
      .values({
        email: `${role}-${tag}@e2e.test`,
        name: `E2E ${role} ${tag}`,
        role,
        password_hash: "not-a-login-account",
        created_at: now.toISOString(),
        disabled_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto("sessions")
      .values({
        id_hash: crypto.createHash("sha256").update(sessionId).digest("hex"),
        user_id: id,
        expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
        created_at: now.toISOString(),
      })
      .execute();
  } finally {
    await handle.close();
  }
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "pm_session", value: sessionId, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return context;
}

async function freshUserPage(browser: Browser, role: Role, baseURL: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await freshUserContext(browser, role, baseURL);
  return { page: await context.newPage(), close: () => context.close() };
}

/** Pages logged in as a fresh user of each role. */
export const test = base.extend<{ asMarketer: Page; asSales: Page; asAdmin: Page }>({
  asMarketer: async ({ browser, baseURL }, use) => {
    const { page, close } = await freshUserPage(browser, "marketer", baseURL!);
    await use(page);
    await close();
  },
  asSales: async ({ browser, baseURL }, use) => {
    const { page, close } = await freshUserPage(browser, "sales", baseURL!);
    await use(page);
    await close();
  },
  asAdmin: async ({ browser, baseURL }, use) => {
    const { page, close } = await freshUserPage(browser, "admin", baseURL!);
    await use(page);
    await close();
  },
});

export { expect };
