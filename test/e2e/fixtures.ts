import { test as base, expect, type Page } from "@playwright/test";

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

/** Pages already logged in as each demo role; each logs out at the end so sessions do not pile up. */
export const test = base.extend<{ asMarketer: Page; asSales: Page; asAdmin: Page }>({
  asMarketer: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, "marketer");
    await use(page);
    await context.close();
  },
  asSales: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, "sales");
    await use(page);
    await context.close();
  },
  asAdmin: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, "admin");
    await use(page);
    await context.close();
  },
});

export { expect };
