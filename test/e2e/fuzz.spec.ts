import crypto from "node:crypto";
import Database from "better-sqlite3";
import fc from "fast-check";
import { test, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { connect } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { DEMO } from "./fixtures";

/**
 * Property-based posts (fast-check, a fixed seed) to the public survey, the builder, the import and
 * login of the production server. For every generated body: never a 5xx; and when the body is
 * refused (4xx), the tables that route writes have exactly the rows they had before.
 * FUZZ_SEED=<n> replays a failure; the seed is printed with any counterexample.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = { survey: 800, builder: 500, import: 300, login: 400 } as const;

let sqlite: Database.Database;
let survey: { id: number; slug: string; questionIds: number[]; firstPage: Array<{ id: number; options: string[] }> };
let draft: { id: number; questionIds: number[] };
test.beforeAll(async () => {
  const handle = connect(`file:${DB_FILE}`);
  const make = async (status: "open" | "draft") => {
    const slug = crypto.randomBytes(18).toString("base64url");
    const id = await createSurvey(
      handle.db,
      { slug, title: `Fuzz ${status}`, intro: "", template: "market_validation", status, createdBy: null },
      marketValidationQuestions(DEFAULT_TEMPLATE_VARS),
    );
    const questions = await handle.db
      .selectFrom("questions")
      .select(["id", "page", "kind", "options"])
      .where("survey_id", "=", id)
      .orderBy("position")
      .execute();
    // The template's first page is single choices: a valid answer is one of the options.
    const firstPage = questions
      .filter((q) => q.page === 1 && q.kind === "single_choice")
      .map((q) => ({ id: q.id, options: JSON.parse(q.options) as string[] }));
    return { id, slug, questionIds: questions.map((q) => q.id), firstPage };
  };
  survey = await make("open");
  draft = await make("draft");
  await handle.close();
  sqlite = new Database(DB_FILE, { readonly: true, fileMustExist: true });
});
test.afterAll(() => sqlite?.close());

/** Row counts of the tables a route may write, plus a fingerprint of the rows a refused edit must not touch. */
function snapshot(tables: string[], rows: string[] = []): string {
  const counts = tables.map((t) => `${t}=${(sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n}`);
  return [counts.join(" "), ...rows.map((sql) => JSON.stringify(sqlite.prepare(sql).all()))].join("\n");
}

// ---- generators -------------------------------------------------------------------------------
const nasty = fc.constantFrom(
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "1e309",
  "NaN",
  "99999999999999999999",
  "on",
  "off",
  "true",
  "null",
  "[]",
  "{}",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "' OR 1=1 --",
  "\u0000",
  "\r\n",
  "\ud800",
  "😀",
  "a".repeat(5000),
  "x".repeat(70_000),
);
const text = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer({ min: -5, max: 100 }).map(String),
);
const value = fc.oneof(
  { weight: 4, arbitrary: text.map((v) => [v]) },
  { weight: 1, arbitrary: fc.array(text, { minLength: 2, maxLength: 4 }) },
);
/** A form: some chosen field names, some random ones, each with one or several values. */
const form = (names: string[]) =>
  fc
    .tuple(fc.subarray(names), fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 2 }))
    .chain(([chosen, random]) => fc.tuple(...[...chosen, ...random].map((name) => value.map((vs) => vs.map((v) => [name, v] as const)))))
    .map((pairs) => pairs.flat());
const encodings = fc.constantFrom("urlencoded", "urlencoded", "urlencoded", "multipart", "garbage");

async function send(
  api: APIRequestContext,
  url: string,
  fields: ReadonlyArray<readonly [string, string]>,
  encoding: string,
  garbage: Uint8Array,
): Promise<APIResponse> {
  const options = { maxRedirects: 0, failOnStatusCode: false, timeout: 15_000 } as const;
  if (encoding === "multipart") {
    const multipart: Record<string, string> = {};
    for (const [k, v] of fields) multipart[k] = v; // Playwright's multipart takes one value a name
    return api.post(url, { ...options, multipart });
  }
  if (encoding === "garbage") {
    const type = [
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=zz",
      "multipart/form-data",
      "text/plain",
      "application/json",
    ][garbage.length % 5];
    return api.post(url, { ...options, headers: { "Content-Type": type }, data: Buffer.from(garbage) });
  }
  const body = new URLSearchParams(fields as Array<[string, string]>).toString();
  return api.post(url, { ...options, headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: body });
}

