import { describe, expect, it } from "vitest";
import type { AnswerValue, PublicQuestion } from "../../app/surveys/answer-schema.js";
import { checkLogicForm, describeLogic, logicProblems } from "../../app/surveys/logic/check.js";
import { parseShownPage } from "../../app/surveys/logic/page.js";
import {
  conditionHolds,
  nextPageIndex,
  parseStoredLogic,
  previousPageIndex,
  visibleQuestionIds,
  visiblePageIndexes,
  type Logic,
} from "../../app/surveys/logic/rules.js";
import type { QuestionKind } from "../../app/surveys/questions.js";

const text = (t: string): AnswerValue => ({ text: t, number: null, json: null });
const num = (n: number): AnswerValue => ({ text: null, number: n, json: null });
const many = (...v: string[]): AnswerValue => ({ text: null, number: null, json: v });

function q(id: number, kind: QuestionKind, page: number, logic: Logic | null = null, options: string[] = []): PublicQuestion {
  return { id, page, kind, prompt: `Question ${id}`, helpText: "", options, allowOther: false, required: true, role: null, logic };
}

describe("display logic: one condition", () => {
  it("equals compares a choice exactly (case and spaces aside) and a number as a number", () => {
    expect(conditionHolds({ questionId: 1, op: "equals", values: ["Healthcare"] }, text("healthcare "))).toBe(true);
    expect(conditionHolds({ questionId: 1, op: "equals", values: ["Healthcare"] }, text("Retail"))).toBe(false);
    expect(conditionHolds({ questionId: 1, op: "equals", values: ["7"] }, num(7))).toBe(true);
    expect(conditionHolds({ questionId: 1, op: "equals", values: ["Healthcare"] }, many("Retail", "Healthcare"))).toBe(true);
  });

  it("any of matches one value of several; at least compares numbers", () => {
    const anyOf = { questionId: 1, op: "any_of" as const, values: ["A", "B"] };
    expect(conditionHolds(anyOf, text("B"))).toBe(true);
    expect(conditionHolds(anyOf, many("C", "A"))).toBe(true);
    expect(conditionHolds(anyOf, text("C"))).toBe(false);
    const atLeast = { questionId: 1, op: "at_least" as const, values: ["7"] };
    expect(conditionHolds(atLeast, num(7))).toBe(true);
    expect(conditionHolds(atLeast, num(6))).toBe(false);
    expect(conditionHolds(atLeast, text("9"))).toBe(false);
  });

  it("answered and not answered; an unanswered question matches no value", () => {
    expect(conditionHolds({ questionId: 1, op: "answered", values: [] }, text("x"))).toBe(true);
    expect(conditionHolds({ questionId: 1, op: "answered", values: [] }, text("  "))).toBe(false);
    expect(conditionHolds({ questionId: 1, op: "answered", values: [] }, many())).toBe(false);
    expect(conditionHolds({ questionId: 1, op: "not_answered", values: [] }, undefined)).toBe(true);
    expect(conditionHolds({ questionId: 1, op: "equals", values: ["A"] }, undefined)).toBe(false);
    expect(conditionHolds({ questionId: 1, op: "at_least", values: ["0"] }, undefined)).toBe(false);
  });
});

