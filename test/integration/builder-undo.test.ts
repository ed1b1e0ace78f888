import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import type { DatabaseHandle } from "../../db/client.js";
import type { Database } from "../../db/schema.js";
import { UNDO_MINUTES, closeSurveyWithUndo, listUndos, removeQuestionWithUndo, undoBuilderAction } from "../../db/queries/builder-undo.js";
import { createSurvey, listQuestions } from "../../db/queries/surveys.js";

let n = 0;
async function surveyWithAnswers(db: Kysely<Database>, status: "draft" | "open" = "draft") {
  const surveyId = await createSurvey(
    db,
    { slug: `undo-${++n}-${Date.now()}`, title: "T", intro: "", template: null, status, createdBy: null },
    ["A", "B", "C"].map((prompt) => ({ page: 1, kind: "short_text", prompt, role: null })),
  );
  const questions = await listQuestions(db, surveyId);
  const now = new Date().toISOString();
  const { id: responseId } = await db
    .insertInto("responses")
    .values({
      survey_id: surveyId,
      person_id: null,
      status: "complete",
      resume_token_hash: `undo-${surveyId}`,
      idempotency_key: `undo-${surveyId}`,
      current_page: 1,
      source: "unknown",
      utm_source: null,
      utm_campaign: null,
      rep: null,
      origin: "web",
      meta: "{}",
      started_at: now,
      updated_at: now,
      completed_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const answerIds: number[] = [];
  for (const [i, q] of questions.entries()) {
    const { id } = await db
      .insertInto("answers")
      .values({
        response_id: responseId,
        question_id: q.id,
        value_text: `text ${i}`,
        value_number: i + 0.5,
        value_json: `["x${i}"]`,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    answerIds.push(id);
  }
  return { surveyId, responseId, questions, answerIds };
}

describe.each(DATABASE_KINDS)("builder undo on %s", (kind) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeAll(async () => {
    handle = await freshDatabase(kind);
    db = handle.db;
  });
  afterAll(async () => handle.close());

  it("puts a removed question back in its place with its answers and corrections, under the same ids", async () => {
    const s = await surveyWithAnswers(db);
    const b = s.questions[1]!;
    await db
      .insertInto("trigger_corrections")
      .values({
        answer_id: s.answerIds[1]!,
        trigger_type: "new_regulation",
        action: "add",
        timing: "upcoming",
        author_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const answerBefore = await db.selectFrom("answers").selectAll().where("id", "=", s.answerIds[1]!).executeTakeFirstOrThrow();

    const removed = await removeQuestionWithUndo(db, s.surveyId, b.id, null);
    expect(removed).toMatchObject({ ok: true, value: { label: "Question 2 “B” removed" } });
    expect((await listQuestions(db, s.surveyId)).map((q) => [q.prompt, Number(q.position)])).toEqual([
      ["A", 1],
      ["C", 2],
    ]);
    expect(await db.selectFrom("answers").select("id").where("question_id", "=", b.id).execute()).toEqual([]);
    expect(await listUndos(db, s.surveyId)).toHaveLength(1);

    const undoId = removed.ok ? removed.value.undoId : 0;
    expect(await undoBuilderAction(db, s.surveyId, undoId)).toEqual({ ok: true, value: "remove-question" });
    expect((await listQuestions(db, s.surveyId)).map((q) => [q.id, q.prompt, Number(q.position)])).toEqual([
      [s.questions[0]!.id, "A", 1],
      [b.id, "B", 2],
      [s.questions[2]!.id, "C", 3],
    ]);
    expect(await db.selectFrom("answers").selectAll().where("id", "=", s.answerIds[1]!).executeTakeFirstOrThrow()).toEqual(answerBefore);
    expect(
      await db.selectFrom("trigger_corrections").select(["trigger_type", "timing"]).where("answer_id", "=", s.answerIds[1]!).execute(),
    ).toEqual([{ trigger_type: "new_regulation", timing: "upcoming" }]);
    // once only, and the id sequences still hand out fresh ids afterwards
    expect(await undoBuilderAction(db, s.surveyId, undoId)).toEqual({ ok: false, reason: "undo_expired" });
    expect(await listUndos(db, s.surveyId)).toEqual([]);
    const fresh = await db
      .insertInto("questions")
      .values({
        survey_id: s.surveyId,
        position: 4,
        page: 1,
        kind: "short_text",
        prompt: "D",
        help_text: "",
        options: "[]",
        allow_other: 0,
        required: 0,
        role: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(s.questions.map((q) => q.id)).not.toContain(fresh.id);
  });

  it("refuses an undo past its window or from another survey, and purges expired rows at the next write", async () => {
    const s = await surveyWithAnswers(db);
    const other = await surveyWithAnswers(db);
    const removed = await removeQuestionWithUndo(db, s.surveyId, s.questions[0]!.id, null);
    const undoId = removed.ok ? removed.value.undoId : 0;
    expect(await undoBuilderAction(db, other.surveyId, undoId)).toEqual({ ok: false, reason: "undo_expired" });
    const later = new Date(Date.now() + (UNDO_MINUTES * 60 + 1) * 1000);
    expect(await undoBuilderAction(db, s.surveyId, undoId, later)).toEqual({ ok: false, reason: "undo_expired" });
    expect(await listUndos(db, s.surveyId, later)).toEqual([]);
    await removeQuestionWithUndo(db, other.surveyId, other.questions[0]!.id, null, later);
    expect(await db.selectFrom("builder_undos").select("id").where("id", "=", undoId).execute()).toEqual([]);
  });

  it("undoes a close by reopening, unless the close date has passed meanwhile", async () => {
    const s = await surveyWithAnswers(db, "open");
    const closed = await closeSurveyWithUndo(db, s.surveyId, null);
    expect(closed.ok).toBe(true);
    expect(await closeSurveyWithUndo(db, s.surveyId, null)).toEqual({ ok: false, reason: "not_open" });
    const status = async () =>
      (await db.selectFrom("surveys").select("status").where("id", "=", s.surveyId).executeTakeFirstOrThrow()).status;
    expect(await status()).toBe("closed");
    expect(await undoBuilderAction(db, s.surveyId, closed.ok ? closed.value.undoId : 0)).toEqual({ ok: true, value: "close" });
    expect(await status()).toBe("open");

    const again = await closeSurveyWithUndo(db, s.surveyId, null);
    await db
      .updateTable("surveys")
      .set({ closes_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", s.surveyId)
      .execute();
    expect(await undoBuilderAction(db, s.surveyId, again.ok ? again.value.undoId : 0)).toEqual({ ok: false, reason: "close_date_passed" });
    expect(await status()).toBe("closed");
  });
});
