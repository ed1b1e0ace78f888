import crypto from "node:crypto";
import { test, expect, type Page } from "@playwright/test";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { marketValidationQuestions, DEFAULT_TEMPLATE_VARS } from "../../app/surveys/template.js";
import { fillAboutYou, nextPage } from "./survey-steps";

/**
 * The prospect's side: each test answers its own open survey (written straight into the e2e
 * database the web server uses; see playwright.config.ts) on a 375 px phone.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;
const PHONE = { width: 375, height: 740 };

let handle: DatabaseHandle;
test.beforeAll(() => {
  handle = connect(`file:${DB_FILE}`);
});
test.afterAll(async () => handle?.close());

async function newSurvey(title: string): Promise<{ id: number; slug: string }> {
  const slug = crypto.randomBytes(18).toString("base64url");
  const id = await createSurvey(
    handle.db,
    { slug, title, intro: "About five minutes.", template: "market_validation", status: "open", createdBy: null },
    marketValidationQuestions(DEFAULT_TEMPLATE_VARS),
  );
  return { id, slug };
}

async function responsesOf(surveyId: number) {
  return handle.db.selectFrom("responses").selectAll().where("survey_id", "=", surveyId).execute();
}

/** Pages 1-2 of the template. */
async function answerFirstPages(page: Page) {
  await expect(page.getByText("Page 1 of 6")).toBeVisible();
  await page
    .getByRole("group", { name: /role in buying decisions/ })
    .getByLabel("Decision maker")
    .check();
  await page
    .getByRole("group", { name: /industry/ })
    .getByLabel("Other", { exact: true })
    .check();
  await page.getByLabel("Other, please specify").fill("Hospitality");
  await page
    .getByRole("group", { name: /mainly based/ })
    .getByLabel("Europe")
    .check();
  await page
    .getByRole("group", { name: /sites or locations/ })
    .getByLabel("2-5")
    .check();
  await nextPage(page, 1);
  await page.getByLabel(/last time/).fill("Ransomware took our booking system down for four days last month.");
  await page
    .getByRole("group", { name: /How much pain/ })
    .getByLabel("9", { exact: true })
    .check();
  await nextPage(page, 2);
}

/** One address per survey: the same email is one person (issue 17), so each test's prospect gets its own. */
const emailFor = (surveyId: number) => `dana+s${surveyId}@hotel.example.com`;

async function answerRest(page: Page, email: string) {
  await page
    .getByRole("group", { name: /Which of these happened/ })
    .getByLabel("Security breach")
    .check();
  await page.getByLabel("Tell us more about those events (optional).").fill("We were hit by ransomware last month.");
  await nextPage(page, 3);
  await page
    .getByRole("group", { name: /budget/ })
    .getByLabel("Allocated")
    .check();
  await page
    .getByRole("group", { name: /decision/ })
    .getByLabel("Less than 3 months")
    .check();
  await nextPage(page, 4);
  await page
    .getByRole("group", { name: /How compelling/ })
    .getByLabel("4", { exact: true })
    .check();
  await nextPage(page, 5);
  // consent boxes start unticked
  await expect(page.getByLabel(/study summary/)).not.toBeChecked();
  await expect(page.getByLabel(/educational content/)).not.toBeChecked();
  await page.getByLabel(/study summary/).check();
  await page.getByLabel("Work email (optional)").fill(email);
  await page.getByLabel("Company (optional)").fill("Harbor Hotels");
  await nextPage(page, 6);
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
}

async function expectCompleteResponse(surveyId: number, src: string) {
  const rows = await responsesOf(surveyId);
  expect(rows).toHaveLength(1);
  expect(rows[0].status).toBe("complete");
  expect(rows[0].source).toBe(src);
  const person = await handle.db.selectFrom("people").selectAll().where("id", "=", rows[0].person_id!).executeTakeFirstOrThrow();
  expect(person.email).toBe(emailFor(surveyId));
  expect(person.source).toBe(src);
  const consents = await handle.db
    .selectFrom("consents")
    .select(["purpose", "status"])
    .where("person_id", "=", person.id)
    .orderBy("purpose")
    .execute();
  expect(consents).toEqual([
    { purpose: "contact", status: "opted_out" },
    { purpose: "educational_content", status: "opted_out" },
    { purpose: "study_summary", status: "opted_in" },
  ]);
}