async function property(
  name: string,
  runs: number,
  gen: fc.Arbitrary<[ReadonlyArray<readonly [string, string]>, string, Uint8Array]>,
  api: APIRequestContext,
  url: string,
  tables: string[],
  extra?: string[],
) {
  let refused = 0;
  const result = await fc.check(
    fc.asyncProperty(gen, async ([fields, encoding, garbage]) => {
      const before = snapshot(tables, extra);
      const response = await send(api, url, fields, encoding, garbage);
      const status = response.status();
      if (status >= 500) throw new Error(`${name}: ${status} ${await response.text()}`);
      if (status >= 400) {
        refused++;
        const after = snapshot(tables, extra);
        if (after !== before) throw new Error(`${name}: refused (${status}) yet rows changed:\n  before ${before}\n  after  ${after}`);
      }
    }),
    { seed: SEED, numRuns: runs, endOnFailure: true },
  );
  if (result.failed) throw new Error(`${name} fuzz failed; replay with FUZZ_SEED=${SEED}.\n${fc.defaultReportMessage(result)}`);
  console.log(`fuzz ${name}: ${runs} cases, ${refused} refused, seed ${SEED}`);
  return runs;
}

const garbageBytes = fc.uint8Array({ maxLength: 300 });
const logIn = async (api: APIRequestContext) => {
  const r = await api.post("/login", { form: { email: DEMO.marketer.email, password: DEMO.marketer.password }, maxRedirects: 0 });
  expect(r.status()).toBe(302);
};

test("fuzz: public survey, builder, import and login never answer 5xx nor write part of a refused body", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const anonymous = await playwright.request.newContext({ baseURL });
  const marketer = await playwright.request.newContext({ baseURL });
  await logIn(marketer);
  let cases = 0;

  const surveyFields = [
    "page",
    "page",
    "idem",
    "r",
    "intent",
    "utm_source",
    "src",
    "rep",
    ...survey.questionIds.flatMap((id) => [`q_${id}`, `q_${id}_other`]),
  ];
  // Half the cases are a valid first page (a fresh key, one option per question) with or without
  // random fields on top, so the write path runs too; the rest are random forms.
  const validFirstPage = fc
    .tuple(
      fc.string({ minLength: 16, maxLength: 40, unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_") }),
      fc.tuple(...survey.firstPage.map((q) => fc.constantFrom(...q.options).map((o) => [`q_${q.id}`, o] as const))),
    )
    .map(([idem, answers]) => [["page", "1"] as const, ["idem", idem] as const, ...answers]);
  const surveyGen = fc.tuple(
    fc.oneof(
      form(surveyFields),
      validFirstPage,
      fc.tuple(validFirstPage, form(surveyFields)).map(([a, b]) => [...a, ...b]),
    ),
    encodings,
    garbageBytes,
  );
  cases += await property("public survey", RUNS.survey, surveyGen, anonymous, `/s/${survey.slug}`, [
    "responses",
    "answers",
    "people",
    "companies",
    "consents",
  ]);

  const builderFields = [
    "intent",
    "intent",
    "title",
    "intro",
    "kind",
    "prompt",
    "helpText",
    "required",
    "role",
    "options",
    "allowOther",
    "page",
    "questionId",
    "direction",
    "closesAt",
    "maxResponses",
  ];
  const intents = fc.constantFrom(
    "details",
    "add-question",
    "update-question",
    "remove-question",
    "move-question",
    "limits",
    "publish",
    "close",
    "reopen",
  );
  const builderGen = fc.tuple(
    fc
      .tuple(intents, fc.constantFrom(...draft.questionIds.map(String), "0", "999999"), form(builderFields))
      .map(([intent, questionId, fields]) => [["intent", intent] as const, ["questionId", questionId] as const, ...fields]),
    encodings,
    garbageBytes,
  );
  cases += await property(
    "builder",
    RUNS.builder,
    builderGen,
    marketer,
    `/surveys/${draft.id}/edit`,
    ["surveys", "questions"],
    [`select * from surveys where id = ${draft.id}`, `select * from questions where survey_id = ${draft.id} order by id`],
  );

  const csvCell = fc.oneof(text, fc.constantFrom("Retail", "Healthcare", "a@b.co", "yes", "3"));
  const csv = fc
    .array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 6 })
    .map((rows) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n"));
  const importGen = fc.tuple(
    fc
      .tuple(
        fc.constantFrom("upload", "preview", "import", "x"),
        csv,
        form(["defaultSource", "previewKey", "col_0", "col_1", "col_2", "csv"]),
      )
      .map(([intent, body, fields]) => [["intent", intent] as const, ["csv", body] as const, ...fields]),
    encodings,
    garbageBytes,
  );
  cases += await property("import", RUNS.import, importGen, marketer, `/surveys/${survey.id}/import`, [
    "responses",
    "answers",
    "people",
    "companies",
    "consents",
  ]);

  const loginGen = fc.tuple(
    fc
      .tuple(
        fc.oneof(fc.constantFrom(DEMO.sales.email, "nobody@painmap.test"), fc.emailAddress(), text),
        form(["password", "redirectTo", "email"]),
      )
      .map(([email, fields]) => [["email", email] as const, ...fields]),
    encodings,
    garbageBytes,
  );
  cases += await property("login", RUNS.login, loginGen, anonymous, "/login", ["sessions", "users"]);

  await anonymous.dispose();
  await marketer.dispose();
  console.log(`fuzz: ${cases} cases in all, seed ${SEED}`);
  expect(cases).toBeGreaterThanOrEqual(2000);
});
