import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { addQuestion, changeSurveyStatus, createSurvey, updateQuestion } from "../../db/queries/surveys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { loadAnsweringSurvey } = await import("../../app/surveys/submission.server.js");

describe.each(DATABASE_KINDS)("the public form's survey cache on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase(kind);
  });
  afterAll(async () => handle.close());

  it("serves the same parsed survey until an edit, then the edit at once, even within one millisecond", async () => {
    const slug = `cache-${kind}-survey-slug-0001`;
    const surveyId = await createSurvey(handle.db, { slug, title: "Cache", intro: "", template: null, status: "open", createdBy: null }, [
      { page: 1, kind: "short_text", prompt: "First wording", role: null },
    ]);
    const first = await loadAnsweringSurvey(handle.db, slug);
    expect(await loadAnsweringSurvey(handle.db, slug)).toBe(first);

    const questionId = first!.questions[0].id;
    // Two edits back to back: the second must be seen even if both land in the same millisecond.
    expect(
      await updateQuestion(handle.db, surveyId, questionId, { page: 1, kind: "short_text", prompt: "Second wording", role: null }),
    ).toEqual({ ok: true, value: undefined });
    await loadAnsweringSurvey(handle.db, slug);
    expect((await addQuestion(handle.db, surveyId, { page: 2, kind: "long_text", prompt: "Added", role: "pain_story" })).ok).toBe(true);
    const edited = await loadAnsweringSurvey(handle.db, slug);
    expect(edited!.questions.map((q) => q.prompt)).toEqual(["Second wording", "Added"]);
    expect(edited!.pages).toEqual([1, 2]);
  });

  it("a closed survey is seen as closed at once", async () => {
    const slug = `cache-${kind}-survey-slug-0002`;
    const surveyId = await createSurvey(handle.db, { slug, title: "Closing", intro: "", template: null, status: "open", createdBy: null }, [
      { page: 1, kind: "short_text", prompt: "Q", role: null },
    ]);
    expect((await loadAnsweringSurvey(handle.db, slug))!.survey.status).toBe("open");
    expect((await changeSurveyStatus(handle.db, surveyId, "close")).ok).toBe(true);
    expect((await loadAnsweringSurvey(handle.db, slug))!.survey.status).toBe("closed");
  });
});
