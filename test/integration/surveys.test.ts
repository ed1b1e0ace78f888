import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import type { DatabaseHandle } from "../../db/client.js";
import type { Database } from "../../db/schema.js";
import {
  addQuestion,
  changeSurveyStatus,
  createSurvey,
  getSurvey,
  listQuestions,
  listSurveyChoices,
  listSurveysWithCounts,
  moveQuestion,
  questionOptions,
  removeQuestion,
  setSurveyLimits,
  surveyResponseCounts,
  updateQuestion,
  updateSurveyDetails,
  type QuestionInput,
} from "../../db/queries/surveys.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";

const q = (prompt: string, extra: Partial<QuestionInput> = {}): QuestionInput => ({
  page: 1,
  kind: "short_text",
  prompt,
  role: null,
  ...extra,
});

let slugs = 0;
async function survey(db: Kysely<Database>, prompts: string[] = ["A", "B", "C"]) {
  return createSurvey(
    db,
    { slug: `slug-${++slugs}-${Date.now()}`, title: "T", intro: "", template: null, createdBy: null },
    prompts.map((p) => q(p)),
  );
}
const prompts = async (db: Kysely<Database>, id: number) => (await listQuestions(db, id)).map((x) => [x.prompt, Number(x.position)]);
const ids = async (db: Kysely<Database>, id: number) => (await listQuestions(db, id)).map((x) => x.id);

/** updated_at must move on every edit; ISO strings compare in time order. */
async function bumps(db: Kysely<Database>, id: number, edit: () => Promise<unknown>) {
  const old = "2000-01-01T00:00:00.000Z";
  await db.updateTable("surveys").set({ updated_at: old }).where("id", "=", id).execute();
  await edit();
  return (await getSurvey(db, id))!.updated_at > old;
}

