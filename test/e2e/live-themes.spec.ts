import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { addResponse } from "../integration/board-fixtures.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { fillAboutYou, nextPage } from "./survey-steps";

/**
 * Issue 10: a response answered on the public survey joins its theme on the board at once,
 * without an analysis run. The survey, its earlier responses and its one run are written straight
 * into the server's database (playwright.config.ts); the new response goes through the real form.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;

let handle: DatabaseHandle;
test.beforeAll(() => {
  handle = connect(`file:${DB_FILE}`);
});
test.afterAll(async () => handle?.close());

/** The whole template, as a prospect on a phone fills it in. */
async function answer(page: Page, story: string) {
  await expect(page.getByText("Page 1 of 6")).toBeVisible();
  await fillAboutYou(page, { role: "Decision maker", industry: "Retail", region: "Europe", sites: "2-5" });
  await nextPage(page, 1);
  await page.getByLabel(/last time/).fill(story);
  await page
    .getByRole("group", { name: /How much pain/ })
    .getByLabel("8", { exact: true })
    .check();
  await nextPage(page, 2);
  await page
    .getByRole("group", { name: /Which of these happened/ })
    .getByLabel("Security breach")
    .check();
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
  await nextPage(page, 6);
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
}

test("a new response answered on the public survey shows up in its theme on the board without a run", async ({ asMarketer, browser }) => {
  const slug = crypto.randomBytes(18).toString("base64url");
  const surveyId = await createSurvey(
    handle.db,
    { slug, title: `Live themes ${slug.slice(0, 6)}`, intro: "", template: "market_validation", status: "open", createdBy: null },
    marketValidationQuestions(DEFAULT_TEMPLATE_VARS),
  );
  const questions = await handle.db.selectFrom("questions").select(["id", "role", "kind"]).where("survey_id", "=", surveyId).execute();
  const questionIds: Record<string, number> = {};
  for (const q of questions) {
    const key = q.role === "trigger_events" ? `trigger_events_${q.kind}` : (q.role ?? "");
    if (key && !(key in questionIds)) questionIds[key] = q.id;
  }
  for (const topic of ["phishing", "outage", "audit"])
    for (let i = 0; i < 8; i++) await addResponse(handle.db, { surveyId, questionIds }, { topic, index: i });
  // The run goes through the server, as a marketer starts it.
  const m = asMarketer;
  await m.goto(`/board?scope=${surveyId}`);
  await m.getByLabel("Analyse").selectOption(String(surveyId));
  await m.getByRole("button", { name: "Run analysis" }).click();
  const runStatus = async () =>
    (await handle.db.selectFrom("analysis_runs").select(["status", "error"]).where("survey_id", "=", surveyId).executeTakeFirst()) ?? null;
  await expect.poll(async () => (await runStatus())?.status, { timeout: 45_000 }).toMatch(/done|failed/);
  expect(await runStatus()).toEqual({ status: "done", error: null });
  // Automatic k decides how the stories group: every card's count is read, then the card of the
  // theme the new answer joined must show one more and the others the same.
  const counts = async () => {
    const out = new Map<string, number>();
    for (const article of await m.locator("article.theme-card").all()) {
      const href = await article.getByRole("heading", { level: 2 }).getByRole("link").getAttribute("href");
      out.set(href!, Number((await article.locator("dd").first().textContent())?.match(/^\d+/)?.[0]));
    }
    return out;
  };
  await m.goto(`/board?scope=${surveyId}`);
  await expect(m.getByText(/· 24 respondents/)).toBeVisible();
  const before = await counts();
  expect([...before.values()].reduce((a, b) => a + b, 0)).toBe(24);
  // The summary is shown under each theme's name.
  await expect(m.locator(".theme-card__summary").first()).not.toBeEmpty();

  const story = `A phishing email fooled our finance clerk and phishing attacks steal staff passwords (${slug.slice(0, 5)}).`;
  const prospect = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await prospect.newPage();
  await page.goto(`/s/${slug}`);
  await answer(page, story);
  await prospect.close();

  // Without a run: the answer joins a theme of this survey (moments after the thank-you page).
  const joinedTheme = async () =>
    (
      await handle.db
        .selectFrom("theme_members as tm")
        .innerJoin("themes as t", "t.id", "tm.theme_id")
        .innerJoin("answers as a", "a.id", "tm.answer_id")
        .select("t.id")
        .where("t.survey_id", "=", surveyId)
        .where("a.value_text", "=", story)
        .executeTakeFirst()
    )?.id ?? null;
  await expect.poll(joinedTheme).not.toBeNull();
  const href = `/board/${await joinedTheme()}`;
  // A theme on the board, holding the earlier phishing stories it resembles.
  expect(before.has(href)).toBe(true);
  const neighbours = await handle.db
    .selectFrom("theme_members as tm")
    .innerJoin("answers as a", "a.id", "tm.answer_id")
    .select("a.value_text")
    .where("tm.theme_id", "=", Number(href.split("/").pop()))
    .where("a.value_text", "<>", story)
    .execute();
  expect(neighbours.length).toBeGreaterThan(0);
  expect(neighbours.every((n) => /phishing|credential/i.test(n.value_text ?? ""))).toBe(true);
  await m.goto(`/board?scope=${surveyId}`);
  await expect(m.getByText(/· 25 respondents/)).toBeVisible();
  const after = await counts();
  expect(after.get(href)).toBe(before.get(href)! + 1);
  for (const [other, n] of before) if (other !== href) expect(after.get(other)).toBe(n);
  const runs = await handle.db.selectFrom("analysis_runs").select("id").where("survey_id", "=", surveyId).execute();
  expect(runs).toHaveLength(1);
  // The theme page lists it among what respondents wrote.
  await m.locator(`article.theme-card a[href="${href}"]`).first().click();
  await expect(m.getByRole("cell", { name: story })).toBeVisible();
});
