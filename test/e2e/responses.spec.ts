import { parseCsv } from "../../analysis/csv";
import { DEMO, expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

/** The demo survey's id, from the survey filter's options. */
async function demoSurveyId(page: Page): Promise<string> {
  await page.goto("/responses");
  const option = page.locator("#filter-survey option", { hasText: "Market validation study" }).first();
  const value = await option.getAttribute("value");
  expect(value).toMatch(/^\d+$/);
  return value!;
}

function countOf(text: string | null): number {
  const match = /^(\d+) matching/.exec(text ?? "");
  return match ? Number(match[1]) : 0;
}

test("only marketing roles see responses: anonymous goes to login, sales gets 403", async ({ page }) => {
  await page.goto("/responses/1");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fresponses%2F1/);
  await page.goto("/login?redirectTo=%2Fresponses");
  await page.getByLabel("Email").fill(DEMO.sales.email);
  await page.getByLabel("Password").fill(DEMO.sales.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  for (const path of ["/responses", "/responses/1", "/responses/export?format=csv", "/surveys/1/responses", "/surveys/1/import"]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
});

test("the table shows the demo responses, paginated, with filters by source and status", async ({ asMarketer: page }) => {
  const surveyId = await demoSurveyId(page);
  await page.getByLabel("Survey").selectOption(surveyId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`survey=${surveyId}`));
  const status = page.locator("#responses-count");
  await expect(status).toContainText("80 matching responses");
  const rows = page.locator("table.responses-table tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole("columnheader", { name: "Pain story" })).toBeVisible();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(rows).toHaveCount(30);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();

  await page.getByLabel("Source").selectOption("marketing");
  await page.getByLabel("Status").selectOption("complete");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/source=marketing/);
  await expect(page).not.toHaveURL(/page=2/);
  const filtered = countOf(await status.textContent());
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(80);
  await expect(rows).toHaveCount(Math.min(filtered, 50));
  for (const cell of await rows.locator("td:nth-child(5)").allTextContents()) expect(cell).toBe("marketing");
  for (const badge of await rows.locator("td:nth-child(3) .badge").allTextContents()) expect(badge).toBe("complete");

  await page.getByLabel("Status").selectOption("partial");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=partial/);
  for (const badge of await rows.locator("td:nth-child(3) .badge").allTextContents()) expect(badge).toBe("partial");

  // A date range that excludes everything gives the empty state, not an error.
  await page.goto(`/responses?survey=${surveyId}&from=2001-01-01&to=2001-01-31`);
  await expect(status).toHaveText("No matching responses");
  await expect(page.getByText("No responses match these filters.")).toBeVisible();
});

test("bad filter values are ignored with a message, never a server error", async ({ asMarketer: page }) => {
  const response = await page.goto("/responses?status=bogus&source=tv&from=2026-02-31&page=-3&survey=abc");
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText('Status "bogus" was ignored');
  await expect(alert).toContainText('Source "tv" was ignored');
  await expect(alert).toContainText("That is not a real date.");
  await expect(page.locator("#responses-count")).toContainText("matching responses");
  expect((await page.request.get("/responses/export?format=xml")).status()).toBe(400);
  expect((await page.request.get("/responses/export?format=csv&status=bogus")).status()).toBe(400);
  expect((await page.request.get("/responses/abc")).status()).toBe(404);
  expect((await page.request.get("/responses/99999999")).status()).toBe(404);
});

test("one response in full: answers, metadata and consents", async ({ asMarketer: page }) => {
  const surveyId = await demoSurveyId(page);
  await page.goto(`/surveys/${surveyId}/responses?status=complete`);
  await expect(page.getByRole("heading", { name: "Responses: Market validation study" })).toBeVisible();
  const story = (await page.locator("table.responses-table tbody tr").first().locator("td").last().textContent())!.replace("…", "").trim();
  await page.locator("table.responses-table tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /Response #\d+/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Answers" })).toBeVisible();
  await expect(page.getByText("Which best describes your role in buying decisions?")).toBeVisible();
  await expect(page.getByText("Is there budget to solve this?")).toBeVisible();
  await expect(page.locator("blockquote.quote").first()).toContainText(story.slice(0, 40));
  await expect(page.getByRole("heading", { name: "Consents" })).toBeVisible();
  await expect(page.locator(".response-dl").first()).toContainText("Source");
});

