import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { expect, test } from "./fixtures";
import { fillAboutYou } from "./survey-steps";

/**
 * Marketers teach the trigger detector (issue 9): a prospect answers a survey in the browser, a
 * marketer marks the detected trigger wrong and adds a missed one on the response's page, and
 * sales sees that prospect's score and reasons move. The survey is written straight into the e2e
 * database the web server uses (playwright.config.ts); the answers go through the public form.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;

let handle: DatabaseHandle;
test.beforeAll(() => {
  handle = connect(`file:${DB_FILE}`);
});
test.afterAll(async () => handle?.close());

const STORY = "We were hacked last month and the attackers sat in our mailboxes for weeks.";

async function next(page: Page, label = "Next") {
  await page.getByRole("button", { name: label }).click();
}

/** A prospect answers the template as someone nearly ready to buy, with their trigger in words only. */
async function seedProspect(browser: Browser, name: string) {
  const slug = crypto.randomBytes(18).toString("base64url");
  const surveyId = await createSurvey(
    handle.db,
    { slug, title: "Trigger study", intro: "", template: "market_validation", status: "open", createdBy: null },
    marketValidationQuestions(DEFAULT_TEMPLATE_VARS),
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/s/${slug}`);
  await fillAboutYou(page, { role: "Decision maker", industry: "Healthcare", region: "Europe", sites: "6-20" });
  await next(page);
  await page.getByLabel(/last time/).fill(STORY);
  await page
    .getByRole("group", { name: /How much pain/ })
    .getByLabel("9", { exact: true })
    .check();
  await next(page);
  await expect(page.getByText("Page 3 of 6")).toBeVisible();
  await next(page);
  // Budget that "could be found" and no executive sponsor: ready now only with a buying trigger.
  await page
    .getByRole("group", { name: /budget/ })
    .getByLabel("Could be found")
    .check();
  await page
    .getByRole("group", { name: /decision/ })
    .getByLabel("Less than 3 months")
    .check();
  await page
    .getByRole("group", { name: /named project leader/ })
    .getByLabel("Yes")
    .check();
  await page
    .getByRole("group", { name: /executive sponsor/ })
    .getByLabel("No", { exact: true })
    .check();
  await next(page);
  await page
    .getByRole("group", { name: /How compelling/ })
    .getByLabel("4", { exact: true })
    .check();
  await next(page);
  await page.getByLabel(/study summary/).check();
  await page.getByLabel("Your name (optional)").fill(name);
  await page.getByLabel("Work email (optional)").fill(`${crypto.randomBytes(6).toString("hex")}@triggers.example`);
  await page.getByLabel("Company (optional)").fill(`${name} Clinics`);
  await next(page, "Submit answers");
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await context.close();
  const response = await handle.db
    .selectFrom("responses")
    .select(["id", "person_id"])
    .where("survey_id", "=", surveyId)
    .executeTakeFirstOrThrow();
  return { personId: response.person_id!, responseId: response.id };
}

test("a marketer marks a trigger wrong and adds a missed one; sales sees the prospect's score and reasons change", async ({
  asMarketer: marketer,
  asSales: sales,
  browser,
}) => {
  const { personId, responseId } = await seedProspect(browser, `Tara Trigger ${crypto.randomBytes(3).toString("hex")}`);
  const reasons = sales.locator(".reasons");
  const score = sales.locator(".prospect-score__value");

  // Scoring after completion runs in the background: wait for the prospect page to exist.
  await expect(async () => {
    await sales.goto(`/prospects/${personId}`);
    await expect(reasons).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(reasons).toContainText(/Security incident, recent \((stated|likely|possible)\)/);
  const scoreBefore = Number(await score.textContent());
  const band = sales.locator(".prospect-score .badge").first();
  await expect(band).toHaveText("Ready now");

  await marketer.goto(`/responses/${responseId}`);
  const panel = marketer.locator(".trigger-panel").filter({ hasText: "Security incident" }).first();
  await expect(panel).toContainText(/happened · (stated|likely|possible)/);
  await panel.getByRole("button", { name: "Mark Security incident as wrong" }).click();
  await expect(panel).toContainText("marked wrong by marketing");

  await sales.reload();
  await expect(reasons).not.toContainText("Security incident");
  await expect(reasons).toContainText("No buying trigger");
  const scoreWithout = Number(await score.textContent());
  expect(scoreWithout).toBeLessThan(scoreBefore);
  await expect(band).toHaveText("Nurture");

  await panel.getByLabel("Add a missed trigger").selectOption({ label: "Contract renewal" });
  await panel.getByLabel("When").selectOption("upcoming");
  await panel.getByRole("button", { name: "Add trigger" }).click();
  await expect(panel.locator(".badge--accent")).toHaveText("Contract renewal");
  await expect(panel).toContainText("corrected by marketing");

  await sales.reload();
  await expect(reasons).toContainText("Contract renewal, upcoming (corrected by marketing)");
  expect(Number(await score.textContent())).toBeGreaterThan(scoreWithout);
  await expect(band).toHaveText("Ready now");
  await expect(sales.locator("#signals")).toBeVisible();
  await expect(sales.getByText("corrected by marketing").first()).toBeVisible();
});

test("the correction form refuses a missed trigger without its timing, and sales cannot correct", async ({
  asMarketer: marketer,
  asSales: sales,
  browser,
}) => {
  const { responseId } = await seedProspect(browser, `Vic Validation ${crypto.randomBytes(3).toString("hex")}`);
  await marketer.goto(`/responses/${responseId}`);
  const answerId = Number((await marketer.locator(".trigger-panel").first().getAttribute("id"))!.replace("answer-", ""));
  const refused = await marketer.request.post(`/answers/${answerId}/triggers?_data=routes%2Fanswers.%24answerId.triggers`, {
    form: { action: "add", type: "outage", timing: "", backTo: "response", backId: String(responseId) },
    headers: { Origin: new URL(marketer.url()).origin },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).errors.timing[0]).toMatch(/Say when it happened/);

  const forbidden = await sales.request.post(`/answers/${answerId}/triggers?_data=routes%2Fanswers.%24answerId.triggers`, {
    form: { action: "reject", type: "security_incident", backTo: "response", backId: String(responseId) },
    headers: { Origin: new URL(marketer.url()).origin },
    maxRedirects: 0,
  });
  expect(forbidden.status()).toBe(403);
  const stored = await handle.db.selectFrom("trigger_corrections").selectAll().where("answer_id", "=", answerId).execute();
  expect(stored).toEqual([]);
});
