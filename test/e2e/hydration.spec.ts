import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";

/**
 * The pages with server-rendered charts (recharts) hydrate without a mismatch: no React error
 * #418/#425 ("Hydration failed", "Text content does not match"), no other console error or page
 * error. A mismatch makes React throw the server's HTML away and render the page again on the
 * client, which closes a <details> opened before it and flashes the page.
 *
 * The browser runs in another time zone and locale than the server (UTC, en-GB dates), so a date
 * or number formatted with the runtime's defaults would differ between the two renders.
 */
test.use({ timezoneId: "Pacific/Auckland", locale: "de-DE" });

/** Collects console errors and page errors from before the first navigation. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/**
 * Opens a page and waits until React has hydrated it: React marks every DOM node it owns with a
 * `__reactFiber$…` key, so the last element of <main> carrying one means hydration reached the end.
 */
async function open(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await page.waitForFunction(
    () => {
      const nodes = document.querySelectorAll("main *");
      const last = nodes[nodes.length - 1] ?? document.body;
      return Object.keys(last).some((key) => key.startsWith("__reactFiber$"));
    },
    null,
    { timeout: 30_000 },
  );
}

test("the report, its share link, the board and the trigger view hydrate without errors", async ({
  asMarketer: page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000); // the report computes the whole study on a shared machine
  const errors = watchErrors(page);

  await page.goto("/reports");
  await page.getByRole("link", { name: "Market validation study" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /validation study report/ })).toBeVisible();
  const reportUrl = new URL(page.url()).pathname;
  await open(page, reportUrl);
  await expect(page.locator(".report-chart svg.recharts-surface").first()).toBeVisible();

  // A share link: the share table (dates, states) is on the report now, and the link opens logged out.
  await page.getByText("Share a read-only copy").click();
  await page.getByLabel("Link works for (days)").fill("3");
  await page.getByRole("button", { name: "Create share link" }).click();
  const link = await page.getByLabel("Share link", { exact: true }).inputValue();
  await open(page, reportUrl);
  // The <details> opened by hand stays open: no client re-render replaced it.
  await page.getByText("Share a read-only copy").click();
  await page.waitForTimeout(500);
  await expect(page.locator("details.report-share")).toHaveJSProperty("open", true);

  const visitor = await (await browser.newContext({ baseURL, timezoneId: "Pacific/Auckland", locale: "de-DE" })).newPage();
  const visitorErrors = watchErrors(visitor);
  await open(visitor, new URL(link).pathname);
  await expect(visitor.locator(".report-chart svg.recharts-surface").first()).toBeVisible();
  await visitor.context().close();

  for (const url of ["/board", "/board/triggers", "/plan"]) await open(page, url);

  expect([...errors, ...visitorErrors]).toEqual([]);
});
