import { describe, expect, it } from "vitest";
import { parsePageAnswers, pageFormValues, fieldName, type PublicQuestion } from "../../app/surveys/answer-schema.js";
import { errorLinks } from "../../app/surveys/flow/error-links.js";
import { afterTick, exclusiveConflict, isExclusiveOption } from "../../app/surveys/flow/exclusive.js";
import { clampStep, shortcutChoice } from "../../app/surveys/flow/steps.js";
import { formI18n } from "../../app/surveys/i18n/i18n.js";
import { MAX_TEXT_ANSWER, type QuestionKind } from "../../app/surveys/questions.js";

/** The pure parts of issue 13 items 3, 4 and 7 (ADR 0601): exclusive choices, shortcuts, counters, error links. */
let nextId = 100;
function q(kind: QuestionKind, extra: Partial<PublicQuestion> = {}): PublicQuestion {
  return {
    id: nextId++,
    page: 1,
    kind,
    prompt: `${kind}?`,
    helpText: "",
    options: [],
    allowOther: false,
    required: true,
    role: null,
    ...extra,
  };
}

describe("exclusive choices", () => {
  it.each(["None of these", "none", "None of the above.", "Not applicable", "N/A", "I don’t know", "Don't know", "Nothing yet"])(
    "%j is exclusive",
    (o) => expect(isExclusiveOption(o)).toBe(true),
  );
  it.each(["Nonetheless", "CRM", "None of these tools but one", "Known issues"])("%j is not", (o) =>
    expect(isExclusiveOption(o)).toBe(false),
  );

  it("ticking the exclusive option clears the others; ticking another clears the exclusive one", () => {
    expect(afterTick(["CRM", "Spreadsheets", "None of these"], "None of these")).toEqual(["None of these"]);
    expect(afterTick(["None of these", "CRM"], "CRM")).toEqual(["CRM"]);
    expect(afterTick(["CRM", "Spreadsheets"], "Spreadsheets")).toEqual(["CRM", "Spreadsheets"]);
  });

  it("the server refuses the combination on the field, and accepts either alone", () => {
    const tools = q("multiple_choice", { options: ["CRM", "Spreadsheets", "None of these"] });
    const both = parsePageAnswers([tools], { [fieldName(tools.id)]: ["CRM", "None of these"] });
    expect(both).toEqual({
      success: false,
      errors: { [fieldName(tools.id)]: ["“None of these” cannot be combined with other choices. Untick it or the others."] },
    });
    expect(exclusiveConflict(["None of these"])).toBeUndefined();
    expect(parsePageAnswers([tools], { [fieldName(tools.id)]: ["None of these"] }).success).toBe(true);
    expect(parsePageAnswers([tools], { [fieldName(tools.id)]: ["CRM", "Spreadsheets"] }).success).toBe(true);
  });

  it("a single choice called “None” is an ordinary option", () => {
    const budget = q("single_choice", { options: ["Allocated", "None"] });
    expect(parsePageAnswers([budget], { [fieldName(budget.id)]: "None" }).success).toBe(true);
  });
});

describe("length limits", () => {
  it("an answer over the limit is refused with its length, and comes back whole to re-show", () => {
    const story = q("long_text");
    const long = "y".repeat(MAX_TEXT_ANSWER + 34);
    const parsed = parsePageAnswers([story], { [fieldName(story.id)]: long });
    expect(parsed).toEqual({
      success: false,
      errors: { [fieldName(story.id)]: ["Please keep this under 10,000 characters. It has 10,034; nothing was cut, please shorten it."] },
    });
    expect(pageFormValues([story], { [fieldName(story.id)]: long })[fieldName(story.id)]).toHaveLength(MAX_TEXT_ANSWER + 34);
  });

  it("the counter reads like “1,234 / 10,000”", () => {
    const { t } = formI18n("en");
    expect(t("counter", { length: 1234, max: 10_000 })).toBe("1,234 / 10,000");
    expect(t("over", { count: 5, max: 10_000 })).toMatch(/^5 characters over the limit/);
    expect(t("over", { count: 1, max: 10_000 })).toMatch(/^1 character over the limit/);
  });
});

describe("one question at a time: keyboard shortcuts", () => {
  it("letters pick choices in order, past the last one nothing", () => {
    const buy = q("single_choice", { options: ["Direct", "Reseller"] });
    expect(shortcutChoice(buy, "a")).toBe(0);
    expect(shortcutChoice(buy, "B")).toBe(1);
    expect(shortcutChoice(buy, "c")).toBeUndefined();
    expect(shortcutChoice(buy, "1")).toBeUndefined();
  });
  it("an option called Other is shown once (as the free-text Other), so letters skip it", () => {
    const tools = q("multiple_choice", { options: ["CRM", "Other"], allowOther: true });
    expect(shortcutChoice(tools, "a")).toBe(0);
    expect(shortcutChoice(tools, "b")).toBeUndefined();
  });
  it("digits pick a scale value", () => {
    expect(shortcutChoice(q("scale_0_10"), "0")).toBe(0);
    expect(shortcutChoice(q("scale_0_10"), "9")).toBe(9);
    expect(shortcutChoice(q("rating_1_5"), "1")).toBe(0);
    expect(shortcutChoice(q("rating_1_5"), "6")).toBeUndefined();
    expect(shortcutChoice(q("short_text"), "a")).toBeUndefined();
  });
  it("the step stays in range when logic hides questions", () => {
    expect(clampStep(5, 3)).toBe(2);
    expect(clampStep(-1, 3)).toBe(0);
    expect(clampStep(0, 0)).toBe(0);
  });
});

describe("error summary links", () => {
  it("one link per refused field, in page order, to the control that fixes it", () => {
    const name = q("short_text", { prompt: "Your name" });
    const pick = q("single_choice", { prompt: "Pick one", options: ["A"], allowOther: true });
    const links = errorLinks([name, pick], {
      [`q_${pick.id}_other`]: ["Please tell us what “Other” means for you."],
      [fieldName(name.id)]: ["Please answer this question."],
      [fieldName(pick.id)]: ["Please choose an option."],
    });
    expect(links).toEqual([
      { questionId: name.id, target: `q${name.id}`, text: "Your name: Please answer this question." },
      { questionId: pick.id, target: `q${pick.id}-0`, text: "Pick one: Please choose an option." },
      { questionId: pick.id, target: `q${pick.id}-other-text`, text: "Pick one: Please tell us what “Other” means for you." },
    ]);
    expect(errorLinks([name], undefined)).toEqual([]);
  });
});
