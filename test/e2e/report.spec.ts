import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, test } from "./fixtures.js";
import type { Page } from "@playwright/test";

/**
 * Issue 16 end to end: a marketer opens the demo study's report, changes the verdict rule and sees
 * the verdict follow it, prints it (Chromium's print to PDF, read back with pdf.js for its pages
 * and headings), shares it, and the link opens logged out until an admin revokes it.
 */

async function openDemoReport(page: Page) {
  await page.goto("/reports");
  await page.getByRole("link", { name: "Market validation study" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /validation study report/ })).toBeVisible();
}

/** Opens the rule form's <details> (it stays open across a save, so a click would close it). */
async function openRuleForm(page: Page) {
  const details = page.locator("details.report-rule");
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await page.getByText(/Change the verdict rule/).click();
}

async function saveRule(page: Page, rule: { threshold: number; pain: number; budget: number; months: number; min: number }) {
  await openRuleForm(page);
  await page.getByLabel("Pain threshold (0–10 scale)").fill(String(rule.threshold));
  await page.getByLabel("Share in pain needed (%)").fill(String(rule.pain));
  await page.getByLabel("Share with budget and a decision needed (%)").fill(String(rule.budget));
  await page.getByLabel("Decision within (months)").selectOption(String(rule.months));
  await page.getByLabel("Fewest respondents to decide").fill(String(rule.min));
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status")).toContainText(/Saved the rule as version (\d+)/);
}

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const text: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.destroy();
  return { pages: doc.numPages, text };
}

test("a marketer changes the verdict rule and the verdict follows it", async ({ asMarketer: page }) => {
  await openDemoReport(page);
  const verdict = page.getByRole("heading", { level: 2, name: /^Verdict:/ });
  await expect(verdict).toBeVisible();
  // Every figure meets a 0% bar: go, whatever the answers.
  await saveRule(page, { threshold: 1, pain: 0, budget: 0, months: 12, min: 1 });
  await expect(verdict).toHaveText("Verdict: Go");
  // 90% at 10 and 90% with budget inside 3 months: the demo answers are far from that.
  await saveRule(page, { threshold: 10, pain: 90, budget: 90, months: 3, min: 1 });
  await expect(verdict).toHaveText("Verdict: No-go");
  await expect(page.getByText(/would (turn the verdict to|meet the)/).first()).toBeVisible();
  await expect(page.getByText(/Rule version \d+: Go when at least 90% rate the pain 10 or more/)).toBeVisible();
  // Bad input: a message per field, nothing saved.
  await openRuleForm(page);
  await page.getByLabel("Share in pain needed (%)").evaluate((el: HTMLInputElement) => el.removeAttribute("max"));
  await page.getByLabel("Share in pain needed (%)").fill("150");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("Share in pain: enter a number from 0 to 100.").first()).toBeVisible();
  // Back to the example rule for whoever reads the report next.
  await saveRule(page, { threshold: 7, pain: 30, budget: 20, months: 12, min: 10 });
});

test("the report prints as a clean PDF with its sections", async ({ asMarketer: page }) => {
  // The charts render on the server and hydrate without a mismatch (recharts ids are fixed).
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await openDemoReport(page);
  await expect(page.locator(".report-chart svg.recharts-surface").first()).toBeVisible();
  expect(await page.locator(".report-chart svg.recharts-surface").count()).toBeGreaterThanOrEqual(4);
  for (const size of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format: size, printBackground: false });
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(12);
    const all = text.join("\n");
    for (const heading of [
      "validation study report",
      "Verdict:",
      "Who answered",
      "How much pain",
      "Top pain themes",
      "Buying triggers",
      "Budget and decision timeline",
      "Project leader and sponsor",
      "Category appeal",
      "What would make them buy from an early-stage company",
      "Ready to buy now",
    ])
      expect(all).toContain(heading);
    // The controls are for the screen only.
    expect(all).not.toContain("Log out");
    expect(all).not.toContain("Save as a new version");
    expect(text[0]).toContain("validation study report");
    test.info().annotations.push({ type: `pdf pages (${size})`, description: String(pages) });
  }
  expect(errors).toEqual([]);
});

test("a share link opens the report logged out, without quotes, until an admin revokes it", async ({
  asMarketer: page,
  asAdmin,
  browser,
}) => {
  await openDemoReport(page);
  await page.getByText("Share a read-only copy").click();
  await page.getByLabel("Link works for (days)").fill("7");
  await page.getByRole("button", { name: "Create share link" }).click();
  const link = await page.getByLabel("Share link", { exact: true }).inputValue();
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{40,}$/);

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  const response = await visitor.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(visitor.getByRole("heading", { level: 1, name: /validation study report/ })).toBeVisible();
  await expect(visitor.getByRole("heading", { level: 2, name: /^Verdict:/ })).toBeVisible();
  await expect(visitor.getByText("Quotes are left out of shared copies.")).toBeVisible();
  await expect(visitor.locator("blockquote")).toHaveCount(0);
  await expect(visitor.getByRole("button", { name: "Log out" })).toHaveCount(0);
  await expect(visitor.getByText(/@/)).toHaveCount(0);

  await openDemoReport(asAdmin);
  await asAdmin.getByText("Share a read-only copy").click();
  await asAdmin.getByRole("button", { name: "Revoke" }).first().click();
  await expect(asAdmin.getByRole("status")).toContainText("Link revoked");
  const after = await visitor.goto(link);
  expect(after?.status()).toBe(404);
  await anonymous.close();
});

test("a segment under five respondents hides its figures; a survey without the roles says what to add", async ({ asMarketer: page }) => {
  await openDemoReport(page);
  const url = new URL(page.url());
  await page.goto(`${url.pathname}?segment=${encodeURIComponent("industry:Other: Mining")}`);
  await expect(page.getByRole("heading", { name: "Too few to show" })).toBeVisible();
  await page.goto("/reports");
  await page.getByRole("link", { name: "Customer onboarding pain check" }).click();
  await expect(page.getByText("Not asked in this survey").first()).toBeVisible();
  await expect(page.getByText("Is there budget to solve this?")).toBeVisible();
});
