import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { insertVerdictRule, latestVerdictRule, listShares, revokeShare } from "../../db/queries/report.js";
import { createSurvey } from "../../db/queries/surveys.js";
import type { Database } from "../../db/schema.js";
import { reportCsv, reportXlsx } from "../../app/report/export.server.js";
import { loadReport } from "../../app/report/report.server.js";
import { createShareLink, openShare } from "../../app/report/share.server.js";
import { reassessAll } from "../../app/prospects/readiness.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addResponse, makeSurvey, runNow } from "./board-fixtures.js";

/**
 * The report's figures against a study whose answers we wrote by hand (issue 16), on both
 * databases. Ten respondents: severities 9, 9, 9, 7, 7, 6, 6, 6, 4, 4 (5 of 10 at 7+); budget and
 * timeline chosen so 1, 2 and 4 could buy within 3, 6 and 12 months and 2 have budget after 12.
 */
const TOPICS = ["phishing", "phishing", "phishing", "outage", "outage", "audit", "audit", "audit", "licences", "licences"];
const BUDGET = [
  "Allocated",
  "Allocated",
  "Could be found",
  "None",
  "Allocated",
  "Don't know",
  "Could be found",
  "None",
  "Allocated",
  "None",
];
const TIMELINE = [
  "Less than 3 months",
  "3-6 months",
  "6-12 months",
  "Less than 3 months",
  "More than 12 months",
  "3-6 months",
  "More than 12 months",
  "No plans",
  "6-12 months",
  "3-6 months",
];
const LEADER = ["Yes", "Yes", "Yes", "No", "No", "Not sure", "Yes", "No", "No", "No"];
const APPEAL = [5, 5, 4, 4, 3, 3, 2, 2, 1, 1];

async function seedStudy(db: Kysely<Database>): Promise<number> {
  const survey = await makeSurvey(db, "Known answers");
  const q = survey.questionIds;
  for (let i = 0; i < TOPICS.length; i++) {
    const painAnswer = await addResponse(db, survey, {
      topic: TOPICS[i],
      index: i,
      industry: i < 6 ? "Healthcare" : "Retail",
      source: i % 2 === 0 ? "marketing" : "sales",
    });
    const { response_id } = await db.selectFrom("answers").select("response_id").where("id", "=", painAnswer).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await db
      .insertInto("answers")
      .values([
        { response_id, question_id: q.budget, value_text: BUDGET[i], value_number: null, value_json: null, updated_at: now },
        { response_id, question_id: q.timeline, value_text: TIMELINE[i], value_number: null, value_json: null, updated_at: now },
        { response_id, question_id: q.project_leader, value_text: LEADER[i], value_number: null, value_json: null, updated_at: now },
        { response_id, question_id: q.category_appeal, value_text: null, value_number: APPEAL[i], value_json: null, updated_at: now },
      ])
      .execute();
  }
  // A partial response: counted as partial, never in the figures.
  await db
    .insertInto("responses")
    .values({
      survey_id: survey.surveyId,
      person_id: null,
      status: "partial",
      resume_token_hash: "partial-hash",
      idempotency_key: "partial-key",
      current_page: 2,
      source: "marketing",
      utm_source: null,
      utm_campaign: null,
      rep: null,
      origin: "import",
      meta: "{}",
      started_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      completed_at: null,
    })
    .execute();
  await runNow(db, survey.surveyId, { k: 4 });
  await reassessAll(db);
  return survey.surveyId;
}

