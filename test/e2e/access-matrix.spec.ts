import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { ServerBuild } from "@remix-run/node";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { startResponse } from "../../db/queries/responses.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { ACCESS, ROLES, expectedAction, expectedPage, type ActionOutcome, type Outcome, type Role } from "./access-table";
import { DEMO } from "./fixtures";

/**
 * The access matrix: every role against every route of the server build (so a new route is
 * covered by default), its page, its `?_data=` loader JSON, and every action intent in the table.
 * Expected outcomes live in access-table.ts; a route missing there fails here.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;
const BUILD = path.resolve(process.env.PAINMAP_BUILD_DIR ?? "build", "index.js");

function classify(response: APIResponse): Outcome {
  const status = response.status();
  if (status >= 500) return "error";
  const remixRedirect = response.headers()["x-remix-redirect"];
  const location = remixRedirect ?? response.headers()["location"];
  if ((status >= 300 && status < 400) || (status === 204 && remixRedirect)) return location?.startsWith("/login") ? "login" : "redirect";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "notfound";
  if (status >= 400) return "refused";
  return "ok";
}
const allowed = (o: Outcome) => o === "ok" || o === "redirect" || o === "refused" || o === "notfound";
const matches = (got: Outcome, want: ActionOutcome) => (want === "allowed" ? allowed(got) : got === want);

test("every role against every route, page, loader JSON and action intent", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild;
  const routes = Object.values(build.routes).filter((r) => r.id !== "root");

  // The table and the build name the same routes.
  expect(
    routes.map((r) => r.id).filter((id) => !ACCESS[id]),
    "routes with no row in access-table.ts",
  ).toEqual([]);
  expect(
    Object.keys(ACCESS).filter((id) => !build.routes[id]),
    "rows in access-table.ts for routes that no longer exist",
  ).toEqual([]);
  expect(
    routes.filter((r) => r.module.action && !ACCESS[r.id].actions?.length).map((r) => r.id),
    "routes with an action but no intents in the table",
  ).toEqual([]);

  // Fixtures from the demo data the server was started with.
  const handle: DatabaseHandle = connect(`file:${DB_FILE}`);
  const { db } = handle;
  const survey = await db.selectFrom("surveys").select("id").where("status", "=", "open").orderBy("id").executeTakeFirstOrThrow();
  const response = await db.selectFrom("responses").select("id").where("survey_id", "=", survey.id).orderBy("id").executeTakeFirstOrThrow();
  const theme = await db
    .selectFrom("themes")
    .select("id")
    .where("kind", "=", "pain")
    .where("status", "!=", "merged")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const person = await db.selectFrom("people").select("id").orderBy("id").executeTakeFirstOrThrow();
  const run = await db.selectFrom("analysis_runs").select("id").orderBy("id").executeTakeFirstOrThrow();
  // A prospect part-way through a survey of the matrix's own (the demo survey's counts stay as seeded).
  const ownSlug = crypto.randomBytes(18).toString("base64url");
  const ownSurveyId = await createSurvey(
    db,
    { slug: ownSlug, title: "Access matrix", intro: "", template: "market_validation", status: "open", createdBy: null },
    marketValidationQuestions(DEFAULT_TEMPLATE_VARS),
  );
  const resumeToken = crypto.randomBytes(32).toString("base64url");
  await startResponse(db, {
    surveyId: ownSurveyId,
    idempotencyKey: `matrix-${resumeToken.slice(0, 12)}`,
    resumeTokenHash: crypto.createHash("sha256").update(resumeToken).digest("hex"),
    source: "unknown",
    utmSource: null,
    utmCampaign: null,
    rep: null,
    origin: "web",
    now: new Date().toISOString(),
  });
  await handle.close();
  const fill = (p: string) =>
    p
      .replace("{surveyId}", String(survey.id))
      .replace("{responseId}", String(response.id))
      .replace("{themeId}", String(theme.id))
      .replace("{personId}", String(person.id))
      .replace("{runId}", String(run.id))
      .replace("{slug}", ownSlug)
      .replace("{token}", "not-a-real-token");

  const staffContext = async (role: "sales" | "marketer" | "admin") => {
    const context = await playwright.request.newContext({ baseURL });
    const login = await context.post("/login", { form: { email: DEMO[role].email, password: DEMO[role].password }, maxRedirects: 0 });
    expect(login.status(), `log in as ${role}`).toBe(302);
    return context;
  };
  const contexts: Record<Role, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL }),
    prospect: await playwright.request.newContext({ baseURL }),
    sales: await staffContext("sales"),
    marketer: await staffContext("marketer"),
    admin: await staffContext("admin"),
    apiKey: undefined as unknown as APIRequestContext,
    revokedKey: undefined as unknown as APIRequestContext,
  };
  const createKey = async (name: string) => {
    const created = await contexts.admin.post("/admin/api-keys?_data=routes%2Fadmin.api-keys", { form: { intent: "create", name } });
    expect(created.status()).toBe(200);
    return ((await created.json()) as { key: string }).key;
  };
  const liveKey = await createKey(`matrix live ${Date.now()}`);
  const revokedName = `matrix revoked ${Date.now()}`;
  const revokedKey = await createKey(revokedName);
  const keys = (
    (await (await contexts.admin.get("/admin/api-keys?_data=routes%2Fadmin.api-keys")).json()) as {
      keys: Array<{ id: number; name: string }>;
    }
  ).keys;
  const revoke = await contexts.admin.post("/admin/api-keys?_data=routes%2Fadmin.api-keys", {
    form: { intent: "revoke", keyId: String(keys.find((k) => k.name === revokedName)!.id) },
  });
  expect(revoke.status()).toBe(200);
  contexts.apiKey = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${liveKey}` } });
  contexts.revokedKey = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${revokedKey}` } });
  // The prospect sends its resume token with every request, as its link does.
  const withToken = (role: Role, url: string) =>
    role === "prospect" ? `${url}${url.includes("?") ? "&" : "?"}r=${encodeURIComponent(resumeToken)}` : url;

  const mismatches: string[] = [];
  let cells = 0;
  const check = (what: string, role: Role, got: Outcome, want: ActionOutcome, status: number) => {
    cells++;
    if (got === "error" || !matches(got, want)) mismatches.push(`${what} as ${role}: got ${got} (${status}), expected ${want}`);
  };

  for (const route of routes) {
    const row = ACCESS[route.id];
    const page = fill(row.page);
    for (const role of ROLES) {
      const want = row.pageOverrides?.[role] ?? expectedPage(row.level, role);
      const res = await contexts[role].get(withToken(role, page), { maxRedirects: 0 });
      check(`GET ${page}`, role, classify(res), want, res.status());
      if (route.module.default) {
        const dataUrl = `${page}${page.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route.id)}`;
        const data = await contexts[role].get(withToken(role, dataUrl), { maxRedirects: 0 });
        check(`GET ${dataUrl}`, role, classify(data), want, data.status());
      }
      for (const action of row.actions ?? []) {
        const target = fill(row.actionPath ?? row.page);
        const wantAction = action.overrides?.[role] ?? expectedAction(action.level, role);
        // Logging out would end the session the other cells use: post it with a throwaway one.
        const context =
          route.id === "routes/logout" && (role === "sales" || role === "marketer" || role === "admin")
            ? await staffContext(role)
            : contexts[role];
        const res = await context.post(withToken(role, target), { form: action.intent ? { intent: action.intent } : {}, maxRedirects: 0 });
        check(`POST ${target} intent=${action.intent || "-"}`, role, classify(res), wantAction, res.status());
        if (context !== contexts[role]) await context.dispose();
      }
    }
  }
  for (const context of Object.values(contexts)) await context.dispose();
  console.log(`access matrix: ${routes.length} routes x ${ROLES.length} roles, ${cells} cells`);
  expect(mismatches, `${mismatches.length} of ${cells} cells differ from access-table.ts`).toEqual([]);
});
