import crypto from "node:crypto";
import { connect } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { parseCsv } from "../../analysis/csv.js";
import { countryOf } from "../../app/prospects/country.js";
import { ACCESS } from "./access-table";
import { DEMO, expect, test } from "./fixtures";

/** Issue 17 in the browser: the order, the counts under each filter, the CRM file, sales' first screen, every page at 390 px. */
const DB_URL = `file:test-results/e2e/painmap-e2e-${Number(process.env.E2E_PORT ?? 3210)}.sqlite`;
const BAND_RANK: Record<string, number> = { ready_now: 0, nurture: 1, not_a_fit: 2 };

async function tableRows(page: import("@playwright/test").Page) {
  return page
    .locator(".prospects-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => ({ band: r.getAttribute("data-band")!, score: Number(r.getAttribute("data-score")) })));
}

test("the band decides and the score orders within it; a gated high score says what holds it", async ({ asSales: page }) => {
  await page.goto("/prospects");
  const rows = await tableRows(page);
  expect(rows.length).toBeGreaterThan(10);
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    expect(BAND_RANK[a.band] <= BAND_RANK[b.band], `row ${i}: ${a.band} before ${b.band}`).toBe(true);
    if (a.band === b.band) expect(a.score, `row ${i} within ${a.band}`).toBeGreaterThanOrEqual(b.score);
  }
  // every non-ready row whose score reaches the ready bar names what holds it back
  const held = page.locator('.prospects-table tbody tr:not([data-band="ready_now"])', { has: page.locator(".held-by") });
  for (const text of await held.locator(".held-by").allTextContents()) expect(text).toMatch(/^, held by: \S/);
});

test("every count counts what the filters show", async ({ asSales: page }) => {
  for (const query of ["", "?band=ready_now", "?band=nurture", "?band=not_a_fit", "?band=ready_now&source=sales", "?status=new"]) {
    await page.goto(`/prospects${query}`);
    const rows = await tableRows(page);
    const shown = page.getByTestId("shown-count");
    if (rows.length === 0) continue;
    expect(Number((await shown.textContent())!.match(/^(\d+)/)![1]), query).toBe(rows.length);
    const counts = (await page.getByTestId("band-counts").textContent())!;
    const n = (label: string) => Number(counts.match(new RegExp(`(\\d+)\\s+${label}`))![1]);
    expect({ query, ready: n("ready now"), nurture: n("nurture"), notFit: n("not a fit") }).toEqual({
      query,
      ready: rows.filter((r) => r.band === "ready_now").length,
      nurture: rows.filter((r) => r.band === "nurture").length,
      notFit: rows.filter((r) => r.band === "not_a_fit").length,
    });
  }
});

test("the HubSpot and Salesforce files: every row has an email, nobody twice, a real Lead Status, Country a country or empty", async ({
  asSales: page,
}) => {
  const handle = connect(DB_URL);
  try {
    for (const [format, email, country, status, allowed] of [
      ["hubspot", "Email", "Country/Region", "Lead Status", ["NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED"]],
      [
        "salesforce",
        "Email",
        "Country",
        "Status",
        ["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"],
      ],
    ] as const) {
      const response = await page.request.get(`/prospects/export.csv?format=${format}`);
      expect(response.status()).toBe(200);
      const table = parseCsv((await response.body()).toString("utf8").replace(/^\uFEFF/, ""));
      expect(table.rows.length, format).toBeGreaterThan(0);
      const col = (h: string) => table.header.indexOf(h);
      const emails = table.rows.map((r) => r[col(email)]);
      expect(
        emails.every((e) => /^[^@\s]+@[^@\s]+$/.test(e)),
        format,
      ).toBe(true);
      expect(new Set(emails).size, `${format}: no person twice`).toBe(emails.length);
      for (const r of table.rows) {
        expect(r[col(country)] === "" || countryOf(r[col(country)]) === r[col(country)], r[col(country)]).toBe(true);
        expect(allowed as readonly string[]).toContain(r[col(status)]);
      }
      // row by row against the database: each exported person let sales contact them and is ready now
      const people = await handle.db
        .selectFrom("people")
        .innerJoin("assessments", "assessments.person_id", "people.id")
        .select(["people.email", "assessments.band", "people.id"])
        .where("people.email", "in", emails)
        .execute();
      expect(people.map((p) => p.email).sort()).toEqual([...emails].sort());
      expect(people.every((p) => p.band === "ready_now")).toBe(true);
      const permitted = await handle.db
        .selectFrom("consents")
        .select("person_id")
        .distinct()
        .where("purpose", "=", "contact")
        .where("status", "=", "opted_in")
        .where("withdrawn_at", "is", null)
        .where(
          "person_id",
          "in",
          people.map((p) => p.id),
        )
        .execute();
      expect(permitted).toHaveLength(people.length);
    }
  } finally {
    await handle.close();
  }
});

