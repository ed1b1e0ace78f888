import type { Kysely, KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { completeResponse, saveAnswers, startResponse } from "../../db/queries/responses.js";
import { exportBatches, exportPlan, type ExportRow } from "../../db/queries/response-export.js";
import { countResponses, getResponseDetail, listResponses, type ResponseFilters } from "../../db/queries/response-listing.js";
import { createSurvey, listQuestions } from "../../db/queries/surveys.js";
import type { Database, PersonSource, Question } from "../../db/schema.js";
import { checkMapping, importRows, readImportCsv, validateRows } from "../../app/surveys/import.server.js";

import { publicQuestions } from "../../app/surveys/submission.server.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

/** The whole export in memory (the route streams the batches instead). */
async function exportRows(db: Kysely<Database>, filters: ResponseFilters): Promise<{ columns: string[]; rows: ExportRow[] }> {
  const plan = await exportPlan(db, filters);
  const rows: ExportRow[] = [];
  for await (const batch of exportBatches(db, filters, plan)) rows.push(...batch);
  return { columns: plan.columns.map((c) => c.header), rows };
}

const TEMPLATE = marketValidationQuestions(DEFAULT_TEMPLATE_VARS);

interface Seed {
  surveyA: number;
  surveyB: number;
  questionsA: Question[];
  questionsB: Question[];
  ids: Record<string, number>;
}

let counter = 0;

async function addResponse(
  db: Kysely<Database>,
  questions: Question[],
  args: {
    source: PersonSource;
    startedAt: string;
    complete: boolean;
    story?: string;
    severity?: number;
    triggers?: string[];
    page?: number;
    email?: string;
    company?: string;
    nurture?: boolean;
    campaign?: string;
    rep?: string;
  },
): Promise<number> {
  counter += 1;
  const q = (role: string, kind?: string) => questions.find((x) => x.role === role && (!kind || x.kind === kind))!;
  const { response } = await startResponse(db, {
    surveyId: questions[0].survey_id,
    idempotencyKey: `key-${counter}`,
    resumeTokenHash: `hash-${counter}-${Math.random()}`,
    source: args.source,
    utmSource: args.source === "marketing" ? "newsletter" : null,
    utmCampaign: args.campaign ?? null,
    rep: args.rep ?? null,
    origin: "web",
    now: args.startedAt,
  });
  const answers = [];
  if (args.story !== undefined) answers.push({ questionId: q("pain_story").id, text: args.story, number: null, json: null });
  if (args.severity !== undefined) answers.push({ questionId: q("pain_severity").id, text: null, number: args.severity, json: null });
  if (args.triggers)
    answers.push({ questionId: q("trigger_events", "multiple_choice").id, text: null, number: null, json: JSON.stringify(args.triggers) });
  answers.push({ questionId: q("budget").id, text: "Allocated", number: null, json: null });
  if (args.email) answers.push({ questionId: q("contact_email").id, text: args.email, number: null, json: null });
  if (args.nurture !== undefined)
    answers.push({ questionId: q("consent_nurture").id, text: null, number: args.nurture ? 1 : 0, json: null });
  await saveAnswers(db, { responseId: response.id, answers, now: args.startedAt });
  if (args.page) await db.updateTable("responses").set({ current_page: args.page }).where("id", "=", response.id).execute();
  if (args.complete) {
    const completedAt = new Date(Date.parse(args.startedAt) + 5 * 60_000).toISOString();
    await completeResponse(db, {
      responseId: response.id,
      lastPage: 6,
      company: args.company ? { name: args.company, industry: "Retail", region: "Europe", siteCount: 5 } : null,
      person: {
        email: args.email ?? null,
        name: args.email ? "Ada Lovelace" : null,
        jobTitle: null,
        source: args.source,
        utmSource: null,
        utmCampaign: args.campaign ?? null,
        rep: args.rep ?? null,
      },
      consents:
        args.nurture === undefined
          ? []
          : [
              {
                purpose: "educational_content",
                status: args.nurture ? "opted_in" : "opted_out",
                wording: "Send me content",
                wordingVersion: "v1",
                actor: "prospect",
              },
            ],
      now: completedAt,
    });
  }
  return response.id;
}

async function seed(db: Kysely<Database>): Promise<Seed> {
  const surveyA = await createSurvey(
    db,
    { slug: "slug-a", title: "Study A", intro: "", template: "market_validation", status: "open", createdBy: null },
    TEMPLATE,
  );
  const surveyB = await createSurvey(
    db,
    { slug: "slug-b", title: "Study B", intro: "", template: "market_validation", status: "open", createdBy: null },
    TEMPLATE,
  );
  const questionsA = await listQuestions(db, surveyA);
  const questionsB = await listQuestions(db, surveyB);
  const ids: Record<string, number> = {};
  ids.a1 = await addResponse(db, questionsA, {
    source: "marketing",
    startedAt: "2026-01-10T09:00:00.000Z",
    complete: true,
    story: "We had a breach, it cost us a week.",
    severity: 9,
    triggers: ["Security breach", "Funding"],
    email: "ada@example.com",
    company: "Acme",
    nurture: true,
    campaign: "spring",
    rep: "Bo",
  });
  ids.a2 = await addResponse(db, questionsA, {
    source: "sales",
    startedAt: "2026-01-11T23:59:00.000Z",
    complete: false,
    story: "  Outages\n every   week ".repeat(20),
    page: 3,
  });
  ids.a3 = await addResponse(db, questionsA, {
    source: "partner",
    startedAt: "2026-01-12T00:00:00.000Z",
    complete: true,
    story: '=HYPERLINK("http://x")',
    severity: 4,
  });
  ids.b1 = await addResponse(db, questionsB, {
    source: "marketing",
    startedAt: "2026-01-13T08:00:00.000Z",
    complete: true,
    story: "Audit next quarter",
    severity: 6,
  });
  ids.b2 = await addResponse(db, questionsB, { source: "unknown", startedAt: "2026-01-14T08:00:00.000Z", complete: false });
  return { surveyA, surveyB, questionsA, questionsB, ids };
}

describe.each(DATABASE_KINDS)("response listing on %s", (kind) => {
  let handle: DatabaseHandle;
  let s: Seed;
  beforeAll(async () => {
    handle = await freshDatabase(kind);
    s = await seed(handle.db);
  });
  afterAll(async () => handle.close());

  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

  it("lists every response newest first with survey, person, company and a short pain-story preview", async () => {
    const rows = await listResponses(handle.db, {});
    expect(ids(rows)).toEqual([s.ids.b2, s.ids.b1, s.ids.a3, s.ids.a2, s.ids.a1]);
    expect(await countResponses(handle.db, {})).toBe(5);
    const a1 = rows.find((r) => r.id === s.ids.a1)!;
    expect(a1).toMatchObject({
      surveyTitle: "Study A",
      status: "complete",
      source: "marketing",
      utmCampaign: "spring",
      rep: "Bo",
      personEmail: "ada@example.com",
      personName: "Ada Lovelace",
      company: "Acme",
      painPreview: "We had a breach, it cost us a week.",
      startedAt: "2026-01-10T09:00:00.000Z",
      completedAt: "2026-01-10T09:05:00.000Z",
    });
    const a2 = rows.find((r) => r.id === s.ids.a2)!;
    expect(a2.painPreview!.length).toBeLessThanOrEqual(140);
    expect(a2.painPreview).toMatch(/^Outages every week Outages/);
    expect(a2.painPreview!.endsWith("…")).toBe(true);
    expect(rows.find((r) => r.id === s.ids.b2)!.painPreview).toBeNull();
  });

  it.each<[string, ResponseFilters, string[]]>([
    ["status complete", { status: "complete" }, ["b1", "a3", "a1"]],
    ["status partial", { status: "partial" }, ["b2", "a2"]],
    ["source marketing", { source: "marketing" }, ["b1", "a1"]],
    ["source sales", { source: "sales" }, ["a2"]],
    ["survey A", { surveyId: -1 }, ["a3", "a2", "a1"]],
    ["from a day (inclusive)", { from: "2026-01-12" }, ["b2", "b1", "a3"]],
    ["to a day (inclusive, to its last second)", { to: "2026-01-11" }, ["a2", "a1"]],
    ["one day", { from: "2026-01-11", to: "2026-01-11" }, ["a2"]],
    ["combined", { status: "complete", source: "marketing", from: "2026-01-11" }, ["b1"]],
    ["nothing", { source: "partner", status: "partial" }, []],
  ])("filters by %s, and counts the same rows", async (_name, filters, expected) => {
    const f = filters.surveyId === -1 ? { ...filters, surveyId: s.surveyA } : filters;
    const rows = await listResponses(handle.db, f);
    expect(ids(rows)).toEqual(expected.map((k) => s.ids[k]));
    expect(await countResponses(handle.db, f)).toBe(expected.length);
  });

  it("paginates", async () => {
    expect(ids(await listResponses(handle.db, {}, 1, 2))).toEqual([s.ids.b2, s.ids.b1]);
    expect(ids(await listResponses(handle.db, {}, 2, 2))).toEqual([s.ids.a3, s.ids.a2]);
    expect(ids(await listResponses(handle.db, {}, 3, 2))).toEqual([s.ids.a1]);
    expect(await listResponses(handle.db, {}, 4, 2)).toEqual([]);
  });

  it("shows one response in full: every question, typed answers, person, company, consents", async () => {
    const detail = (await getResponseDetail(handle.db, s.ids.a1))!;
    expect(detail.response).toMatchObject({ id: s.ids.a1, status: "complete", source: "marketing", utmSource: "newsletter", pageCount: 6 });
    expect(detail.answers).toHaveLength(TEMPLATE.length);
    expect(detail.answers.map((a) => a.prompt)).toEqual(TEMPLATE.map((q) => q.prompt));
    const byRole = (role: string, kind?: string) => detail.answers.find((a) => a.role === role && (!kind || a.kind === kind))!;
    expect(byRole("pain_story").value).toBe("We had a breach, it cost us a week.");
    expect(byRole("pain_severity").value).toBe(9);
    expect(byRole("trigger_events", "multiple_choice").value).toEqual(["Security breach", "Funding"]);
    expect(byRole("consent_nurture").value).toBe("yes");
    expect(byRole("region")).toMatchObject({ value: null, answered: false });
    expect(detail.person).toMatchObject({ email: "ada@example.com", name: "Ada Lovelace", source: "marketing" });
    expect(detail.company).toEqual({ name: "Acme", industry: "Retail", region: "Europe", siteCount: 5 });
    expect(detail.consents).toEqual([
      expect.objectContaining({ purpose: "educational_content", status: "opted_in", fromThisResponse: true }),
    ]);

    const partial = (await getResponseDetail(handle.db, s.ids.a2))!;
    expect(partial.response).toMatchObject({ status: "partial", currentPage: 3, completedAt: null });
    expect(partial.person).toBeNull();
    expect(partial.consents).toEqual([]);
    expect(await getResponseDetail(handle.db, 999_999)).toBeUndefined();
  });

  it("exports one row per response: metadata columns, then one column per question headed by its prompt", async () => {
    const { columns, rows } = await exportRows(handle.db, { surveyId: s.surveyA });
    expect(columns.slice(0, 14)).toEqual([
      "response_id",
      "survey_id",
      "survey",
      "status",
      "started_at",
      "completed_at",
      "source",
      "utm_source",
      "utm_campaign",
      "rep",
      "origin",
      "name",
      "email",
      "company",
    ]);
    expect(columns.slice(14)).toEqual(TEMPLATE.map((q) => q.prompt));
    expect(rows.map((r) => r[0])).toEqual([s.ids.a1, s.ids.a2, s.ids.a3]);
    const col = (header: string) => columns.indexOf(header);
    const byRole = (role: string, kind?: string) => TEMPLATE.find((q) => q.role === role && (!kind || q.kind === kind))!.prompt;
    const a1 = rows[0];
    expect(a1[col("status")]).toBe("complete");
    expect(a1[col("email")]).toBe("ada@example.com");
    expect(a1[col("company")]).toBe("Acme");
    expect(a1[col(byRole("pain_severity"))]).toBe(9);
    expect(a1[col(byRole("trigger_events", "multiple_choice"))]).toEqual(["Security breach", "Funding"]);
    expect(a1[col(byRole("consent_nurture"))]).toBe("yes");
    expect(a1[col(byRole("region"))]).toBeNull();
    expect(rows[2][col(byRole("pain_story"))]).toBe('=HYPERLINK("http://x")');
  });

  it("exports several surveys made from one template into shared question columns", async () => {
    const { columns, rows } = await exportRows(handle.db, { status: "complete" });
    expect(columns).toHaveLength(14 + TEMPLATE.length);
    expect(new Set(columns).size).toBe(columns.length);
    const story = columns.indexOf(TEMPLATE.find((q) => q.role === "pain_story")!.prompt);
    expect(rows.map((r) => [r[0], r[2], r[story]])).toEqual([
      [s.ids.a1, "Study A", "We had a breach, it cost us a week."],
      [s.ids.a3, "Study A", '=HYPERLINK("http://x")'],
      [s.ids.b1, "Study B", "Audit next quarter"],
    ]);
  });

  it("fetches answers once per batch of responses, not once per response", async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = handle.db.withPlugin(counting);
    const plan = await exportPlan(db, {});
    queries = 0;
    const batches: number[] = [];
    for await (const batch of exportBatches(db, {}, plan, 2)) batches.push(batch.length);
    expect(batches).toEqual([2, 2, 1]);
    // two queries per batch (responses, answers); the last short batch ends the loop
    expect(queries).toBe(6);
  });

  it("imports valid CSV rows as complete responses through the write path, in one go", async () => {
    const questions = publicQuestions(s.questionsB);
    const prompt = (role: string) => s.questionsB.find((q) => q.role === role)!.prompt;
    const text = [
      `"${prompt("pain_story")}","${prompt("pain_severity")}",Budget,Email,Company,Nurture,Date`,
      `Imported story one,7,Allocated,one@example.com,Imported Co,yes,2026-01-05`,
      `Imported story two,12,None,two@example.com,,no,2026-01-06`,
      `Imported story three,3,Could be found,,,,`,
    ].join("\n");
    const table = readImportCsv(text);
    const roleId = (role: string) => s.questionsB.find((q) => q.role === role)!.id;
    const budget = roleId("budget");
    const nurture = s.questionsB.find((q) => q.role === "consent_nurture")!.id;
    const check = checkMapping(
      table.header,
      [
        `q:${roleId("pain_story")}`,
        `q:${roleId("pain_severity")}`,
        `q:${budget}`,
        "meta:email",
        "meta:company",
        `q:${nurture}`,
        "meta:date",
      ],
      questions,
    );
    expect(check.errors).toEqual([]);
    const rows = validateRows(table, check, "sales");
    expect(rows.map((r) => r.errors.length)).toEqual([0, 1, 0]);
    const before = await countResponses(handle.db, { surveyId: s.surveyB });
    const { ids: created } = await importRows(handle.db, { surveyId: s.surveyB, questions, rows, importedBy: "marketer@painmap.test" });
    expect(created).toHaveLength(2);
    expect(await countResponses(handle.db, { surveyId: s.surveyB })).toBe(before + 2);

    const first = (await getResponseDetail(handle.db, created[0]))!;
    expect(first.response).toMatchObject({
      status: "complete",
      origin: "import",
      source: "sales",
      startedAt: "2026-01-05T12:00:00.000Z",
      completedAt: "2026-01-05T12:00:00.000Z",
    });
    expect(first.person).toMatchObject({ email: "one@example.com", source: "sales" });
    expect(first.company?.name).toBe("Imported Co");
    expect(first.consents).toEqual([
      expect.objectContaining({ purpose: "educational_content", status: "opted_in", fromThisResponse: true }),
    ]);
    expect(first.answers.find((a) => a.role === "pain_severity")?.value).toBe(7);
    const listed = await listResponses(handle.db, { surveyId: s.surveyB, status: "complete" });
    expect(listed.map((r) => r.painPreview)).toContain("Imported story three");
    expect(listed.map((r) => r.painPreview)).not.toContain("Imported story two");
  });
});
