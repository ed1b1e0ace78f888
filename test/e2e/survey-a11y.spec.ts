import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { test, expect } from "./fixtures.js";

/**
 * The public survey against axe-core (WCAG 2.1 A and AA rules), issue 13 item 7: every step, with
 * errors shown, one question at a time, and the thank-you page, with zero violations. Each page's
 * result is printed ("axe: <page>: 0 violations") for the closing note.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;

let handle: DatabaseHandle;
test.beforeAll(() => {
  handle = connect(`file:${DB_FILE}`);
});
test.afterAll(async () => handle?.close());

async function audit(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  console.log(`axe: ${name}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
  expect(summary, name).toEqual([]);
}

async function survey(oneAtATime: boolean) {
  const slug = crypto.randomBytes(18).toString("base64url");
  const id = await createSurvey(
    handle.db,
    { slug, title: `Accessible ${slug.slice(0, 6)}`, intro: "A short study.", template: null, status: "open", createdBy: null },
    [
      { page: 1, kind: "single_choice", prompt: "How do you buy software?", options: ["Direct", "Reseller"], required: true, role: null },
      {
        page: 1,
        kind: "multiple_choice",
        prompt: "Which tools do you use?",
        options: ["Spreadsheets", "None of these"],
        required: true,
        role: null,
      },
      { page: 1, kind: "long_text", prompt: "What else should we know?", required: false, role: null },
      { page: 2, kind: "scale_0_10", prompt: "How likely are you to switch?", required: true, role: null },
      { page: 2, kind: "email", prompt: "Your work email", required: false, role: "contact_email" },
      {
        page: 2,
        kind: "consent",
        prompt: "Send me the summary of this study",
        helpText: "One email, no more.",
        required: false,
        role: "consent_contact",
      },
    ],
  );
  if (oneAtATime)
    await handle.db.updateTable("surveys").set({ one_at_a_time: 1, updated_at: new Date().toISOString() }).where("id", "=", id).execute();
  return slug;
}

for (const js of [true, false]) {
  test(`public survey pages have no axe violations (JavaScript ${js ? "on" : "off"})`, async ({ browser }) => {
    const slug = await survey(false);
    // axe runs as a script in the page, so "off" is emulated by refusing the app's scripts: the page
    // stays the server's render and its forms post natively, exactly the no-JavaScript path.
    const context = await browser.newContext();
    if (!js) await context.route("**/build/**/*.js", (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`/s/${slug}`);
    await audit(page, `page 1 (JS ${js ? "on" : "off"})`);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page.getByText("answers need your attention")).toBeVisible();
    await audit(page, `page 1 with errors (JS ${js ? "on" : "off"})`);
    await page.getByLabel("Direct", { exact: true }).check();
    await page.getByLabel("None of these", { exact: true }).check();
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Page 2 of 2" })).toBeVisible();
    await audit(page, `page 2 (JS ${js ? "on" : "off"})`);
    await page.getByLabel("Send me the summary of this study").check();
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByText("We need your work email").first()).toBeVisible();
    await audit(page, `page 2 with errors (JS ${js ? "on" : "off"})`);
    await page.getByLabel("7", { exact: true }).check();
    await page.getByLabel("Your work email").fill("dana@example.com");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
    await audit(page, `thanks (JS ${js ? "on" : "off"})`);
    await context.close();
  });
}

test("one question at a time has no axe violations, with a question refused", async ({ browser }) => {
  const slug = await survey(true);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/s/${slug}`);
  await expect(page.getByTestId("question-step")).toBeVisible();
  await audit(page, "one at a time, question 1");
  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByText("Please choose an option.").first()).toBeVisible();
  await audit(page, "one at a time, question 1 refused");
  await context.close();
});
