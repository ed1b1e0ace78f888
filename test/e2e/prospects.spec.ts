import { expect, test } from "./fixtures";

/** The opportunities row of the plan's targets table: [target, actual]. */
async function opportunitiesActual(page: import("@playwright/test").Page): Promise<number> {
  await page.goto("/plan");
  const cell = page.locator('tr[data-measure="opportunities"] td').nth(1);
  return Number(await cell.textContent());
}

test("a sales user finds a ready-now prospect, reads why, accepts them, and the plan's actuals move", async ({ asSales: page }) => {
  const before = await opportunitiesActual(page);

  await page.goto("/prospects");
  await expect(page.getByRole("heading", { name: "Prospects" })).toBeVisible();
  await page.getByLabel("Band").selectOption("ready_now");
  await page.getByLabel("Status").selectOption("new");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/band=ready_now/);
  const rows = page.locator(".prospects-table tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText("Ready now");
  await rows.first().getByRole("link").first().click();

  // Why: reasons in words, triggers with timing, every answer
  await expect(page.getByRole("heading", { name: "Why ready now" })).toBeVisible();
  await expect(page.locator(".reasons")).toContainText(/Decision in under 3 months/);
  await expect(page.locator(".reasons")).toContainText(/Pain \d+\/10/);
  await expect(page.getByRole("heading", { name: "Every answer" })).toBeVisible();

  await page.getByRole("button", { name: "Accept as opportunity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Opportunity" })).toBeVisible();

  expect(await opportunitiesActual(page)).toBe(before + 1);
  await expect(page.locator('[data-question="marketing"] dd')).toContainText(/marketing delivered \d+/);
  await expect(page.getByRole("img", { name: /Targets against actuals/ })).toBeVisible();
});

test("the plan form refuses a close ratio above 1 with a clear message", async ({ asMarketer: page }) => {
  await page.goto("/plan");
  await page.getByRole("spinbutton", { name: "Close ratio" }).fill("1.5");
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("The close ratio is above 0 and at most 1")).toBeVisible();
});

test("sales can read the profile but not change it; nothing is visible without a login or key", async ({ asSales: page, request }) => {
  await page.goto("/admin/profile");
  await expect(page.getByText("Only an admin can change the profile")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save as new version" })).toHaveCount(0);

  const anonymous = await request.get("/prospects", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect((await request.get("/api/prospects")).status()).toBe(401);
  expect((await request.get("/prospects/export.csv", { maxRedirects: 0 })).status()).toBe(302);
});

test("an admin creates an API key, the API answers with it, and revoking stops it at once", async ({ asAdmin: page, request }) => {
  await page.goto("/admin/api-keys");
  const name = `CRM ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-key").textContent())!.trim();
  expect(key).toMatch(/^pm_/);

  const ok = await request.get("/api/prospects", { headers: { Authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { band: string; prospects: Array<{ band: string; unsubscribe_url: string | null }> };
  expect(body.band).toBe("ready_now");
  expect(body.prospects.every((p) => p.band === "ready_now")).toBe(true);

  await page
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("button", { name: /Revoke/ })
    .click();
  await expect(page.getByText("Revoked: the key stops working now.")).toBeVisible();
  expect((await request.get("/api/prospects", { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(401);
});

test("a nurture opt-out link works once, then says it is no longer valid", async ({ asSales: page, browser }) => {
  await page.goto("/prospects/nurture");
  const link = page.getByRole("link", { name: /One-click opt-out/ }).first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  const before = await page.getByRole("link", { name: /One-click opt-out/ }).count();

  const context = await browser.newContext();
  const prospect = await context.newPage();
  await prospect.goto(href);
  await prospect.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(prospect.getByText("You are unsubscribed.")).toBeVisible();
  await prospect.goto(href);
  await expect(prospect.getByText("This link is no longer valid.")).toBeVisible();
  await prospect.goto("/unsubscribe/forged.token");
  await expect(prospect.getByText("This link is no longer valid.")).toBeVisible();
  await context.close();

  await page.goto("/prospects/nurture");
  await expect(page.getByRole("link", { name: /One-click opt-out/ })).toHaveCount(before - 1);
});
