import { expect, test } from "./fixtures";

test.describe("value-proposition board", () => {
  test("a marketer runs an analysis and watches it finish, edits a value proposition; sales adds a note; the marketer sees it flagged", async ({
    asMarketer,
    asSales,
  }) => {
    const m = asMarketer;
    await m.goto("/board");
    await expect(m.getByRole("heading", { name: "Value-proposition board", level: 1 })).toBeVisible();
    // The demo loader ran a first analysis: the board is not empty.
    const cards = m.getByRole("list", { name: "Pain themes by impact" }).getByRole("article");
    await expect(cards.first()).toBeVisible();

    await m.getByLabel("Analyse").selectOption("all");
    await m.getByRole("button", { name: "Run analysis" }).click();
    const bar = m.getByRole("progressbar", { name: "Analysis progress" });
    await expect(bar).toBeVisible();
    await expect(m.getByRole("heading", { name: /Analysis run #\d+: finished/ })).toBeVisible({ timeout: 45_000 });
    await expect(bar).toHaveAttribute("aria-valuenow", "100");
    await expect(cards.first()).toBeVisible();
    expect(await cards.count()).toBeGreaterThanOrEqual(3);

    // Open the top theme and write a new version of its value proposition.
    const firstTitle = cards.first().getByRole("heading", { level: 2 }).getByRole("link");
    const themeName = (await firstTitle.textContent())!.trim();
    await firstTitle.click();
    await expect(m.getByRole("heading", { name: themeName, level: 1 })).toBeVisible();
    const statement = `We stop ${themeName.toLowerCase()} from costing you a week of work (${Date.now()})`;
    await m.getByLabel(/value proposition|New version/).fill(statement);
    await m.getByRole("button", { name: "Save value proposition" }).click();
    await expect(m.getByRole("status")).toContainText(/Saved as version \d+/);
    await expect(m.locator(".vp-current")).toHaveText(statement);
    const themeUrl = m.url();

    // Sales sees the same board and theme, cannot edit the value proposition, adds a field note.
    const s = asSales;
    await s.goto(themeUrl);
    await expect(s.getByRole("heading", { name: themeName, level: 1 })).toBeVisible();
    await expect(s.locator(".vp-current")).toHaveText(statement);
    await expect(s.getByRole("button", { name: "Save value proposition" })).toHaveCount(0);
    const forbidden = await s.request.post(themeUrl, {
      form: { intent: "vp", basedOn: "0", statement: "Sales should not write this" },
      headers: { Origin: new URL(themeUrl).origin },
    });
    expect(forbidden.status()).toBe(403);
    const note = `Customer said the audit trail mattered most ${Date.now()}`;
    await s.getByLabel("What did the customer say mattered?").fill(note);
    await s.getByLabel("Outcome").selectOption("won");
    await s.getByRole("button", { name: "Add note" }).click();
    await expect(s.getByRole("status")).toContainText("Note added");

    // The marketer sees the note flagged on the board and on the theme page. Loading the theme page
    // without running it (a prefetch, a crawler: a bare GET) is no write and leaves the note unread.
    expect((await m.request.get(s.url())).status()).toBe(200);
    await m.goto("/board");
    const card = cards.filter({ has: m.getByRole("link", { name: themeName, exact: true }) });
    await expect(card.getByText(/1 new note/)).toBeVisible();
    await card.getByRole("link", { name: themeName, exact: true }).click();
    const flagged = m.locator(".note--new", { hasText: note });
    await expect(flagged).toBeVisible();
    await expect(flagged.getByText("New")).toBeVisible();
    // The page's own POST (not its loader) marks the note read, so the board stops flagging it.
    await expect
      .poll(async () => {
        await m.goto("/board");
        return cards
          .filter({ has: m.getByRole("link", { name: themeName, exact: true }) })
          .getByText(/new note/)
          .count();
      })
      .toBe(0);
  });

  test("bad edits answer with a message, never a 500", async ({ asMarketer }) => {
    const m = asMarketer;
    await m.goto("/board");
    const link = m
      .getByRole("list", { name: "Pain themes by impact" })
      .getByRole("article")
      .first()
      .getByRole("heading", { level: 2 })
      .getByRole("link");
    await link.click();
    await m.waitForURL(/\/board\/\d+$/);
    const url = m.url();
    const origin = new URL(url).origin;
    const themeId = url.split("/").pop()!;
    const empty = await m.request.post(url, { form: { intent: "rename", version: "1", label: "" }, headers: { Origin: origin } });
    expect(empty.status()).toBe(400);
    const self = await m.request.post(url, { form: { intent: "merge", version: "999", targetId: themeId }, headers: { Origin: origin } });
    expect([400, 409]).toContain(self.status());
    const noAnswers = await m.request.post(url, { form: { intent: "split", version: "1", label: "Nothing" }, headers: { Origin: origin } });
    expect(noAnswers.status()).toBe(400);
    expect(await noAnswers.text()).toContain("Choose at least one answer");
    const stale = await m.request.post(url, {
      form: { intent: "rename", version: "0", label: "Stale rename" },
      headers: { Origin: origin },
    });
    expect(stale.status()).toBe(409);
    expect(await stale.text()).toContain("reload");
  });
});
