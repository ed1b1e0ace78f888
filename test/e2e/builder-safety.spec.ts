import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { startResponse } from "../../db/queries/responses.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DEMO, expect, test } from "./fixtures";

/**
 * A safer builder (issue 13 item 8, ADR 0603): "Remove question" and "Close survey" go through a
 * confirmation step and can be undone from a server-side record, with JavaScript on and off; a
 * question's type must fit its role (zod, in the browser and on the server); the status line sits
 * in the page flow.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_URL = `file:test-results/e2e/painmap-e2e-${PORT}.sqlite`;

let handle: DatabaseHandle;
test.beforeAll(() => {
  handle = connect(DB_URL);
});
test.afterAll(async () => handle?.close());

/** An open survey of three questions with one response that answered all of them. */
async function surveyWithAnswers(title: string) {
  const { db } = handle;
  const slug = crypto.randomBytes(18).toString("base64url");
  const surveyId = await createSurvey(db, { slug, title, intro: "", template: null, status: "open", createdBy: null }, [
    { page: 1, kind: "short_text", role: null, prompt: "First question?" },
    { page: 1, kind: "long_text", role: "pain_story", prompt: "What went wrong?" },
    { page: 1, kind: "short_text", role: null, prompt: "Third question?" },
  ]);
  const questions = await db
    .selectFrom("questions")
    .select(["id", "position"])
    .where("survey_id", "=", surveyId)
    .orderBy("position")
    .execute();
  const now = new Date().toISOString();
  const { response } = await startResponse(db, {
    surveyId,
    idempotencyKey: `safety-${slug.slice(0, 12)}`,
    resumeTokenHash: crypto.createHash("sha256").update(slug).digest("hex"),
    source: "unknown",
    utmSource: null,
    utmCampaign: null,
    rep: null,
    origin: "web",
    now,
  });
  for (const [i, q] of questions.entries()) {
    await db
      .insertInto("answers")
      .values({
        response_id: response.id,
        question_id: q.id,
        value_text: `answer ${i + 1}`,
        value_number: null,
        value_json: null,
        updated_at: now,
      })
      .execute();
  }
  return { surveyId, slug, questionIds: questions.map((q) => q.id) };
}

const answersOf = (questionId: number) =>
  handle.db.selectFrom("answers").select(["id", "value_text"]).where("question_id", "=", questionId).orderBy("id").execute();
const statusOf = async (surveyId: number) =>
  (await handle.db.selectFrom("surveys").select("status").where("id", "=", surveyId).executeTakeFirstOrThrow()).status;