describe("display logic: questions and pages", () => {
  const industry = q(1, "single_choice", 1, null, ["Healthcare", "Retail"]);
  const pain = q(2, "scale_0_10", 1);
  const hospital = q(3, "short_text", 2, { combine: "all", conditions: [{ questionId: 1, op: "equals", values: ["Healthcare"] }] });
  const ward = q(4, "short_text", 2, { combine: "all", conditions: [{ questionId: 3, op: "answered", values: [] }] });
  const urgent = q(5, "long_text", 3, {
    combine: "any",
    conditions: [
      { questionId: 2, op: "at_least", values: ["8"] },
      { questionId: 1, op: "equals", values: ["Retail"] },
    ],
  });
  const last = q(6, "email", 4);
  const all = [industry, pain, hospital, ward, urgent, last];
  const pages = [1, 2, 3, 4];

  it("all needs every condition, any needs one", () => {
    expect([
      ...visibleQuestionIds(
        all,
        new Map([
          [1, text("Retail")],
          [2, num(3)],
        ]),
      ),
    ]).toEqual([1, 2, 5, 6]);
    expect([
      ...visibleQuestionIds(
        all,
        new Map([
          [1, text("Healthcare")],
          [2, num(3)],
        ]),
      ),
    ]).toEqual([1, 2, 3, 6]);
    expect([
      ...visibleQuestionIds(
        all,
        new Map([
          [1, text("Healthcare")],
          [2, num(9)],
        ]),
      ),
    ]).toEqual([1, 2, 3, 5, 6]);
  });

  it("a hidden question's stored answer counts as nothing for the questions after it (a branch hides as a whole)", () => {
    const answers = new Map([
      [1, text("Retail")],
      [2, num(3)],
      [3, text("St Mary's")],
    ]);
    const visible = visibleQuestionIds(all, answers);
    expect(visible.has(3)).toBe(false);
    expect(visible.has(4)).toBe(false);
  });

  it("skips pages with no shown question, forward and back", () => {
    const visible = visibleQuestionIds(
      all,
      new Map([
        [1, text("Retail")],
        [2, num(3)],
      ]),
    );
    const shown = visiblePageIndexes(all, pages, visible);
    expect(shown).toEqual([1, 3, 4]);
    expect(nextPageIndex(shown, 1)).toBe(3);
    expect(previousPageIndex(shown, 3)).toBe(1);
    expect(nextPageIndex(shown, 4)).toBeNull();
  });

  it("a posted answer to a hidden question is stored as nothing and is not required", () => {
    const prior = new Map([
      [1, text("Retail")],
      [2, num(3)],
    ]);
    const parsed = parseShownPage(all, [hospital, ward], prior, { q_3: "St Mary's" }, "next");
    expect(parsed).toEqual({
      success: true,
      data: [
        { questionId: 3, value: null },
        { questionId: 4, value: null },
      ],
    });
    const shown = parseShownPage(all, [hospital, ward], new Map([[1, text("Healthcare")]]), { q_3: "St Mary's" }, "next");
    expect(shown).toEqual({ success: false, errors: { q_4: ["Please answer this question."] } });
  });

  it("reads junk stored logic as no logic", () => {
    expect(parseStoredLogic("{")).toBeNull();
    expect(parseStoredLogic(JSON.stringify({ combine: "all", conditions: [] }))).toBeNull();
    expect(parseStoredLogic(JSON.stringify(hospital.logic))).toEqual(hospital.logic);
  });
});

describe("display logic in the builder", () => {
  const questions = [
    { id: 10, kind: "single_choice" as const, prompt: "Industry", options: ["Healthcare", "Retail"] },
    { id: 11, kind: "scale_0_10" as const, prompt: "Pain", options: [] },
    { id: 12, kind: "long_text" as const, prompt: "Story", options: [] },
  ];

  it("accepts a rule on earlier questions and drops blank rows", () => {
    const result = checkLogicForm(questions, 12, {
      combine: "any",
      c1_question: "10",
      c1_op: "any_of",
      c1_value: "Healthcare\nRetail",
      c2_question: "",
    });
    expect(result).toEqual({
      ok: true,
      logic: { combine: "any", conditions: [{ questionId: 10, op: "any_of", values: ["Healthcare", "Retail"] }] },
    });
    expect(checkLogicForm(questions, 12, {})).toEqual({ ok: true, logic: null });
  });

  it("refuses a rule that refers forward, to itself or to a missing question, with a message per field", () => {
    const result = checkLogicForm(questions, 11, {
      c1_question: "12",
      c1_op: "answered",
      c2_question: "11",
      c2_op: "answered",
      c3_question: "999",
      c3_op: "answered",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.c1_question?.[0]).toMatch(/comes after this question/);
    expect(result.errors.c2_question?.[0]).toMatch(/cannot depend on itself/);
    expect(result.errors.c3_question?.[0]).toMatch(/not part of this survey/);
  });

  it("refuses a value that is not an option, and at least on a text question", () => {
    const result = checkLogicForm(questions, 12, {
      c1_question: "10",
      c1_op: "equals",
      c1_value: "Mining",
      c2_question: "10",
      c2_op: "at_least",
      c2_value: "3",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.c1_value?.[0]).toMatch(/not an option of “Industry”/);
    expect(result.errors.c2_value?.[0]).toMatch(/needs a number question/);
  });

  it("reports rules left broken by a removed or moved question", () => {
    const logic: Logic = { combine: "all", conditions: [{ questionId: 10, op: "equals", values: ["Retail"] }] };
    expect(logicProblems([...questions.slice(1), { ...questions[2]!, id: 13, logic }]).get(13)?.[0]).toMatch(/removed/);
    expect(logicProblems([{ ...questions[1]!, logic }, questions[0]!]).get(11)?.[0]).toMatch(/now comes later/);
    expect(logicProblems([questions[0]!, { ...questions[2]!, logic }]).size).toBe(0);
    expect(describeLogic(logic, questions)).toBe("Only if “Industry” is “Retail”");
  });
});