async function addResponse(db: Kysely<Database>, surveyId: number, status: "partial" | "complete", n: number) {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto("responses")
    .values({
      survey_id: surveyId,
      person_id: null,
      status,
      resume_token_hash: `h-${surveyId}-${status}-${n}`,
      idempotency_key: `k-${status}-${n}`,
      current_page: 1,
      source: "unknown",
      utm_source: null,
      utm_campaign: null,
      rep: null,
      origin: "web",
      meta: "{}",
      started_at: now,
      updated_at: now,
      completed_at: status === "complete" ? now : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

describe.each(DATABASE_KINDS)("survey builder queries on %s", (kind) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeAll(async () => {
    handle = await freshDatabase(kind);
    db = handle.db;
  });
  afterAll(async () => handle.close());

  it("creates a survey from the template with its questions in order", async () => {
    const questions = marketValidationQuestions(DEFAULT_TEMPLATE_VARS);
    const id = await createSurvey(
      db,
      {
        slug: `tpl-${kind}`,
        title: "Study",
        intro: "i",
        template: "market_validation",
        templateVars: { ...DEFAULT_TEMPLATE_VARS },
        createdBy: null,
      },
      questions,
    );
    const stored = await listQuestions(db, id);
    expect(stored.map((s) => s.role)).toEqual(questions.map((t) => t.role));
    expect(stored.map((s) => Number(s.position))).toEqual(questions.map((_, i) => i + 1));
    expect(questionOptions(stored[0]!)).toEqual(questions[0]!.options);
    expect((await getSurvey(db, id))!.status).toBe("draft");
  });

  it("adds a question at the end with the next position, and bumps updated_at", async () => {
    const id = await survey(db, ["A", "B"]);
    let added: unknown;
    expect(
      await bumps(
        db,
        id,
        async () =>
          (added = await addQuestion(
            db,
            id,
            q("C", { kind: "single_choice", options: ["x", "y"], allowOther: true, required: true, role: "budget" }),
          )),
      ),
    ).toBe(true);
    expect(added).toMatchObject({ ok: true, value: expect.any(Number) });
    const last = (await listQuestions(db, id)).at(-1)!;
    expect(last).toMatchObject({ prompt: "C", kind: "single_choice", role: "budget" });
    expect(Number(last.position)).toBe(3);
    expect(Number(last.allow_other)).toBe(1);
    expect(Number(last.required)).toBe(1);
    expect(questionOptions(last)).toEqual(["x", "y"]);
    expect(await addQuestion(db, 999_999, q("nope"))).toEqual({ ok: false, reason: "survey_not_found" });
  });

  it("updates a question of this survey only", async () => {
    const a = await survey(db, ["A1", "A2"]);
    const b = await survey(db, ["B1"]);
    const [a1] = await ids(db, a);
    const [b1] = await ids(db, b);
    expect(await bumps(db, a, () => updateQuestion(db, a, a1!, q("A1 edited", { kind: "long_text", page: 2, helpText: "h" })))).toBe(true);
    expect((await listQuestions(db, a))[0]).toMatchObject({ prompt: "A1 edited", kind: "long_text", help_text: "h" });
    expect(Number((await listQuestions(db, a))[0]!.page)).toBe(2);

    // another survey's question and an unknown id are refused and change nothing
    const before = await getSurvey(db, b);
    expect(await updateQuestion(db, a, b1!, q("hijacked"))).toEqual({ ok: false, reason: "question_not_found" });
    expect(await updateQuestion(db, a, 987_654, q("ghost"))).toEqual({ ok: false, reason: "question_not_found" });
    expect(await prompts(db, b)).toEqual([["B1", 1]]);
    expect((await getSurvey(db, b))!.updated_at).toBe(before!.updated_at);
  });

  it("moves questions up and down keeping positions dense", async () => {
    const id = await survey(db, ["A", "B", "C", "D"]);
    const [a, b, c, d] = await ids(db, id);
    expect(await moveQuestion(db, id, c!, "up")).toEqual({ ok: true, value: { moved: true } });
    expect(await prompts(db, id)).toEqual([
      ["A", 1],
      ["C", 2],
      ["B", 3],
      ["D", 4],
    ]);
    await moveQuestion(db, id, a!, "down");
    expect(await prompts(db, id)).toEqual([
      ["C", 1],
      ["A", 2],
      ["B", 3],
      ["D", 4],
    ]);
    expect(await moveQuestion(db, id, c!, "up")).toEqual({ ok: true, value: { moved: false } });
    expect(await moveQuestion(db, id, d!, "down")).toEqual({ ok: true, value: { moved: false } });
    expect(await prompts(db, id)).toEqual([
      ["C", 1],
      ["A", 2],
      ["B", 3],
      ["D", 4],
    ]);
    expect(await bumps(db, id, () => moveQuestion(db, id, b!, "up"))).toBe(true);
    expect(await prompts(db, id)).toEqual([
      ["C", 1],
      ["B", 2],
      ["A", 3],
      ["D", 4],
    ]);
  });

  it("repairs gapped positions when moving", async () => {
    const id = await survey(db, ["A", "B", "C"]);
    const [a, b, c] = await ids(db, id);
    await db.updateTable("questions").set({ position: 10 }).where("id", "=", a!).execute();
    await db.updateTable("questions").set({ position: 20 }).where("id", "=", b!).execute();
    await db.updateTable("questions").set({ position: 30 }).where("id", "=", c!).execute();
    await moveQuestion(db, id, c!, "up");
    expect(await prompts(db, id)).toEqual([
      ["A", 1],
      ["C", 2],
      ["B", 3],
    ]);
  });

  it("removes a question and its answers and closes the gap", async () => {
    const id = await survey(db, ["A", "B", "C"]);
    const [, b] = await ids(db, id);
    const response = await addResponse(db, id, "complete", 1);
    await db
      .insertInto("answers")
      .values({
        response_id: response,
        question_id: b!,
        value_text: "x",
        value_number: null,
        value_json: null,
        updated_at: new Date().toISOString(),
      })
      .execute();
    expect(await bumps(db, id, () => removeQuestion(db, id, b!))).toBe(true);
    expect(await prompts(db, id)).toEqual([
      ["A", 1],
      ["C", 2],
    ]);
    const left = await db.selectFrom("answers").select("id").where("question_id", "=", b!).execute();
    expect(left).toHaveLength(0);
    expect(await removeQuestion(db, id, b!)).toEqual({ ok: false, reason: "question_not_found" });
  });

  it("refuses to move or remove another survey's question", async () => {
    const a = await survey(db, ["A1", "A2"]);
    const b = await survey(db, ["B1", "B2"]);
    const [, b2] = await ids(db, b);
    expect(await moveQuestion(db, a, b2!, "up")).toEqual({ ok: false, reason: "question_not_found" });
    expect(await removeQuestion(db, a, b2!)).toEqual({ ok: false, reason: "question_not_found" });
    expect(await prompts(db, b)).toEqual([
      ["B1", 1],
      ["B2", 2],
    ]);
    expect(await prompts(db, a)).toEqual([
      ["A1", 1],
      ["A2", 2],
    ]);
  });

  it("saves title, intro, close date and cap", async () => {
    const id = await survey(db);
    expect(await bumps(db, id, () => updateSurveyDetails(db, id, { title: "New title", intro: "Hello" }))).toBe(true);
    expect(await bumps(db, id, () => setSurveyLimits(db, id, { closesAt: "2099-01-31T23:59:59.999Z", maxResponses: 100 }))).toBe(true);
    const saved = (await getSurvey(db, id))!;
    expect(saved).toMatchObject({ title: "New title", intro: "Hello", closes_at: "2099-01-31T23:59:59.999Z" });
    expect(Number(saved.max_responses)).toBe(100);
    await setSurveyLimits(db, id, { closesAt: null, maxResponses: null });
    expect(await getSurvey(db, id)).toMatchObject({ closes_at: null, max_responses: null });
    expect(await updateSurveyDetails(db, 999_999, { title: "x", intro: "" })).toEqual({ ok: false, reason: "survey_not_found" });
  });

  it("publishes, closes and reopens; refuses a survey with no questions and wrong transitions", async () => {
    const empty = await survey(db, []);
    expect(await changeSurveyStatus(db, empty, "publish")).toEqual({ ok: false, reason: "no_questions" });
    expect((await getSurvey(db, empty))!.status).toBe("draft");

    const id = await survey(db, ["A"]);
    expect(await changeSurveyStatus(db, id, "close")).toEqual({ ok: false, reason: "not_open" });
    expect(await changeSurveyStatus(db, id, "reopen")).toEqual({ ok: false, reason: "not_closed" });
    expect(await changeSurveyStatus(db, id, "publish")).toEqual({ ok: true, value: "open" });
    const open = (await getSurvey(db, id))!;
    expect(open.status).toBe("open");
    expect(open.published_at).not.toBeNull();
    expect(await changeSurveyStatus(db, id, "publish")).toEqual({ ok: false, reason: "not_draft" });
    expect(await changeSurveyStatus(db, id, "close")).toEqual({ ok: true, value: "closed" });
    expect((await getSurvey(db, id))!.status).toBe("closed");
    expect(await changeSurveyStatus(db, id, "reopen")).toEqual({ ok: true, value: "open" });
    expect((await getSurvey(db, id))!.published_at).toBe(open.published_at);

    await changeSurveyStatus(db, id, "close");
    await db.updateTable("surveys").set({ closes_at: "2001-01-01T23:59:59.999Z" }).where("id", "=", id).execute();
    expect(await changeSurveyStatus(db, id, "reopen")).toEqual({ ok: false, reason: "close_date_passed" });
    expect(await changeSurveyStatus(db, 999_999, "publish")).toEqual({ ok: false, reason: "survey_not_found" });
  });

  it("lists surveys newest first with question and response counts", async () => {
    const id = await survey(db, ["A", "B"]);
    await addResponse(db, id, "complete", 1);
    await addResponse(db, id, "complete", 2);
    await addResponse(db, id, "partial", 3);
    const list = await listSurveysWithCounts(db);
    const row = list.find((s) => s.id === id)!;
    expect(row).toMatchObject({ question_count: 2, complete_count: 2, partial_count: 1, status: "draft" });
    expect(list[0]!.id).toBe(Math.max(...list.map((s) => s.id)));
    const empty = list.find((s) => s.id !== id && s.complete_count === 0);
    expect(empty?.partial_count).toBe(0);
    expect(await surveyResponseCounts(db, id)).toEqual({ complete: 2, partial: 1 });
  });

  it("lists survey choices newest first, and leaves drafts out when asked", async () => {
    const draft = await survey(handle.db);
    const open = await survey(handle.db);
    expect((await changeSurveyStatus(handle.db, open, "publish")).ok).toBe(true);
    const all = (await listSurveyChoices(handle.db)).map((s) => s.id);
    expect(all.indexOf(open)).toBeLessThan(all.indexOf(draft));
    const published = await listSurveyChoices(handle.db, { excludeDrafts: true });
    expect(published.map((s) => s.id)).toContain(open);
    expect(published.map((s) => s.id)).not.toContain(draft);
    expect(published.every((s) => s.status !== "draft")).toBe(true);
  });
});
