import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { ServerBuild } from "@remix-run/node";
import { connect } from "../../db/client.js";
import { ACCESS, expectedPage, type Role } from "./access-table";
import { expect, test } from "./fixtures";

/**
 * The axe-core audit (issue 13 item 7): every private page of the server build, as every role that
 * may open it, plus the login page and a share-report link, with zero WCAG 2.1 A/AA violations.
 * The page list comes from the build and the access table (a new page is audited by default); the
 * public survey (s.$slug and its thanks page) is audited by its own spec. Counts per page go to
 * test-results/a11y.json and the test output so they can be quoted.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;
const BUILD = path.resolve(process.env.PAINMAP_BUILD_DIR ?? "build", "index.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PUBLIC_SURVEY = new Set(["routes/s.$slug", "routes/s.$slug_.thanks"]);
const STAFF_ROLES = ["sales", "marketer", "admin"] as const satisfies readonly Role[];

type Finding = { route: string; url: string; role: string; violations: number; rules: string[] };
const findings: Finding[] = [];

async function audit(page: Page, route: string, url: string, role: string) {
  const response = await page.goto(url);
  expect(response?.status(), `${role} opens ${url}`).toBeLessThan(400);
  await page.waitForLoadState("load");
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  findings.push({
    route,
    url,
    role,
    violations: violations.reduce((n, v) => n + v.nodes.length, 0),
    rules: violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`),
  });
  expect
    .soft(
      violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })),
      `${role} ${url}`,
    )
    .toEqual([]);
}

/** The staff pages (routes with a component), their URLs filled from the demo data. */
async function privatePages() {
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild;
  const handle = connect(`file:${DB_FILE}`);
  const { db } = handle;
  try {
    const survey = await db.selectFrom("surveys").select("id").where("status", "=", "open").orderBy("id").executeTakeFirstOrThrow();
    const response = await db
      .selectFrom("responses")
      .select("id")
      .where("survey_id", "=", survey.id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const theme = await db
      .selectFrom("themes")
      .select("id")
      .where("kind", "=", "pain")
      .where("status", "!=", "merged")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const person = await db.selectFrom("people").select("id").orderBy("id").executeTakeFirstOrThrow();
    const answer = await db.selectFrom("answers").select("id").orderBy("id").executeTakeFirstOrThrow();
    const fill = (p: string) =>
      p
        .replace("{surveyId}", String(survey.id))
        .replace("{responseId}", String(response.id))
        .replace("{themeId}", String(theme.id))
        .replace("{personId}", String(person.id))
        .replace("/answers/1/", `/answers/${answer.id}/`);
    return {
      surveyId: survey.id,
      pages: Object.values(build.routes)
        .filter((r) => r.id !== "root" && r.module.default && !PUBLIC_SURVEY.has(r.id) && ACCESS[r.id])
        // public pages (login, the share link, unsubscribe) are not staff pages; the first test covers login and the share link
        .filter((r) => ACCESS[r.id]!.level !== "public" && ACCESS[r.id]!.level !== "guest")
        .map((r) => ({ route: r.id, url: fill(ACCESS[r.id]!.page), access: ACCESS[r.id]! }))
        .filter(({ access }) => STAFF_ROLES.some((role) => expectedPage(access.level, role) === "ok")),
    };
  } finally {
    await handle.close();
  }
}

const REPORT = "test-results/a11y.json";

// A failing test restarts the worker, so each test merges its findings into the file (the first one starts it afresh).
test.afterEach(() => {
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  const before: Finding[] = fs.existsSync(REPORT) ? (JSON.parse(fs.readFileSync(REPORT, "utf8")) as Finding[]) : [];
  const key = (f: Finding) => `${f.role} ${f.url}`;
  const merged = new Map([...before, ...findings].map((f) => [key(f), f]));
  fs.writeFileSync(REPORT, JSON.stringify([...merged.values()], null, 2));
});

test.afterAll(() => {
  console.log(`axe (${TAGS.join(", ")}): violations (affected nodes) per page and role`);
  for (const f of findings)
    console.log(`  ${String(f.violations).padStart(3)}  ${f.role.padEnd(9)} ${f.url}${f.rules.length ? `  ${f.rules.join("; ")}` : ""}`);
  console.log(`  total: ${findings.reduce((n, f) => n + f.violations, 0)} over ${findings.length} page visits`);
});

test("the login page and a share-report link have no WCAG 2.1 AA violations", async ({ page, asMarketer, browser, baseURL }) => {
  test.setTimeout(120_000); // the report page computes the whole study
  fs.rmSync(REPORT, { force: true });
  await audit(page, "routes/login", "/login", "anonymous");
  const { surveyId } = await privatePages();
  // The report hydrates without a mismatch (hydration.spec.ts), so a <details> opened at once stays open.
  await asMarketer.goto(`/surveys/${surveyId}/report`);
  await asMarketer.getByText("Share a read-only copy").click();
  await asMarketer.getByRole("button", { name: "Create share link" }).click();
  const link = await asMarketer.getByLabel("Share link", { exact: true }).inputValue();
  const visitor = await (await browser.newContext({ baseURL })).newPage();
  await audit(visitor, "routes/r.$token", new URL(link).pathname, "anonymous");
  await visitor.context().close();
});

for (const role of STAFF_ROLES) {
  test(`every private page ${role} can open has no WCAG 2.1 AA violations`, async ({ asSales, asMarketer, asAdmin }) => {
    test.setTimeout(600_000); // two dozen pages, each audited in full, on a shared 2-core machine
    const page = { sales: asSales, marketer: asMarketer, admin: asAdmin }[role];
    const { pages } = await privatePages();
    const mine = pages.filter(({ access }) => (access.pageOverrides?.[role] ?? expectedPage(access.level, role)) === "ok");
    expect(mine.length).toBeGreaterThan(5);
    for (const { route, url } of mine) await audit(page, route, url, role);
  });
}