test("a prospect answers on a phone without JavaScript, through to the thank-you page", async ({ browser }) => {
  const survey = await newSurvey("No-JS study");
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`/s/${survey.slug}?utm_source=linkedin&utm_campaign=e2e&src=sales&rep=Riley`);
  await expect(page.getByRole("heading", { name: "No-JS study" })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0); // prospects see no staff nav
  // nothing wider than the phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await answerFirstPages(page);
  await expect(page.getByTestId("resume-link")).toContainText(`/s/${survey.slug}?r=`);
  const resume = new URL((await page.getByTestId("resume-link").textContent())!.trim());
  await answerRest(page, emailFor(survey.id));
  await expectCompleteResponse(survey.id, "sales");
  const [row] = await responsesOf(survey.id);
  expect(row).toMatchObject({ utm_source: "linkedin", utm_campaign: "e2e", rep: "Riley" });
  // Back to the last page: the response is complete, so the thank-you page again.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  // A stale copy of a page posted again changes nothing and shows the thank-you page.
  const repost = await page.request.post(`/s/${survey.slug}`, {
    form: { page: "2", r: resume.searchParams.get("r")!, q_0: "x" },
    maxRedirects: 0,
  });
  expect(repost.status()).toBe(302);
  expect(repost.headers()["location"]).toBe(`/s/${survey.slug}/thanks`);
  expect(await responsesOf(survey.id)).toHaveLength(1);
  await context.close();
});

test("a prospect answers with JavaScript on, keyboard only on the first page", async ({ browser }) => {
  const survey = await newSurvey("JS study");
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`/s/${survey.slug}?utm_source=newsletter`);
  // keyboard: tab into the first group, arrows pick a radio
  await page
    .getByRole("group", { name: /role in buying decisions/ })
    .getByLabel("Decision maker")
    .focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("group", { name: /role in buying decisions/ }).getByLabel("Decision maker")).toBeChecked();
  await answerFirstPages(page);
  await answerRest(page, emailFor(survey.id));
  await expectCompleteResponse(survey.id, "marketing");
  await context.close();
});

test("stop halfway and resume from the link in another browser", async ({ browser }) => {
  const survey = await newSurvey("Resume study");
  const first = await browser.newContext({ viewport: PHONE });
  const page = await first.newPage();
  await page.goto(`/s/${survey.slug}`);
  await answerFirstPages(page);
  await page
    .getByRole("group", { name: /Which of these happened/ })
    .getByLabel("Outage")
    .check();
  await nextPage(page, 3);
  const link = (await page.getByTestId("resume-link").textContent())!.trim();
  expect(link).toContain("?r=");
  await first.close();

  const second = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const again = await second.newPage();
  await again.goto(link);
  await expect(again.getByText("Page 4 of 6")).toBeVisible();
  // What is typed on a page survives "Previous page", even before the page is complete.
  await again
    .getByRole("group", { name: /budget/ })
    .getByLabel("Allocated")
    .check();
  await again.getByRole("button", { name: "Previous page" }).click();
  await expect(again.getByText("Page 3 of 6")).toBeVisible();
  await expect(again.getByRole("group", { name: /Which of these happened/ }).getByLabel("Outage")).toBeChecked();
  await again.getByRole("button", { name: "Next" }).click();
  await expect(again.getByText("Page 4 of 6")).toBeVisible();
  await expect(again.getByRole("group", { name: /budget/ }).getByLabel("Allocated")).toBeChecked();
  await again.getByRole("button", { name: "Previous page" }).click();
  await expect(again.getByText("Page 3 of 6")).toBeVisible();
  await again.getByRole("button", { name: "Previous page" }).click();
  await expect(again.getByLabel(/last time/)).toHaveValue(/Ransomware took our booking system/);
  const rows = await responsesOf(survey.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: "partial", current_page: 4 });
  await second.close();
});

test("with JavaScript on, Previous page skips the page's checks and keeps what was typed", async ({ browser }) => {
  const survey = await newSurvey("Back study");
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`/s/${survey.slug}`);
  await answerFirstPages(page);
  // Page 3: a note typed, the events question not answered yet.
  await page.getByLabel("Tell us more about those events (optional).").fill("An audit is due in March.");
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByText("Page 2 of 6")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByLabel(/last time/)).toHaveValue(/Ransomware took our booking system/);
  await nextPage(page, 2);
  await expect(page.getByLabel("Tell us more about those events (optional).")).toHaveValue("An audit is due in March.");
  const rows = await responsesOf(survey.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: "partial", current_page: 3 });
  await context.close();
});

