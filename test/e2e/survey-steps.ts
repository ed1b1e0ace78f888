import { expect, type Page } from "@playwright/test";

/**
 * Steps of the template survey as a prospect takes them, shared by the specs that answer it.
 * Labels are matched exactly ("1" must not match "10-20", "Retail" not "Retail banking").
 */

export interface AboutYou {
  role: string;
  industry: string;
  region: string;
  sites: string;
}

/** Ticks the four "about you" choices of the template's first page (does not go on). */
export async function fillAboutYou(page: Page, a: AboutYou) {
  const pick = (group: RegExp, label: string) => page.getByRole("group", { name: group }).getByLabel(label, { exact: true }).check();
  await pick(/role in buying decisions/, a.role);
  await pick(/industry/, a.industry);
  await pick(/mainly based/, a.region);
  await pick(/sites or locations/, a.sites);
}

/** "Next" (or "Submit answers" on the last page), then waits for the next page's progress line. */
export async function nextPage(page: Page, pageNumber: number, total = 6) {
  await page.getByRole("button", { name: pageNumber === total ? "Submit answers" : "Next" }).click();
  if (pageNumber < total) await expect(page.getByText(`Page ${pageNumber + 1} of ${total}`)).toBeVisible();
}
