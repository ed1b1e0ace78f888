import type { Browser, Page } from "@playwright/test";
import { parseCsv } from "../../analysis/csv";
import { expect, test } from "./fixtures";

/**
 * The story end to end: a marketer creates a study from the template and publishes it;
 * prospects answer it on a phone with JavaScript off and on, one stops halfway and resumes from the
 * resume link; the marketer sees the responses in the survey's table and exports them.
 */

const PHONE = { width: 375, height: 740 };

async function prospect(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled, isMobile: true, hasTouch: true });
  return context.newPage();
}

const group = (page: Page, prompt: RegExp) => page.getByRole("group", { name: prompt });

async function expectPage(page: Page, n: number) {
  await expect(page.getByText(`Page ${n} of 6`)).toBeVisible();
}

async function answerPage(page: Page, n: number, story: string, severity: string) {
  await expectPage(page, n);
  switch (n) {
    case 1:
      await group(page, /role in buying decisions/)
        .getByLabel("Decision maker", { exact: true })
        .check();
      await group(page, /Which industry/)
        .getByLabel("Healthcare", { exact: true })
        .check();
      await group(page, /Where is your organisation/)
        .getByLabel("Europe", { exact: true })
        .check();
      await group(page, /How many sites/)
        .getByLabel("6-20", { exact: true })
        .check();
      break;
    case 2:
      await page.getByLabel(/Tell us about the last time/).fill(story);
      await group(page, /How much pain are you in/)
        .getByLabel(severity, { exact: true })
        .check();
      break;
    case 3:
      await group(page, /Which of these happened/)
        .getByLabel("Outage", { exact: true })
        .check();
      break;
    case 4:
      await group(page, /Is there budget/)
        .getByLabel("Allocated", { exact: true })
        .check();
      await group(page, /When do you expect to make a decision/)
        .getByLabel("3-6 months", { exact: true })
        .check();
      break;
    case 5:
      break;
    case 6:
      await page.getByLabel(/Send me the study summary/).check();
      await page.getByLabel(/sales team may contact me/).check();
      await page.getByLabel("Work email (optional)").fill(`clinic-${severity}@clinic.example`);
      await page.getByLabel(/Company/).fill(`Clinic of ${story.slice(0, 12)}`);
      break;
  }
  // The page must fit a phone: no sideways scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: n === 6 ? "Submit answers" : "Next" }).click();
}

test("create from template, publish, answer on a phone with JavaScript off and on, resume, see and export the responses", async ({
  asMarketer: marketer,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const title = `Flow study ${stamp}`;

  // Marketer: new study from the template, then publish.
  await marketer.goto("/surveys/new");
  await marketer.locator("#tpl-title").fill(title);
  await marketer.getByRole("button", { name: "Create from template" }).click();
  await expect(marketer).toHaveURL(/\/surveys\/\d+\/edit/);
  const surveyId = /\/surveys\/(\d+)\//.exec(marketer.url())![1];
  await marketer.getByRole("button", { name: "Publish" }).click();
  const link = marketer.getByLabel("Public survey link");
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]+$/);
  const publicPath = new URL(await link.inputValue()).pathname;

  const stories = {
    noJs: `No-JS story ${stamp}: the EHR went down during a night shift and we lost a day of appointments.`,
    js: `JS story ${stamp}: ransomware hit a partner clinic, and our insurer now wants an audit.`,
    resumed: `Resumed story ${stamp}: our backups were never tested, and a restore failed.`,
  };

  // Prospect 1: JavaScript off, phone viewport.
  const noJs = await prospect(browser, false);
  await noJs.goto(publicPath);
  await expect(noJs.getByRole("heading", { name: title })).toBeVisible();
  for (let n = 1; n <= 6; n++) await answerPage(noJs, n, stories.noJs, "8");
  await expect(noJs.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await noJs.context().close();

  // Prospect 2: JavaScript on, phone viewport.
  const js = await prospect(browser, true);
  await js.goto(publicPath);
  for (let n = 1; n <= 6; n++) await answerPage(js, n, stories.js, "6");
  await expect(js.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await js.context().close();

  // Prospect 3: stops after page 2, comes back later from the resume link in another browser.
  const first = await prospect(browser, true);
  await first.goto(publicPath);
  await answerPage(first, 1, stories.resumed, "9");
  await answerPage(first, 2, stories.resumed, "9");
  await expectPage(first, 3);
  const resumeUrl = await first.getByTestId("resume-link").getAttribute("href");
  expect(resumeUrl).toContain(`${publicPath}?r=`);
  await first.context().close();

  // Meanwhile the marketer sees two complete responses and one partial, stopped on page 3.
  await marketer.goto(`/surveys/${surveyId}/responses`);
  await expect(marketer.locator("#responses-count")).toHaveText("3 matching responses");
  await marketer.goto(`/surveys/${surveyId}/responses?status=partial`);
  await expect(marketer.locator("#responses-count")).toHaveText("1 matching response");
  await marketer.locator("table.responses-table tbody tr").first().getByRole("link").first().click();
  await expect(marketer.getByText("stopped on page 3 of 6")).toBeVisible();
  await expect(marketer.locator("blockquote.quote").first()).toHaveText(stories.resumed);

  const later = await prospect(browser, false);
  await later.goto(new URL(resumeUrl!).pathname + new URL(resumeUrl!).search);
  for (let n = 3; n <= 6; n++) await answerPage(later, n, stories.resumed, "9");
  await expect(later.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await later.context().close();

  // The survey's table: all three complete, with their stories.
  await marketer.goto(`/surveys/${surveyId}/responses`);
  await expect(marketer.locator("#responses-count")).toHaveText("3 matching responses");
  const rows = marketer.locator("table.responses-table tbody tr");
  await expect(rows).toHaveCount(3);
  for (const badge of await rows.locator("td:nth-child(3) .badge").allTextContents()) expect(badge).toBe("complete");
  for (const story of Object.values(stories)) await expect(marketer.getByText(story.slice(0, 60))).toBeVisible();

  // Export CSV: one row per response, a column per question, the answers as given.
  const href = await marketer.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await marketer.request.get(href!);
  expect(csv.status()).toBe(200);
  const table = parseCsv((await csv.body()).toString("utf8"));
  expect(table.rows).toHaveLength(3);
  const col = (prefix: string) => {
    const index = table.header.findIndex((h) => h.startsWith(prefix));
    expect(index, prefix).toBeGreaterThanOrEqual(0);
    return index;
  };
  const byStory = new Map(table.rows.map((r) => [r[col("Tell us about the last time")], r]));
  expect([...byStory.keys()].sort()).toEqual(Object.values(stories).sort());
  expect(byStory.get(stories.noJs)![col("How much pain are you in")]).toBe("8");
  expect(byStory.get(stories.js)![col("How much pain are you in")]).toBe("6");
  expect(byStory.get(stories.resumed)![col("How much pain are you in")]).toBe("9");
  for (const row of table.rows) {
    expect(row[table.header.indexOf("status")]).toBe("complete");
    expect(row[table.header.indexOf("survey_id")]).toBe(surveyId);
    expect(row[col("Which industry")]).toBe("Healthcare");
    expect(row[col("Which of these happened")]).toBe("Outage");
    expect(row[col("Is there budget")]).toBe("Allocated");
    expect(row[col("Send me the study summary")]).toBe("yes");
    expect(row[table.header.indexOf("company")]).toMatch(/^Clinic of /);
  }
});
