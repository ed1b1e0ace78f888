import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { createSurvey, listQuestions } from "../../db/queries/surveys.js";
import type { Logic } from "../../app/surveys/logic/rules.js";
import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures.js";

/**
 * Display logic end to end: a branching path that skips a page, with JavaScript off (the server
 * decides) and on (questions show and hide live), a hidden question's posted answer stored as
 * nothing, and the builder's logic form refusing forward rules and reporting broken ones.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;

let handle: DatabaseHandle;
test.beforeAll(() => {
  handle = connect(`file:${DB_FILE}`);
});
test.afterAll(async () => handle?.close());

const onlyIf = (questionId: number, op: Logic["conditions"][number]["op"], values: string[] = []): string =>
  JSON.stringify({ combine: "all", conditions: [{ questionId, op, values }] } satisfies Logic);

/** Page 1: industry, and (same page) the ward, only for healthcare. Page 2: the hospital, only for healthcare. Page 3: a comment. */
async function branchingSurvey(status: "open" | "draft" = "open") {
  const slug = crypto.randomBytes(18).toString("base64url");
  const id = await createSurvey(
    handle.db,
    { slug, title: `Branching ${slug.slice(0, 6)}`, intro: "", template: null, status, createdBy: null },
    [
      {
        page: 1,
        kind: "single_choice",
        prompt: "Which industry are you in?",
        options: ["Healthcare", "Retail"],
        required: true,
        role: "industry",
      },
      { page: 1, kind: "short_text", prompt: "Which ward do you work on?", required: true, role: null },
      { page: 2, kind: "short_text", prompt: "Which hospital is it?", required: true, role: null },
      { page: 3, kind: "long_text", prompt: "Anything else?", required: false, role: null },
    ],
  );
  const [industry, ward, hospital] = await listQuestions(handle.db, id);
  for (const q of [ward!, hospital!])
    await handle.db
      .updateTable("questions")
      .set({ logic: onlyIf(industry!.id, "equals", ["Healthcare"]) })
      .where("id", "=", q.id)
      .execute();
  await handle.db.updateTable("surveys").set({ updated_at: new Date().toISOString() }).where("id", "=", id).execute();
  return { id, slug, industry: industry!, ward: ward!, hospital: hospital! };
}

async function answersOf(surveyId: number) {
  return handle.db
    .selectFrom("answers")
    .innerJoin("responses", "responses.id", "answers.response_id")
    .select(["answers.question_id", "answers.value_text", "responses.status"])
    .where("responses.survey_id", "=", surveyId)
    .execute();
}

async function withoutScript(browser: Browser, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("without JavaScript: Retail skips the hospital page and the ward typed anyway is stored as nothing", async ({ browser }) => {
  const s = await branchingSurvey();
  await withoutScript(browser, async (page) => {
    await page.goto(`/s/${s.slug}`);
    await expect(page.getByText("Page 1 of 3")).toBeVisible();
    // the same-page question stays in view without a script, saying when to answer it
    await expect(page.getByText("Only if “Which industry are you in?” is “Healthcare”.")).toBeVisible();
    await page.getByLabel("Retail").check();
    await page.getByLabel("Which ward do you work on?").fill("Ward 7");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Page 3 of 3")).toBeVisible();
    await expect(page.getByLabel("Which hospital is it?")).toHaveCount(0);
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(page.getByText("Page 1 of 3")).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page).toHaveURL(/\/thanks$/);
  });
  const answers = await answersOf(s.id);
  expect(answers.map((a) => a.question_id)).toEqual([s.industry.id]);
  expect(answers[0]).toMatchObject({ value_text: "Retail", status: "complete" });
});

test("without JavaScript: Healthcare takes the hospital page and requires the ward", async ({ browser }) => {
  const s = await branchingSurvey();
  await withoutScript(browser, async (page) => {
    await page.goto(`/s/${s.slug}`);
    await page.getByLabel("Healthcare").check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Please answer this question.", { exact: true })).toBeVisible();
    await page.getByLabel("Which ward do you work on?").fill("Ward 7");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Page 2 of 3")).toBeVisible();
    await page.getByLabel("Which hospital is it?").fill("St Mary's");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Page 3 of 3")).toBeVisible();
  });
  expect((await answersOf(s.id)).map((a) => a.question_id).sort()).toEqual([s.industry.id, s.ward.id, s.hospital.id].sort());
});

test("with JavaScript: the ward shows and hides live, and a changed answer drops the branch already answered", async ({ page }) => {
  const s = await branchingSurvey();
  await page.goto(`/s/${s.slug}`);
  const ward = page.getByLabel("Which ward do you work on?");
  await expect(ward).toBeHidden();
  await page.getByLabel("Healthcare").check();
  await expect(ward).toBeVisible();
  await page.getByLabel("Retail").check();
  await expect(ward).toBeHidden();
  await page.getByLabel("Healthcare").check();
  await ward.fill("Ward 7");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await page.getByLabel("Which hospital is it?").fill("St Mary's");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  // back to page 1 and change the branch: the hospital page is skipped and its answer no longer counts
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByText("Page 1 of 3")).toBeVisible();
  await page.getByLabel("Retail").check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page).toHaveURL(/\/thanks$/);
  const answers = await answersOf(s.id);
  expect(answers.map((a) => a.question_id)).toEqual([s.industry.id]);
});