test("export CSV and JSON of the filtered set", async ({ asMarketer: page }) => {
  const surveyId = await demoSurveyId(page);
  await page.goto(`/surveys/${surveyId}/responses?status=complete`);
  const expected = countOf(await page.locator("#responses-count").textContent());
  expect(expected).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^painmap-responses-survey-${surveyId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));

  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="painmap-responses-survey-\d+-[\d-]+\.csv"/);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const table = parseCsv(bytes.toString("utf8"));
  expect(table.header.slice(0, 4)).toEqual(["response_id", "survey_id", "survey", "status"]);
  expect(table.header).toContain("Which best describes your role in buying decisions?");
  expect(table.header).toContain("Is there budget to solve this?");
  expect(table.rows).toHaveLength(expected);
  const statusColumn = table.header.indexOf("status");
  expect(new Set(table.rows.map((r) => r[statusColumn]))).toEqual(new Set(["complete"]));
  expect(new Set(table.rows.map((r) => r[1]))).toEqual(new Set([surveyId]));

  const json = await page.request.get(href!.replace("format=csv", "format=json"));
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const body = (await json.json()) as { count: number; columns: string[]; rows: Array<Record<string, unknown>> };
  expect(body.count).toBe(expected);
  expect(body.rows).toHaveLength(expected);
  expect(body.columns).toEqual(table.header);
  expect(body.rows[0].status).toBe("complete");
});

