import { connect } from "../../db/client.js";
import { expect, test } from "./fixtures";

/**
 * Issue 17 item 2 in the browser (ADR 0402): a marketer finds a likely duplicate from the prospects
 * list, previews the merge, merges and undoes it. The demo data has no duplicates, so the test makes
 * one: a second demo person is given the first one's company and job title (and is put back after).
 */
const DB_URL = `file:test-results/e2e/painmap-e2e-${Number(process.env.E2E_PORT ?? 3210)}.sqlite`;

test("a marketer previews a likely duplicate, merges it and undoes the merge", async ({ asMarketer: page }) => {
  test.setTimeout(120_000);
  const handle = connect(DB_URL);
  let restore: (() => Promise<void>) | null = null;
  try {
    const [a, b] = await handle.db
      .selectFrom("people")
      .innerJoin("assessments", "assessments.person_id", "people.id")
      .select(["people.id", "people.company_id", "people.job_title"])
      .where("people.company_id", "is not", null)
      .where("people.job_title", "is not", null)
      .where("people.merged_into_id", "is", null)
      .orderBy("people.id")
      .limit(2)
      .execute();
    expect(a && b).toBeTruthy();
    await handle.db.updateTable("people").set({ company_id: a!.company_id, job_title: a!.job_title }).where("id", "=", b!.id).execute();
    restore = async () => {
      await handle.db.updateTable("people").set({ company_id: b!.company_id, job_title: b!.job_title }).where("id", "=", b!.id).execute();
    };
    const pair = page.locator(`[data-pair="${a!.id}-${b!.id}"]`);

    await page.goto("/prospects");
    const link = page.getByTestId("duplicates-link");
    await expect(link).toHaveText(/Likely duplicates \(\d+\)/);
    const shown = Number((await link.textContent())!.match(/\((\d+)\)/)![1]);
    expect(shown).toBeGreaterThanOrEqual(1);
    await link.click();
    await expect(page.getByRole("heading", { name: "Likely duplicates" })).toBeVisible();
    await expect(page.locator("[data-pair]")).toHaveCount(shown);
    await expect(pair).toContainText("same company and same job title");

    await pair.getByRole("link", { name: "Preview merge" }).click();
    const preview = page.getByTestId("merge-preview");
    await expect(preview).toBeVisible();
    const responses = await handle.db
      .selectFrom("responses")
      .select(["id", "person_id"])
      .where("person_id", "in", [a!.id, b!.id])
      .execute();
    await expect(page.getByTestId("merge-after")).toContainText(`${responses.length} responses`);
    await expect(page.getByTestId("merge-after")).toContainText("nothing is lost");
    // the preview fits a phone too (the 390 px walk sees this page only without pairs)
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 900 });

    // the merge needs the confirmation tick
    await preview.getByRole("button", { name: "Merge" }).click();
    await expect(page.getByText("Tick the box to confirm they are the same person.")).toBeVisible();
    await preview.getByLabel("I checked: these are the same person").check();
    await preview.getByRole("button", { name: "Merge" }).click();
    await expect(page.getByRole("status")).toContainText("Merged");
    await expect(pair).toHaveCount(0);
    const history = page.getByTestId("merge-history").locator("li").first();
    await expect(history).toContainText(`moved ${responses.filter((r) => r.person_id === b!.id).length} responses`);
    await expect
      .poll(async () => (await handle.db.selectFrom("responses").select("id").where("person_id", "=", a!.id).execute()).length)
      .toBe(responses.length);
    // the merged person's old link leads to the kept person
    await page.goto(`/prospects/${b!.id}`);
    await expect(page).toHaveURL(new RegExp(`/prospects/${a!.id}$`));

    await page.goto("/prospects/duplicates");
    await page.getByTestId("merge-history").locator("li").first().getByRole("button", { name: "Undo this merge" }).click();
    await expect(page.getByRole("status")).toContainText("Merge undone");
    await expect(pair).toBeVisible();
    await expect(page.getByTestId("merge-history").locator("li").first()).toContainText("Undone by");
    expect((await page.goto(`/prospects/${b!.id}`))?.status()).toBe(200);
  } finally {
    await restore?.();
    await handle.close();
  }
});