describe.each(DATABASE_KINDS)("validation study report on %s", (kind) => {
  let h: DatabaseHandle;
  let surveyId: number;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    surveyId = await seedStudy(h.db);
  }, 120_000);
  afterAll(async () => h?.close());

  it("counts who answered and the pain, with intervals, by segment", async () => {
    const report = (await loadReport(h.db, { surveyId, segment: null }))!;
    expect(report.counts).toEqual({ complete: 10, partial: 1 });
    const f = report.figures!;
    expect(f.respondents).toBe(10);
    expect(f.bySegment.industry).toEqual([
      { value: "Healthcare", count: 6 },
      { value: "Retail", count: 4 },
    ]);
    expect(f.bySegment.source).toEqual([
      { value: "marketing", count: 5 },
      { value: "sales", count: 5 },
    ]);
    expect(f.pain!.distribution).toEqual([0, 0, 0, 0, 2, 0, 3, 2, 0, 3, 0]);
    expect(f.pain!.atOrAbove).toMatchObject({ k: 5, n: 10, share: 0.5 });
    expect(f.pain!.atOrAbove.low).toBeCloseTo(0.2366, 4);
    const healthcare = f.pain!.bySegment.industry.find((r) => r.value === "Healthcare")!;
    expect(healthcare.share).toMatchObject({ k: 5, n: 6 });
    // Retail has 4 respondents: too few to show.
    expect(f.pain!.bySegment.industry.find((r) => r.value === "Retail")).toEqual({ value: "Retail", n: null, share: null });
  });

  it("reads budget, timeline, leadership, appeal, triggers and readiness", async () => {
    const f = (await loadReport(h.db, { surveyId, segment: null }))!.figures!;
    expect(f.budget!.within.map((w) => [w.months, w.share.k, w.share.n])).toEqual([
      [3, 1, 10],
      [6, 2, 10],
      [12, 4, 10],
    ]);
    expect(f.budget!.later).toMatchObject({ k: 2, n: 10 });
    expect(f.leadership!.leaderYes).toMatchObject({ k: 4, n: 10 });
    expect(f.leadership!.sponsorYes).toMatchObject({ k: 0, n: 0 });
    expect(f.appeal!.distribution).toEqual([2, 2, 2, 2, 2]);
    expect(f.appeal!.fourPlus).toMatchObject({ k: 4, n: 10 });
    expect(f.appeal!.mean).toBeCloseTo(3, 10);
    // Ticked trigger choices, one per topic (board-fixtures): security breach for the 3 phishing stories.
    const security = f.triggers!.find((t) => t.type === "security_incident")!;
    expect(security.respondents).toMatchObject({ k: 3, n: 10 });
    expect(f.readyNow.scored).toBe(10);
    expect(f.readyNow.share.k).toBeGreaterThanOrEqual(0);
  });

  it("decides go under the default rule, and follows a new rule version", async () => {
    expect((await latestVerdictRule(h.db))?.version).toBe(1);
    const report = (await loadReport(h.db, { surveyId, segment: null }))!;
    expect(report.rule.version).toBe(1);
    expect(report.verdict!.kind).toBe("go");
    expect(report.verdict!.conditions.map((c) => [c.key, c.figure.k, c.figure.n])).toEqual([
      ["pain", 5, 10],
      ["budget", 4, 10],
      ["budget_later", 6, 10],
    ]);
    // 50% budget needed: 4 of 10 fall short, 6 of 10 with later decisions reach it: right but early.
    const version = await insertVerdictRule(
      h.db,
      { painThreshold: 7, minPainShare: 0.3, minBudgetShare: 0.5, withinMonths: 12, minRespondents: 10 },
      null,
    );
    expect(version).toBe(2);
    const early = (await loadReport(h.db, { surveyId, segment: null }))!;
    expect(early.rule.version).toBe(2);
    expect(early.verdict!.kind).toBe("early");
    // (4 + m) / (10 + m) >= 50% first at m = 2.
    expect(early.verdict!.changes[0]).toBe(
      "2 more respondents with budget and a decision within 12 months would turn the verdict to go (other figures unchanged).",
    );
    await insertVerdictRule(h.db, { painThreshold: 7, minPainShare: 0.3, minBudgetShare: 0.2, withinMonths: 12, minRespondents: 10 }, null);
  });

  it("has pain themes with quotes for staff and none in a shared copy", async () => {
    const staff = (await loadReport(h.db, { surveyId, segment: null }))!;
    expect(staff.themes!.analysed).toBe(true);
    expect(staff.themes!.items.length).toBeGreaterThan(0);
    expect(staff.themes!.items.reduce((s, t) => s + t.share.k, 0)).toBeGreaterThanOrEqual(10);
    expect(staff.themes!.items[0].quotes.length).toBeGreaterThan(0);
    const shared = (await loadReport(h.db, { surveyId, segment: null, shared: true }))!;
    expect(shared.themes!.items.every((t) => t.quotes.length === 0)).toBe(true);
    expect(JSON.stringify(shared)).not.toMatch(/@example\.test|Person \d/);
  });

  it("hides a segment under five respondents and shows one of five or more", async () => {
    const retail = (await loadReport(h.db, { surveyId, segment: { kind: "industry", value: "Retail" } }))!;
    expect(retail.tooFew).toBe(true);
    expect(retail.figures).toBeNull();
    expect(retail.verdict).toBeNull();
    const healthcare = (await loadReport(h.db, { surveyId, segment: { kind: "industry", value: "Healthcare" } }))!;
    expect(healthcare.figures!.respondents).toBe(6);
    expect(healthcare.figures!.pain!.atOrAbove).toMatchObject({ k: 5, n: 6 });
    // 6 answered, the rule needs 10.
    expect(healthcare.verdict!.kind).toBe("insufficient");
  });

  it("says which sections a survey without their questions lacks", async () => {
    const id = await createSurvey(h.db, { slug: "no-roles", title: "Bare", intro: "", template: null, status: "open", createdBy: null }, [
      { page: 1, kind: "long_text", role: "pain_story", prompt: "What hurts?" },
    ]);
    const report = (await loadReport(h.db, { surveyId: id, segment: null }))!;
    expect(report.missing.pain).toEqual(["How much pain are you in around IT security and operations?"]);
    expect(report.missing.budget).toEqual(["Is there budget to solve this?", "When do you expect to make a decision?"]);
    expect(report.missing.themes).toBeUndefined();
    expect(report.verdict!.kind).toBe("insufficient");
  });

  it("exports the figures as CSV and XLSX, and share links open until revoked or expired", async () => {
    const report = (await loadReport(h.db, { surveyId, segment: null }))!;
    const csv = reportCsv(report);
    expect(csv).toContain("Pain,Severity 7+,,5,10,0.5,0.2366,0.7634");
    const xlsx = await reportXlsx(report);
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");

    const admin = await h.db
      .insertInto("users")
      .values({
        email: `admin-${kind}@report.test`,
        name: "Admin",
        role: "admin",
        password_hash: "x",
        created_at: new Date().toISOString(),
        disabled_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { token } = await createShareLink(h.db, { surveyId, segment: "", days: 7, userId: admin.id });
    expect((await openShare(h.db, token))?.surveyId).toBe(surveyId);
    expect(await openShare(h.db, token, new Date(Date.now() + 8 * 86_400_000))).toBeUndefined();
    const [share] = await listShares(h.db, surveyId);
    expect(await revokeShare(h.db, surveyId, share.id, admin.id)).toBe(true);
    expect(await openShare(h.db, token)).toBeUndefined();
    expect(await revokeShare(h.db, surveyId, share.id, admin.id)).toBe(false);
  });
});