async function marketerPage(browser: Browser, baseURL: string, javaScriptEnabled: boolean): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, javaScriptEnabled })).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.marketer.email);
  await page.getByLabel("Password").fill(DEMO.marketer.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`remove a question: confirm first, then undo puts it back with its answers (${mode})`, async ({ browser, baseURL }) => {
    const s = await surveyWithAnswers(`Remove ${mode} ${Date.now()}`);
    const page = await marketerPage(browser, baseURL!, javaScriptEnabled);
    await page.goto(`/surveys/${s.surveyId}/edit`);
    const prompts = page.locator(".question-card__prompt");
    await expect(prompts).toHaveText(["First question?", "What went wrong?", "Third question?"]);
    const before = await answersOf(s.questionIds[1]!);
    expect(before).toHaveLength(1);

    // one click only opens the confirmation step; Cancel leaves everything as it was
    await page.getByRole("link", { name: "Remove question 2" }).click();
    const confirm = page.getByRole("group", { name: "Remove question 2?" });
    await expect(confirm).toContainText("their answers to this question are removed with it");
    await expect(prompts).toHaveCount(3);
    await confirm.getByRole("link", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(prompts).toHaveCount(3);

    // a one-click post without the confirmation is refused and changes nothing
    const unconfirmed = await page.request.post(`/surveys/${s.surveyId}/edit`, {
      form: { intent: "remove-question", questionId: String(s.questionIds[1]) },
      headers: { Origin: baseURL! },
    });
    expect(unconfirmed.status()).toBe(400);
    expect(await unconfirmed.text()).toContain("Confirm the removal first.");
    expect(await answersOf(s.questionIds[1]!)).toEqual(before);

    await page.getByRole("link", { name: "Remove question 2" }).click();
    await page.getByRole("button", { name: "Yes, remove question 2" }).click();
    await expect(page.getByRole("status")).toContainText("Question 2 “What went wrong?” removed. You can undo this for 10 minutes.");
    await expect(prompts).toHaveText(["First question?", "Third question?"]);
    expect(await answersOf(s.questionIds[1]!)).toEqual([]);

    // the undo is recorded on the server: it is still offered after a reload
    await page.reload();
    await page.getByRole("button", { name: "Undo: Question 2 “What went wrong?” removed" }).click();
    await expect(page.getByRole("status")).toHaveText("Undone: the question is back, with its answers.");
    await expect(prompts).toHaveText(["First question?", "What went wrong?", "Third question?"]);
    expect(await answersOf(s.questionIds[1]!)).toEqual(before);
    await expect(page.getByRole("button", { name: /^Undo:/ })).toHaveCount(0);
  });

  test(`close a survey: confirm first, then undo opens it again (${mode})`, async ({ browser, baseURL }) => {
    const s = await surveyWithAnswers(`Close ${mode} ${Date.now()}`);
    const page = await marketerPage(browser, baseURL!, javaScriptEnabled);
    await page.goto(`/surveys/${s.surveyId}/edit`);

    await page.getByRole("link", { name: "Close survey" }).click();
    const confirm = page.getByRole("group", { name: "Close this survey?" });
    await expect(confirm).toBeVisible();
    expect(await statusOf(s.surveyId)).toBe("open");
    await confirm.getByRole("button", { name: "Yes, close the survey" }).click();
    await expect(page.getByRole("status")).toContainText("Closed. The public link now tells visitors the survey has ended.");
    expect(await statusOf(s.surveyId)).toBe("closed");
    await expect(page.locator("h1 .badge")).toHaveText("closed");

    await page.getByRole("button", { name: "Undo: Survey closed" }).click();
    await expect(page.getByRole("status")).toHaveText("Undone: the survey is open again.");
    expect(await statusOf(s.surveyId)).toBe("open");
    await expect(page.locator("h1 .badge")).toHaveText("open");
  });
}

test("an undo works once and not after its window; another survey's undo is refused", async ({ asMarketer: page, baseURL }) => {
  const s = await surveyWithAnswers(`Undo window ${Date.now()}`);
  const other = await surveyWithAnswers(`Undo other ${Date.now()}`);
  const post = (surveyId: number, form: Record<string, string>) =>
    page.request.post(`/surveys/${surveyId}/edit`, { form, headers: { Origin: baseURL! } });
  expect((await post(s.surveyId, { intent: "remove-question", questionId: String(s.questionIds[0]), confirm: "yes" })).status()).toBe(200);
  expect((await post(s.surveyId, { intent: "remove-question", questionId: String(s.questionIds[2]), confirm: "yes" })).status()).toBe(200);
  const undos = await handle.db.selectFrom("builder_undos").select("id").where("survey_id", "=", s.surveyId).orderBy("id").execute();
  expect(undos).toHaveLength(2);
  const [first, second] = undos.map((u) => String(u.id));

  // not from another survey's builder
  const foreign = await post(other.surveyId, { intent: "undo", undoId: first! });
  expect(foreign.status()).toBe(400);
  expect(await foreign.text()).toContain("can no longer be undone");

  // past its window: refused, nothing comes back
  await handle.db
    .updateTable("builder_undos")
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where("id", "=", Number(first))
    .execute();
  const late = await post(s.surveyId, { intent: "undo", undoId: first! });
  expect(late.status()).toBe(400);
  expect(await answersOf(s.questionIds[0]!)).toEqual([]);

  // once only
  expect((await post(s.surveyId, { intent: "undo", undoId: second! })).status()).toBe(200);
  expect((await post(s.surveyId, { intent: "undo", undoId: second! })).status()).toBe(400);
  const positions = await handle.db
    .selectFrom("questions")
    .select(["id", "position"])
    .where("survey_id", "=", s.surveyId)
    .orderBy("position")
    .execute();
  expect(positions).toEqual([
    { id: s.questionIds[1], position: 1 },
    { id: s.questionIds[2], position: 2 },
  ]);
});