test("builder: a value that is not an option is refused on its field; a rule left pointing at a removed question blocks publishing", async ({
  asMarketer: page,
}) => {
  const s = await branchingSurvey("draft");
  {
    await page.goto(`/surveys/${s.id}/edit`);
    const card = page.locator(`#question-${s.ward.id}`);
    await card.getByText("Display logic for question 2").click();
    await card.getByLabel("Answer").first().selectOption("any_of");
    await card.getByLabel("Value").first().fill("Mining");
    await card.getByRole("button", { name: "Save logic for question 2" }).click();
    await expect(card.getByText("“Mining” is not an option of “Which industry are you in?”.", { exact: false })).toBeVisible();
    await card.getByLabel("Value").first().fill("Healthcare\nRetail");
    await card.getByRole("button", { name: "Save logic for question 2" }).click();
    await expect(page.getByText("Display logic saved", { exact: false })).toBeVisible();
    await expect(card.getByText("Only if “Which industry are you in?” is any of “Healthcare” or “Retail”.")).toBeVisible();

    await page.getByRole("link", { name: "Remove question 1" }).click();
    await page.getByRole("button", { name: "Yes, remove question 1" }).click();
    await expect(page.getByText("Its rule refers to a question that was removed.", { exact: false }).first()).toBeVisible();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Fix the display logic first", { exact: false })).toBeVisible();
    expect((await handle.db.selectFrom("surveys").select("status").where("id", "=", s.id).executeTakeFirstOrThrow()).status).toBe("draft");
  }
});

test("preview: a draft answered as a prospect would, logic included, writes no response", async ({ asMarketer: page }) => {
  const s = await branchingSurvey("draft");
  await page.goto(`/surveys/${s.id}/edit`);
  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByText("Nothing you enter is saved.", { exact: false })).toBeVisible();
  await expect(page.getByText("Page 1 of 3")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Please choose an option.", { exact: true })).toBeVisible(); // the summary's link repeats it
  await page.getByLabel("Healthcare").check();
  await page.getByLabel("Which ward do you work on?").fill("Ward 7");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByText("Page 1 of 3")).toBeVisible();
  await expect(page.getByLabel("Which ward do you work on?")).toHaveValue("Ward 7");
  await page.getByLabel("Retail").check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByText("The prospect would now see the thank-you page. Nothing was saved.")).toBeVisible();
  expect(await handle.db.selectFrom("responses").select("id").where("survey_id", "=", s.id).execute()).toEqual([]);
});

test("preview of a one-question-at-a-time survey steps as a prospect's browser does, logic and keys included, writing nothing", async ({
  asMarketer: page,
}) => {
  const s = await branchingSurvey("draft");
  await handle.db.updateTable("surveys").set({ one_at_a_time: 1, updated_at: new Date().toISOString() }).where("id", "=", s.id).execute();
  await page.goto(`/surveys/${s.id}/preview`);
  const step = page.getByTestId("question-step");
  const industry = page.getByRole("group", { name: /Which industry/ });
  const ward = page.getByLabel("Which ward do you work on?");
  await expect(industry).toBeVisible();
  await expect(ward).toBeHidden(); // display logic: only for healthcare
  await expect(page.locator("kbd.choice__key").first()).toHaveText("A", { timeout: 15_000 }); // stepping is on (hydrated)
  await page.keyboard.press("a");
  await expect(page.getByLabel("Healthcare")).toBeChecked();
  await expect(step).toContainText("Question 1 of 2 on this page"); // the ward applies now, still one at a time
  await expect(ward).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(step).toContainText("Question 2 of 2 on this page");
  await expect(page.getByTestId("announcer")).toHaveText("Question 2 of 2 on this page");
  await expect(industry).toBeHidden();
  await expect(ward).toBeFocused();
  await page.keyboard.press("Enter"); // empty: refused on this question, the page is not posted
  await expect(page.getByText("Please answer this question.", { exact: true })).toBeVisible();
  await expect(step).toContainText("Question 2 of 2 on this page");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

  await page.getByRole("button", { name: "Previous question" }).click();
  await expect(industry).toBeVisible();
  await page.keyboard.press("b"); // Retail: the ward and page 2 no longer apply
  await expect(page.getByLabel("Retail")).toBeChecked();
  await expect(step).toHaveCount(0); // one question left on the page
  await page.keyboard.press("Enter"); // the page's last question: the page goes (to the preview's action)
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByText("Page 1 of 3")).toBeVisible();
  await expect(page.getByLabel("Retail")).toBeChecked();
  await page.keyboard.press("a");
  await page.keyboard.press("Enter");
  await expect(ward).toBeFocused();
  await page.keyboard.type("Ward 7");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await page.getByLabel("Which hospital is it?").fill("St Mary's");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByText("The prospect would now see the thank-you page. Nothing was saved.")).toBeVisible();
  expect(await handle.db.selectFrom("responses").select("id").where("survey_id", "=", s.id).execute()).toEqual([]);
});
