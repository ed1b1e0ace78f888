import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, test } from "./fixtures";

/** Logs in as sales without assuming which page sales lands on. */
async function salesPage(browser: Browser, baseURL: string | undefined) {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.sales.email);
  await page.getByLabel("Password").fill(DEMO.sales.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** Creates a survey through the UI; returns its id (the page is left on its edit page). */
async function createSurvey(
  page: Page,
  how: { template: { title: string; problem: string; area: string; category: string } } | { blank: string },
) {
  await page.goto("/surveys/new");
  if ("template" in how) {
    await page.locator("#tpl-title").fill(how.template.title);
    await page.getByLabel("[problem]").fill(how.template.problem);
    await page.getByLabel("[area]").fill(how.template.area);
    await page.getByLabel("[category]").fill(how.template.category);
    await page.getByRole("button", { name: "Create from template" }).click();
  } else {
    await page.locator("#blank-title").fill(how.blank);
    await page.getByRole("button", { name: "Create blank survey" }).click();
  }
  await expect(page).toHaveURL(/\/surveys\/\d+\/edit/);
  await expect(page.getByRole("status")).toContainText("Survey created");
  return Number(/\/surveys\/(\d+)\/edit/.exec(page.url())![1]);
}

const prompts = (page: Page) => page.locator(".question-card__prompt").allTextContents();

async function addQuestion(page: Page, prompt: string, options?: string) {
  const form = page.locator("#add-question");
  await form.getByLabel("Type").selectOption(options ? "single_choice" : "short_text");
  await form.locator("textarea[name=prompt]").fill(prompt);
  if (options !== undefined) await form.getByLabel("Options").fill(options);
  await form.getByRole("button", { name: "Add question" }).click();
}

test("a marketer builds a study from the template with their own words, edits it and publishes it", async ({ asMarketer: page }) => {
  test.setTimeout(240_000); // three dozen round trips on a shared machine (it took over 2 minutes there)
  const title = `Payroll study ${Date.now()}`;
  await createSurvey(page, {
    template: { title, problem: "running payroll across countries", area: "payroll compliance", category: "payroll automation" },
  });

  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  const shown = page.locator(".question-card__prompt");
  await expect(shown.filter({ hasText: "Tell us about the last time running payroll across countries got in your way." })).toBeVisible();
  await expect(shown.filter({ hasText: "How much pain are you in around payroll compliance?" })).toBeVisible();
  await expect(shown.filter({ hasText: "How compelling is payroll automation to you?" })).toBeVisible();
  const initial = await prompts(page);
  expect(initial).toHaveLength(23);
  expect(initial.join(" ")).not.toContain("[");

  // a choice question with one option is refused with a message at the field, and nothing is added
  await addQuestion(page, "Which payroll tool do you use?", "Only one");
  await expect(page.locator("#new-options-error")).toContainText("at least 2 options");
  await expect(page.locator(".question-card")).toHaveCount(23);

  await addQuestion(page, "Which payroll tool do you use?", "ADP\nWorkday\nIn-house");
  await expect(page.getByRole("status")).toHaveText("Question added at the end.");
  await expect(page.locator(".question-card__prompt").last()).toHaveText("Which payroll tool do you use?");
  await expect(page.locator(".question-card").last()).toContainText("Workday");

  // reorder: the new question (Q24) moves up one place
  await page.getByRole("button", { name: "Move question 24 up" }).click();
  await expect(page.getByRole("status")).toHaveText("Question moved up.");
  const shownPrompts = page.locator(".question-card__prompt");
  await expect(shownPrompts.nth(22)).toHaveText("Which payroll tool do you use?");
  await expect(shownPrompts.nth(23)).toHaveText(initial[22]!);
  await expect(page.locator(".question-card").nth(22)).toContainText("Q23");

  // edit it: the prompt changes in place
  const card = page.locator(".question-card").nth(22);
  await card.getByText("Edit question 23").click();
  await card.locator("textarea[name=prompt]").fill("Which payroll software do you use today?");
  await card.getByRole("button", { name: "Save question 23" }).click();
  await expect(page.getByRole("status")).toHaveText("Question saved.");
  await expect(page.locator(".question-card__prompt").nth(22)).toHaveText("Which payroll software do you use today?");

  // remove it (after a confirmation step): back to the 23 template questions (issue 17 added "sales may contact me") in their order
  await page.getByRole("link", { name: "Remove question 23" }).click();
  await page.getByRole("button", { name: "Yes, remove question 23" }).click();
  await expect(page.getByRole("status")).toContainText("Question 23 “Which payroll software do you use today?” removed.");
  await expect(shownPrompts).toHaveText(initial);

  // close date and cap
  await page.getByLabel("Close date", { exact: true }).fill("2099-06-30");
  await page.getByLabel("Response cap", { exact: true }).fill("150");
  await page.getByRole("button", { name: "Save close date and cap" }).click();
  await expect(page.getByRole("status")).toHaveText("Close date and response cap saved.");
  await expect(page.getByLabel("Response cap", { exact: true })).toHaveValue("150");

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published");
  const link = page.getByLabel("Public survey link");
  await expect(link).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{24,}$/);
  const publicUrl = await link.inputValue();

  // the list shows it open, with its counts, close date, cap and the copyable link
  await page.getByRole("link", { name: "← All surveys" }).click();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("open");
  await expect(row).toContainText("30 Jun 2099");
  await expect(row).toContainText("150");
  await expect(row.getByRole("textbox")).toHaveValue(publicUrl);
  await expect(row.getByRole("link", { name: `Responses to ${title}` })).toHaveAttribute("href", /\/surveys\/\d+\/responses$/);

  // close and reopen
  await row.getByRole("link", { name: `Edit ${title}` }).click();
  await page.getByRole("link", { name: "Close survey" }).click();
  await page.getByRole("button", { name: "Yes, close the survey" }).click();
  await expect(page.getByRole("status")).toContainText("Closed.");
  await page.getByRole("button", { name: "Reopen survey" }).click();
  await expect(page.getByRole("status")).toContainText("Reopened.");
});