test("import a CSV: map columns, preview shows the bad row, only good rows are written", async ({ asMarketer: page }) => {
  const title = `Import test ${Date.now()}`;
  await page.goto("/surveys/new");
  await page.locator("#tpl-title").fill(title);
  await page.getByRole("button", { name: "Create from template" }).click();
  await expect(page).toHaveURL(/\/surveys\/\d+\/edit/);
  const surveyId = /\/surveys\/(\d+)\//.exec(page.url())![1];

  await page.goto(`/surveys/${surveyId}/responses`);
  await expect(page.getByText("No responses yet.")).toBeVisible();
  await page.getByRole("link", { name: "Import from CSV" }).click();
  await expect(page.getByRole("heading", { name: `Import responses: ${title}` })).toBeVisible();

  // Malformed CSV: a 400 with the parser's message, nothing else happens.
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from('pain_story,Budget\n"never closed,1\n') });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "The file is not valid CSV: malformed CSV: quoted field starting on line 2 is never closed",
  );

  const csv = [
    // consent_sales: the one consent that lets staff see an email in the export (issue 17, ADR 0401)
    "pain_story,How much pain are you in around IT security and operations?,Budget,Email,Notes,consent_sales",
    '"Our backups failed twice, and the restore took a week",8,Allocated,imp1@example.com,call back,yes',
    "Night shifts are a mess,11,None,imp2@example.com,,",
    "=Audit prep takes weeks,5,Could be found,,,",
  ].join("\r\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "interviews.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`) });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { name: "Map columns to questions" })).toBeVisible();
  await expect(page.getByText("3 rows in the file.")).toBeVisible();
  // guessed from role names, the exact prompt and "Email"; "Notes" is left alone
  await expect(page.getByLabel("pain_story", { exact: true })).toHaveValue(/^q:\d+$/);
  await expect(page.getByLabel("Budget", { exact: true })).toHaveValue(/^q:\d+$/);
  await expect(page.getByLabel("How much pain are you in around IT security and operations?")).toHaveValue(/^q:\d+$/);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("meta:email");
  await expect(page.getByLabel("Notes")).toHaveValue("ignore");

  // Nothing mapped to a question: a 400 with a message.
  for (const label of ["pain_story", "How much pain are you in around IT security and operations?", "Budget", "consent_sales"])
    await page.getByLabel(label, { exact: true }).selectOption("ignore");
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("alert")).toContainText("Map at least one column to a question");

  const mapTo = async (column: string, question: string) => {
    const select = page.getByLabel(column, { exact: true });
    const value = await select.locator("option", { hasText: question }).first().getAttribute("value");
    await select.selectOption(value!);
  };
  await mapTo("pain_story", "Q5. Tell us about the last time keeping systems secure and available got in your way.");
  await mapTo(
    "How much pain are you in around IT security and operations?",
    "Q7. How much pain are you in around IT security and operations?",
  );
  await mapTo("Budget", "Q11. Is there budget to solve this?");
  await mapTo("consent_sales", "sales team may contact me");
  await page.getByLabel("Source for rows without one").selectOption("sales");
  await page.getByRole("button", { name: "Preview import" }).click();

  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(
    page.getByText("2 valid rows will be imported; 1 row has errors and will be skipped. Nothing has been written yet."),
  ).toBeVisible();
  const preview = page.locator("table.import-preview tbody tr");
  await expect(preview).toHaveCount(3);
  await expect(preview.nth(1)).toContainText("Choose a whole number from 0 to 10.");
  await expect(page.locator(".import-errors")).toContainText("Line 3:");
  // nothing written yet
  const before = await page.request.get(`/responses/export?format=json&survey=${surveyId}`);
  expect(((await before.json()) as { count: number }).count).toBe(0);

  await page.getByRole("button", { name: "Import 2 valid rows" }).click();
  await expect(page.getByText("Imported 2 responses, saved as complete.")).toBeVisible();
  await expect(page.getByText("Line 3:")).toBeVisible();
  await page.getByRole("link", { name: "See the responses" }).click();
  await expect(page.locator("#responses-count")).toHaveText("2 matching responses");
  const rows = page.locator("table.responses-table tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Our backups failed twice, and the restore took a week")).toBeVisible();
  await expect(page.getByText("=Audit prep takes weeks")).toBeVisible();
  await expect(page.getByText("Night shifts are a mess")).toHaveCount(0);
  for (const cell of await rows.locator("td:nth-child(4)").allTextContents()) expect(cell).toBe("sales");
  await expect(rows.first().locator(".badge", { hasText: "imported" })).toBeVisible();

  // The exported CSV neutralises the formula-like story.
  const csvOut = await page.request.get(`/responses/export?format=csv&survey=${surveyId}`);
  const exported = parseCsv((await csvOut.body()).toString("utf8"));
  expect(exported.rows).toHaveLength(2);
  const storyColumn = exported.header.findIndex((h) => h.startsWith("Tell us about the last time"));
  expect(exported.rows.map((r) => r[storyColumn]).sort()).toEqual([
    "'=Audit prep takes weeks",
    "Our backups failed twice, and the restore took a week",
  ]);
  expect(exported.rows.map((r) => r[exported.header.indexOf("email")]).sort()).toEqual(["", "imp1@example.com"]);
});

test("the import works without JavaScript (the CSV travels in a hidden field)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.marketer.email);
  await page.getByLabel("Password").fill(DEMO.marketer.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.goto("/surveys/new");
  await page.locator("#tpl-title").fill(`No-JS import ${Date.now()}`);
  await page.getByRole("button", { name: "Create from template" }).click();
  await expect(page).toHaveURL(/\/surveys\/\d+\/edit/);
  const surveyId = /\/surveys\/(\d+)\//.exec(page.url())![1];
  await page.goto(`/surveys/${surveyId}/import`);
  await page.getByLabel("CSV file").setInputFiles({
    name: "notes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("pain_story,budget\nPatching takes our whole weekend,None\nVendor lock-in,Plenty\n"),
  });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("1 valid row will be imported; 1 row has errors and will be skipped.")).toBeVisible();
  await expect(page.locator(".import-errors")).toContainText('Line 3: "budget": "Plenty" is not one of the options');
  await page.getByRole("button", { name: "Import 1 valid row" }).click();
  await expect(page.getByText("Imported 1 response, saved as complete.")).toBeVisible();
  await page.goto(`/surveys/${surveyId}/responses`);
  await expect(page.locator("#responses-count")).toHaveText("1 matching response");
  await expect(page.getByText("Patching takes our whole weekend")).toBeVisible();
  await context.close();
});
