import { describe, expect, it } from "vitest";
import {
  NewSurveySchema,
  SurveyEditSchema,
  closeDateToIso,
  normalizeQuestion,
  QuestionSchema,
  splitOptions,
} from "../../app/surveys/schemas.js";
import { parseWith } from "../../app/utils/forms.js";

const question = { intent: "add-question", kind: "single_choice", prompt: "Which?", page: "1", options: "Red\nGreen" };

describe("new survey form", () => {
  it("accepts the template with its three words and a blank survey with a title", () => {
    const tpl = parseWith(NewSurveySchema, { start: "template", title: " Study ", problem: "x", area: "y", category: "z" });
    expect(tpl).toEqual({ success: true, data: { start: "template", title: "Study", problem: "x", area: "y", category: "z" } });
    expect(parseWith(NewSurveySchema, { start: "blank", title: "Mine" }).success).toBe(true);
  });

  it("names every missing or oversized field", () => {
    const result = parseWith(NewSurveySchema, { start: "template", title: "", problem: "p".repeat(500), category: ["a", "b"] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.keys(result.errors).sort()).toEqual(["area", "category", "problem", "title"]);
    expect(result.errors.title![0]).toMatch(/title/i);
    expect(result.errors.problem![0]).toMatch(/under 120/);
  });

  it("refuses an unknown start", () => {
    const result = parseWith(NewSurveySchema, { start: "copy", title: "x" });
    expect(result).toEqual({ success: false, errors: { start: ["Choose the template or a blank survey."] } });
  });
});

describe("edit form intents", () => {
  it("refuses a missing or unknown intent with one message", () => {
    for (const input of [{}, { intent: "drop-table" }, { intent: ["publish", "close"] }]) {
      const result = parseWith(SurveyEditSchema, input);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.errors.intent).toEqual(["Unknown action."]);
    }
  });

  it("parses a question: checkboxes, role none, options one per line", () => {
    const result = parseWith(SurveyEditSchema, {
      ...question,
      options: "  Red \r\n\r\nGreen\n",
      required: "on",
      role: "",
      helpText: " hint ",
    });
    expect(result).toEqual({
      success: true,
      data: {
        intent: "add-question",
        kind: "single_choice",
        prompt: "Which?",
        helpText: "hint",
        required: true,
        allowOther: false,
        role: null,
        options: ["Red", "Green"],
        page: 1,
      },
    });
  });

  it("needs at least two options for choice kinds, but not for others", () => {
    const one = parseWith(SurveyEditSchema, { ...question, options: "Only" });
    expect(one.success).toBe(false);
    if (!one.success) expect(one.errors.options![0]).toMatch(/at least 2 options/);
    expect(parseWith(SurveyEditSchema, { ...question, kind: "multiple_choice", options: "" }).success).toBe(false);
    const text = parseWith(SurveyEditSchema, { ...question, kind: "long_text", options: "" });
    expect(text.success).toBe(true);
  });

  it("refuses duplicate, too many and too long options", () => {
    const dup = parseWith(SurveyEditSchema, { ...question, options: "Red\nred" });
    expect(!dup.success && dup.errors.options![0]).toMatch(/twice/);
    const many = parseWith(SurveyEditSchema, { ...question, options: Array.from({ length: 51 }, (_, i) => `o${i}`).join("\n") });
    expect(!many.success && many.errors.options![0]).toMatch(/at most 50/);
    const long = parseWith(SurveyEditSchema, { ...question, options: `Red\n${"x".repeat(201)}` });
    expect(!long.success && long.errors.options![0]).toMatch(/Option 2 is too long/);
    const huge = parseWith(SurveyEditSchema, { ...question, options: "x".repeat(1_000_000) });
    expect(huge.success).toBe(false);
  });

  it("gives a message per field for wrong types and sizes, never throws", () => {
    const result = parseWith(SurveyEditSchema, {
      intent: "update-question",
      questionId: "abc",
      kind: "essay",
      prompt: "p".repeat(1_000_001),
      page: "0",
      role: "ceo",
      required: "maybe",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.keys(result.errors).sort()).toEqual(["kind", "page", "prompt", "questionId", "required", "role"]);
    expect(result.errors.prompt![0]).toMatch(/under 1000/);
  });

  it("refuses a missing prompt and ids that are not positive integers", () => {
    expect(parseWith(SurveyEditSchema, { ...question, prompt: "   " })).toMatchObject({
      success: false,
      errors: { prompt: ["Write the question."] },
    });
    for (const questionId of ["-1", "0", "1.5", "1e400", "", undefined]) {
      const result = parseWith(SurveyEditSchema, { intent: "remove-question", questionId });
      expect(result.success, String(questionId)).toBe(false);
    }
    expect(parseWith(SurveyEditSchema, { intent: "move-question", questionId: "3", direction: "sideways" })).toMatchObject({
      success: false,
      errors: { direction: ["Move a question up or down."] },
    });
  });

  it("parses a close date as the end of that day (UTC) and a cap, both optional", () => {
    expect(parseWith(SurveyEditSchema, { intent: "limits", closesAt: "2099-03-31", maxResponses: "250" })).toEqual({
      success: true,
      data: { intent: "limits", closesAt: "2099-03-31T23:59:59.999Z", maxResponses: 250 },
    });
    expect(parseWith(SurveyEditSchema, { intent: "limits", closesAt: "", maxResponses: "" })).toEqual({
      success: true,
      data: { intent: "limits", closesAt: null, maxResponses: null },
    });
  });

  it("refuses impossible or past dates and bad caps", () => {
    const result = parseWith(SurveyEditSchema, { intent: "limits", closesAt: "2099-02-30", maxResponses: "-3" });
    expect(result).toMatchObject({
      success: false,
      errors: { closesAt: [expect.stringMatching(/real date/)], maxResponses: [expect.any(String)] },
    });
    const past = parseWith(SurveyEditSchema, { intent: "limits", closesAt: "2001-01-01", maxResponses: "0" });
    expect(past).toMatchObject({
      success: false,
      errors: { closesAt: [expect.stringMatching(/passed/)], maxResponses: [expect.stringMatching(/between 1/)] },
    });
    expect(closeDateToIso("31/03/2099")).toBeUndefined();
  });
});

describe("helpers", () => {
  it("splits options and drops options of non-choice kinds when storing", () => {
    expect(splitOptions("a\n\n b \r\nc")).toEqual(["a", "b", "c"]);
    const parsed = QuestionSchema.parse({ kind: "number", prompt: "How many?", page: "2", options: "1\n2", allowOther: "on" });
    expect(normalizeQuestion(parsed)).toMatchObject({ kind: "number", options: [], allowOther: false, page: 2 });
  });
});
