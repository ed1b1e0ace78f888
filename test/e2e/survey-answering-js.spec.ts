import crypto from "node:crypto";
import type { Browser } from "@playwright/test";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { createSurvey, listQuestions } from "../../db/queries/surveys.js";
import { test, expect } from "./fixtures.js";

/**
 * Issue 13 items 3, 4 and the public part of 7 (ADR 0601): one question at a time with the keyboard
 * only, autosave surviving a closed tab, the length counter and a long paste kept whole, exclusive
 * "None of these" with JavaScript on (cleared live) and off (refused on its field), the error
 * summary's links, and focus on the new page's heading after "Next".
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;

let handle: DatabaseHandle;
test.beforeAll(() => {
  handle = connect(`file:${DB_FILE}`);
});
test.afterAll(async () => handle?.close());

async function flowSurvey() {
  const slug = crypto.randomBytes(18).toString("base64url");
  const id = await createSurvey(
    handle.db,
    { slug, title: `Flow ${slug.slice(0, 6)}`, intro: "", template: null, status: "open", createdBy: null },
    [
      { page: 1, kind: "single_choice", prompt: "How do you buy software?", options: ["Direct", "Reseller"], required: true, role: null },
      {
        page: 1,
        kind: "multiple_choice",
        prompt: "Which tools do you use today?",
        options: ["Spreadsheets", "CRM", "None of these"],
        required: true,
        role: null,
      },
      { page: 1, kind: "long_text", prompt: "What else should we know?", required: false, role: null },
      { page: 2, kind: "short_text", prompt: "What is your job title?", required: true, role: null },
    ],
  );
  const questions = await listQuestions(handle.db, id);
  return { id, slug, questions };
}

async function responsesOf(surveyId: number) {
  return handle.db.selectFrom("responses").select(["id", "status"]).where("survey_id", "=", surveyId).execute();
}

async function prospect(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test("one question at a time, set in the builder, answered with the keyboard only", async ({ asMarketer, browser }) => {
  const s = await flowSurvey();
  await asMarketer.goto(`/surveys/${s.id}/edit`);
  await asMarketer.getByLabel("One question at a time").check();
  await asMarketer.getByRole("button", { name: "Save how questions are shown" }).click();
  await expect(asMarketer.getByText("One question at a time: on.")).toBeVisible();
  expect(
    (await handle.db.selectFrom("surveys").select("one_at_a_time").where("id", "=", s.id).executeTakeFirstOrThrow()).one_at_a_time,
  ).toBe(1);

  const { context, page } = await prospect(browser, true);
  await page.goto(`/s/${s.slug}`);
  await expect(page.getByTestId("question-step")).toContainText("Question 1 of 3 on this page");
  await expect(page.getByRole("group", { name: /Which tools/ })).toBeHidden();

  // Each choice shows its letter (aria-hidden, so names stay "Reseller"); matched by id here.
  const choice = (q: number, i: number) => page.locator(`#q${s.questions[q]!.id}-${i}`);
  await page.keyboard.press("b");
  await expect(choice(0, 1)).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("question-step")).toContainText("Question 2 of 3 on this page");
  await expect(page.getByTestId("announcer")).toHaveText("Question 2 of 3 on this page");
  await expect(page.getByRole("group", { name: /How do you buy/ })).toBeHidden();

  // Enter without a choice: refused on this question, the page is not posted.
  await page.keyboard.press("Enter");
  await expect(page.getByText("Please choose at least one option.", { exact: true })).toBeVisible();
  await page.keyboard.press("a");
  await page.keyboard.press("b");
  await expect(choice(1, 0)).toBeChecked();
  await expect(choice(1, 1)).toBeChecked();
  await page.keyboard.press("c");
  await expect(choice(1, 2)).toBeChecked();
  await expect(choice(1, 0)).not.toBeChecked();
  await expect(choice(1, 1)).not.toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("What else should we know?")).toBeFocused();
  await page.keyboard.type("We buy through our reseller.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Next", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Page 2 of 2" })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Page 2 of 2" })).toHaveAttribute("aria-live", "polite");
  await page.keyboard.press("Tab"); // the resume link
  await page.keyboard.press("Tab"); // "Or email me a link to finish later" (its address field)
  await page.keyboard.press("Tab"); // its "Email me the link" button
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("What is your job title?")).toBeFocused();
  await page.keyboard.type("Head of operations");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();

  const [response] = await responsesOf(s.id);
  expect(response?.status).toBe("complete");
  const answers = await handle.db
    .selectFrom("answers")
    .select(["question_id", "value_text", "value_json"])
    .where("response_id", "=", response!.id)
    .execute();
  const by = new Map(answers.map((a) => [a.question_id, a]));
  expect(by.get(s.questions[0]!.id)?.value_text).toBe("Reseller");
  expect(by.get(s.questions[1]!.id)?.value_json).toBe(JSON.stringify(["None of these"]));
  expect(by.get(s.questions[2]!.id)?.value_text).toBe("We buy through our reseller.");
  expect(by.get(s.questions[3]!.id)?.value_text).toBe("Head of operations");
  await context.close();
});

test("without JavaScript the one-at-a-time survey is the page-per-step form", async ({ browser }) => {
  const s = await flowSurvey();
  await handle.db.updateTable("surveys").set({ one_at_a_time: 1, updated_at: new Date().toISOString() }).where("id", "=", s.id).execute();
  const { context, page } = await prospect(browser, false);
  await page.goto(`/s/${s.slug}`);
  await expect(page.getByRole("group", { name: /How do you buy/ })).toBeVisible();
  await expect(page.getByRole("group", { name: /Which tools/ })).toBeVisible();
  await expect(page.getByLabel("What else should we know?")).toBeVisible();
  await expect(page.getByTestId("question-step")).toHaveCount(0);
  await context.close();
});

test("autosave: an answer saved shortly after it changes survives a closed tab, in one response", async ({ browser }) => {
  const s = await flowSurvey();
  const first = await prospect(browser, true);
  await first.page.goto(`/s/${s.slug}`);
  await first.page.getByLabel("Direct", { exact: true }).check();
  await first.page.getByLabel("What else should we know?").fill("Budget is set in March.");
  await expect(first.page.getByTestId("autosave-status")).toHaveText("All answers saved");
  const link = await first.page.getByTestId("resume-link").getAttribute("href");
  expect(link).toContain(`/s/${s.slug}?r=`);
  await first.context.close();

  const rows = await responsesOf(s.id);
  expect(rows).toEqual([expect.objectContaining({ status: "partial" })]);

  const second = await prospect(browser, true);
  await second.page.goto(link!);
  await expect(second.page.getByLabel("Direct", { exact: true })).toBeChecked();
  await expect(second.page.getByLabel("What else should we know?")).toHaveValue("Budget is set in March.");
  // More changes and the page post land in the same response (idempotent by key and link).
  await second.page.getByLabel("CRM", { exact: true }).check();
  await expect(second.page.getByTestId("autosave-status")).toHaveText("All answers saved");
  await second.page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(second.page.getByRole("heading", { name: "Page 2 of 2" })).toBeFocused();
  expect(await responsesOf(s.id)).toHaveLength(1);
  await second.context.close();
});

test("a counter near the length limit; a paste over it is kept whole and refused with a message, with and without JavaScript", async ({
  browser,
}) => {
  const s = await flowSurvey();
  const long = "x".repeat(10_005);
  for (const js of [true, false]) {
    const { context, page } = await prospect(browser, js);
    await page.goto(`/s/${s.slug}`);
    const box = page.getByLabel("What else should we know?");
    await expect(page.locator(`#q${s.questions[2]!.id}-count`)).toHaveText("0 / 10,000");
    await page.getByLabel("Direct", { exact: true }).check();
    await page.getByLabel("CRM", { exact: true }).check();
    await box.focus();
    await page.keyboard.insertText(long);
    expect((await box.inputValue()).length).toBe(10_005);
    if (js) await expect(page.locator(`#q${s.questions[2]!.id}-count`)).toContainText("10,005 / 10,000 · 5 characters over the limit");
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page.getByText("Please keep this under 10,000 characters. It has 10,005; nothing was cut").first()).toBeVisible();
    expect((await page.getByLabel("What else should we know?").inputValue()).length).toBe(10_005);
    await expect(page.getByText("Page 1 of 2")).toBeVisible();
    await context.close();
  }
});

test("exclusive “None of these”: cleared live with JavaScript, refused on its field without; the summary links to the field", async ({
  browser,
}) => {
  const s = await flowSurvey();
  const js = await prospect(browser, true);
  await js.page.goto(`/s/${s.slug}`);
  await js.page.getByLabel("Spreadsheets", { exact: true }).check();
  await js.page.getByLabel("CRM", { exact: true }).check();
  await js.page.getByLabel("None of these", { exact: true }).check();
  await expect(js.page.getByLabel("Spreadsheets", { exact: true })).not.toBeChecked();
  await expect(js.page.getByLabel("CRM", { exact: true })).not.toBeChecked();
  await js.page.getByLabel("CRM", { exact: true }).check();
  await expect(js.page.getByLabel("None of these", { exact: true })).not.toBeChecked();
  // The error summary links to the refused field; following it focuses that field.
  await js.page.getByRole("button", { name: "Next", exact: true }).click();
  const link = js.page.getByRole("link", { name: /How do you buy software\?: Please choose an option/ });
  await expect(link).toHaveAttribute("href", `#q${s.questions[0]!.id}-0`);
  await js.page.getByLabel("Direct", { exact: true }).blur();
  await link.click();
  await expect(js.page.getByLabel("Direct", { exact: true })).toBeFocused();
  await js.context.close();

  const s2 = await flowSurvey();
  const off = await prospect(browser, false);
  await off.page.goto(`/s/${s2.slug}`);
  await off.page.getByLabel("Direct", { exact: true }).check();
  await off.page.getByLabel("Spreadsheets", { exact: true }).check();
  await off.page.getByLabel("None of these", { exact: true }).check();
  await off.page.getByRole("button", { name: "Next", exact: true }).click();
  const message = "“None of these” cannot be combined with other choices. Untick it or the others.";
  await expect(off.page.getByRole("group", { name: /Which tools/ }).getByText(message)).toBeVisible();
  await expect(off.page.getByRole("link", { name: `Which tools do you use today?: ${message}` })).toHaveAttribute(
    "href",
    `#q${s2.questions[1]!.id}-0`,
  );
  await expect(off.page.getByLabel("Spreadsheets", { exact: true })).toBeChecked();
  expect(
    await handle.db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select("answers.id")
      .where("responses.survey_id", "=", s2.id)
      .execute(),
  ).toEqual([]);
  await off.context.close();
});