test("a missing required answer is shown next to its field and what was typed is kept", async ({ browser }) => {
  const survey = await newSurvey("Errors study");
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`/s/${survey.slug}`);
  await page
    .getByRole("group", { name: /role in buying decisions/ })
    .getByLabel("Influencer / evaluator")
    .check();
  await page
    .getByRole("group", { name: /industry/ })
    .getByLabel("Other", { exact: true })
    .check();
  await page.getByLabel("Other, please specify").fill("Aquaculture");
  await page.getByRole("button", { name: "Next" }).click();
  const region = page.getByRole("group", { name: /mainly based/ });
  await expect(region).toHaveAttribute("aria-describedby", /-error/);
  const errorId = (await region.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-error"))!;
  await expect(page.locator(`#${errorId}`)).toHaveText("Please choose an option.");
  await expect(page.getByText("2 answers need your attention.")).toBeVisible();
  await expect(page.getByRole("group", { name: /role in buying decisions/ }).getByLabel("Influencer / evaluator")).toBeChecked();
  await expect(page.getByLabel("Other, please specify")).toHaveValue("Aquaculture");
  await context.close();
});

test("a required long answer left empty with JavaScript on: error tied to the field, text elsewhere kept", async ({ browser }) => {
  const survey = await newSurvey("JS errors study");
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`/s/${survey.slug}`);
  await answerFirstPagesOnlyPage1(page);
  await page.getByLabel("How do you handle it today?").fill("Spreadsheets and hope.");
  await page.getByRole("button", { name: "Next" }).click();
  const story = page.getByLabel(/last time/);
  await expect(story).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await story.getAttribute("aria-describedby"))!;
  await expect(page.locator(`#${describedBy.split(" ").find((id) => id.endsWith("-error"))}`)).toHaveText("Please answer this question.");
  await expect(page.getByLabel("How do you handle it today?")).toHaveValue("Spreadsheets and hope.");
  await expect(story).toBeFocused();
  await context.close();
});

async function answerFirstPagesOnlyPage1(page: Page) {
  await fillAboutYou(page, { role: "End user", industry: "Retail", region: "Europe", sites: "1" });
  await nextPage(page, 1);
}

test("a filled honeypot gets the thank-you page and stores nothing", async ({ browser }) => {
  const survey = await newSurvey("Honeypot study");
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`/s/${survey.slug}`);
  const trap = page.locator("input[name=website_url]");
  await expect(trap).toHaveAttribute("tabindex", "-1");
  await expect(trap).toHaveAttribute("autocomplete", "off");
  await trap.fill("http://spam.example.com", { force: true });
  await fillAboutYou(page, { role: "Decision maker", industry: "Retail", region: "Europe", sites: "1" });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  expect(await responsesOf(survey.id)).toHaveLength(0);
  await context.close();
});

test("draft and unknown surveys are the same 404; a closed survey says so", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const draftSlug = crypto.randomBytes(18).toString("base64url");
  await createSurvey(handle.db, { slug: draftSlug, title: "Draft", intro: "", template: null, status: "draft", createdBy: null }, [
    { page: 1, kind: "short_text", prompt: "Q", role: null },
  ]);
  const draft = await page.goto(`/s/${draftSlug}`);
  const draftText = await page.locator("main").textContent();
  const unknown = await page.goto(`/s/${crypto.randomBytes(18).toString("base64url")}`);
  expect(draft?.status()).toBe(404);
  expect(unknown?.status()).toBe(404);
  expect(await page.locator("main").textContent()).toBe(draftText);
  const closedSlug = crypto.randomBytes(18).toString("base64url");
  await createSurvey(handle.db, { slug: closedSlug, title: "Closed study", intro: "", template: null, status: "closed", createdBy: null }, [
    { page: 1, kind: "short_text", prompt: "Q", role: null },
  ]);
  await page.goto(`/s/${closedSlug}`);
  await expect(page.getByText("This survey is closed")).toBeVisible();
  await context.close();
});