test("a question's type must fit its role: refused at the field with JavaScript and without", async ({ browser, baseURL }) => {
  const s = await surveyWithAnswers(`Kinds ${Date.now()}`);
  const kindOf = async () =>
    (await handle.db.selectFrom("questions").select("kind").where("id", "=", s.questionIds[1]!).executeTakeFirstOrThrow()).kind;

  // with JavaScript: the message shows as the type is picked, and the form is not sent
  const page = await marketerPage(browser, baseURL!, true);
  await page.goto(`/surveys/${s.surveyId}/edit`);
  const card = page.locator(`#question-${s.questionIds[1]}`);
  await card.getByText("Edit question 2").click();
  await card.getByLabel("Type").selectOption("scale_0_10");
  const fieldError = card.locator(`#q${s.questionIds[1]}-kind-error`);
  await expect(fieldError).toContainText("A “Pain story (free text)” question must be Long text or Short text");
  await card.getByRole("button", { name: "Save question 2" }).click();
  await expect(fieldError).toBeVisible();
  expect(await kindOf()).toBe("long_text");
  await card.getByLabel("Type").selectOption("short_text");
  await expect(fieldError).toHaveCount(0);

  // the new-question form: the buying role cannot be a 0-10 scale
  const add = page.locator("#add-question");
  await add.getByLabel("Role").selectOption("buying_role");
  await add.getByLabel("Type").selectOption("scale_0_10");
  await expect(add.locator("#new-kind-error")).toContainText("A “Buying role” question must be Single choice");

  // without JavaScript: the server refuses with the same message at the field
  const noJs = await marketerPage(browser, baseURL!, false);
  await noJs.goto(`/surveys/${s.surveyId}/edit`);
  const noJsCard = noJs.locator(`#question-${s.questionIds[1]}`);
  await noJsCard.getByText("Edit question 2").click();
  await noJsCard.getByLabel("Type").selectOption("rating_1_5");
  await noJsCard.getByRole("button", { name: "Save question 2" }).click();
  await expect(noJs.locator(`#q${s.questionIds[1]}-kind-error`)).toContainText("“Rating 1-5” does not fit that role");
  await expect(noJs.locator(".builder-status[role=alert]")).toContainText("Nothing was saved");
  expect(await kindOf()).toBe("long_text");

  // and a crafted post gets a 400 with the message
  const crafted = await noJs.request.post(`/surveys/${s.surveyId}/edit`, {
    form: { intent: "add-question", kind: "scale_0_10", role: "buying_role", prompt: "Who decides?", page: "1" },
    headers: { Origin: baseURL! },
  });
  expect(crafted.status()).toBe(400);
  expect(await crafted.text()).toContain("A “Buying role” question must be Single choice");
  expect(await handle.db.selectFrom("questions").select("id").where("survey_id", "=", s.surveyId).execute()).toHaveLength(3);
});

test("the status line sits in the page flow, not over the form", async ({ asMarketer: page }) => {
  const s = await surveyWithAnswers(`Status ${Date.now()}`);
  await page.goto(`/surveys/${s.surveyId}/edit`);
  await page.getByRole("button", { name: "Save title and introduction" }).click();
  const status = page.getByRole("status");
  await expect(status).toHaveText("Title and introduction saved.");
  expect(await status.evaluate((el) => getComputedStyle(el).position)).toBe("static");
  // scrolled down to the last question, the message is not drawn over it
  const last = page.locator(".question-card").last();
  await last.scrollIntoViewIfNeeded();
  const [a, b] = [await status.boundingBox(), await last.boundingBox()];
  expect(a && b && (a.y + a.height <= b.y || b.y + b.height <= a.y)).toBe(true);
});