test("a survey with no questions cannot be published, with a clear message", async ({ asMarketer: page }) => {
  await createSurvey(page, { blank: `Empty ${Date.now()}` });
  await expect(page.getByText("No questions yet.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert")).toContainText("cannot be published");
  await expect(page.locator("h1 .badge")).toHaveText("draft");
});

test("the builder works without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.marketer.email);
  await page.getByLabel("Password").fill(DEMO.marketer.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await createSurvey(page, { blank: `No JS ${Date.now()}` });
  await addQuestion(page, "First?");
  await expect(page.getByRole("status")).toHaveText("Question added at the end.");
  await addQuestion(page, "Second?");
  await page.getByRole("button", { name: "Move question 2 up" }).click();
  await expect(page.locator(".question-card__prompt")).toHaveText(["Second?", "First?"]);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByLabel("Public survey link")).toHaveValue(/\/s\//);
  await context.close();
});

test("sales cannot open or post to the builder; junk ids are 404; anonymous visitors log in first", async ({
  asMarketer,
  browser,
  baseURL,
}) => {
  const id = await createSurvey(asMarketer, { blank: `Private ${Date.now()}` });
  const asSales = await salesPage(browser, baseURL);

  const view = await asSales.goto(`/surveys/${id}/edit`);
  expect(view?.status()).toBe(403);
  await expect(asSales.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  const post = await asSales.request.post(`/surveys/${id}/edit`, {
    form: { intent: "details", title: "Hacked", intro: "" },
    headers: { Origin: baseURL! },
  });
  expect(post.status()).toBe(403);
  expect((await asSales.goto("/surveys"))?.status()).toBe(403);
  expect((await asSales.goto("/surveys/new"))?.status()).toBe(403);
  await asMarketer.reload();
  await expect(asMarketer.getByRole("heading", { level: 1 })).not.toContainText("Hacked");

  expect((await asMarketer.goto("/surveys/abc/edit"))?.status()).toBe(404);
  expect((await asMarketer.goto("/surveys/99999999/edit"))?.status()).toBe(404);

  const anonymous = await (await browser.newContext({ baseURL })).newPage();
  await anonymous.goto(`/surveys/${id}/edit`);
  await expect(anonymous).toHaveURL(new RegExp(`/login\\?redirectTo=%2Fsurveys%2F${id}%2Fedit`));
});

test("posting another survey's question id, junk or oversized input gets a 400 message and changes nothing", async ({
  asMarketer: page,
  baseURL,
}) => {
  const other = await createSurvey(page, { blank: `Other ${Date.now()}` });
  await addQuestion(page, "Belongs to the other survey");
  await expect(page.getByRole("status")).toHaveText("Question added at the end.");
  const foreignId = (await page.locator(".question-card").first().getAttribute("id"))!.replace("question-", "");

  const mine = await createSurvey(page, { blank: `Mine ${Date.now()}` });
  await addQuestion(page, "My question");
  await expect(page.getByRole("status")).toHaveText("Question added at the end.");

  const post = (form: Record<string, string>) => page.request.post(`/surveys/${mine}/edit`, { form, headers: { Origin: baseURL! } });
  for (const intent of ["remove-question", "update-question", "move-question"]) {
    const response = await post({
      intent,
      questionId: foreignId,
      direction: "up",
      kind: "short_text",
      prompt: "Hijacked",
      page: "1",
      confirm: "yes",
    });
    expect(response.status(), intent).toBe(400);
    expect(await response.text()).toContain("That question is not part of this survey. Nothing was changed.");
  }
  const unknown = await post({ intent: "remove-question", questionId: "987654321", confirm: "yes" });
  expect(unknown.status()).toBe(400);

  const junk = await post({ intent: "add-question", kind: "essay", prompt: "x".repeat(50_000), page: "zero" });
  expect(junk.status()).toBe(400);
  const junkText = await junk.text();
  expect(junkText).toContain("Choose a question type from the list.");
  expect(junkText).toContain("Keep the question under 1000 characters.");
  expect(junkText).toContain("The page must be a whole number.");
  expect((await post({})).status()).toBe(400);
  expect((await post({ intent: "add-question", kind: "short_text", prompt: "x".repeat(1_100_000), page: "1" })).status()).toBe(413);

  await page.goto(`/surveys/${other}/edit`);
  expect(await prompts(page)).toEqual(["Belongs to the other survey"]);
  await page.goto(`/surveys/${mine}/edit`);
  expect(await prompts(page)).toEqual(["My question"]);
});

test("the builder fits a 375 px phone", async ({ asMarketer: page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await createSurvey(page, { template: { title: `Phone ${Date.now()}`, problem: "p", area: "a", category: "c" } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