test("after login sales sees 'Ready now, not yet contacted', oldest first, with the follow-up clock", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.sales.email);
  await page.getByLabel("Password").fill(DEMO.sales.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/prospects\/today$/);
  await expect(page.getByRole("heading", { name: "Ready now, not yet contacted" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Ready now, not yet contacted" }).locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  const since = await rows.evaluateAll((list) => list.map((r) => r.getAttribute("data-ready-since")!));
  expect([...since].sort()).toEqual(since);
  for (const clock of await rows.locator(".badge").allTextContents())
    expect(clock).toMatch(/^(overdue by \d+ days?|due today|due in \d+ days?)$/);
  await context.close();
});

test("a board card's ready-now count links to exactly that many ready-now prospects", async ({ asSales: page }) => {
  await page.goto("/board");
  const link = page.getByTestId("ready-now-link").first();
  const count = Number((await link.textContent())!.match(/\d+/)![0]);
  await link.click();
  await expect(page).toHaveURL(/band=ready_now&theme=\d+/);
  expect((await tableRows(page)).length).toBe(count);
});

test("every private page fits a 390 px phone: no horizontal overflow", async ({ asAdmin: page }) => {
  test.setTimeout(180_000);
  const handle = connect(DB_URL);
  const ids: Record<string, number> = {};
  try {
    // A survey with a long title: every select and list that names surveys must still fit (the board's
    // run form once grew to the title's width).
    const slug = crypto.randomBytes(12).toString("base64url");
    await createSurvey(
      handle.db,
      {
        slug,
        title: `A long survey title a marketer wrote to describe the whole study in one go, sectors and all ${slug}`,
        intro: "",
        template: null,
        status: "open",
        createdBy: null,
      },
      [{ page: 1, kind: "short_text", prompt: "Anything else?", options: [], required: false, role: null }],
    );
    const survey = await handle.db.selectFrom("surveys").select("id").where("status", "=", "open").orderBy("id").executeTakeFirstOrThrow();
    ids.surveyId = survey.id;
    ids.responseId = (
      await handle.db.selectFrom("responses").select("id").where("survey_id", "=", survey.id).orderBy("id").executeTakeFirstOrThrow()
    ).id;
    ids.themeId = (
      await handle.db
        .selectFrom("themes")
        .select("id")
        .where("kind", "=", "pain")
        .where("status", "=", "active")
        .orderBy("id")
        .executeTakeFirstOrThrow()
    ).id;
    ids.personId = (
      await handle.db
        .selectFrom("assessments")
        .select("person_id")
        .where("band", "=", "ready_now")
        .orderBy("person_id")
        .executeTakeFirstOrThrow()
    ).person_id;
    ids.runId = (await handle.db.selectFrom("analysis_runs").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  } finally {
    await handle.close();
  }
  await page.setViewportSize({ width: 390, height: 844 });
  const pages = Object.values(ACCESS)
    .filter((r) => ["staff", "marketing", "sales", "admin"].includes(r.level))
    .map((r) => r.page.replace(/\{(\w+)\}/g, (_, k: string) => String(ids[k])))
    .filter((p) => !/export|\.csv|\.xlsx|\/api\//.test(p));
  expect(pages.length).toBeGreaterThan(15);
  const wide: string[] = [];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    if (!(response?.headers()["content-type"] ?? "").includes("text/html")) continue;
    const over = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    if (over > 0) wide.push(`${path} (+${over}px)`);
  }
  expect(wide).toEqual([]);
});
