import { describe, expect, it } from "vitest";
import {
  answerFormValues,
  AttributionSchema,
  OTHER_VALUE,
  PageMetaSchema,
  pageFormValues,
  parseDraftAnswers,
  parsePageAnswers,
  type PublicQuestion,
} from "../../app/surveys/answer-schema.js";
import { MAX_SHORT_ANSWER, MAX_TEXT_ANSWER, OTHER_PREFIX, type QuestionKind } from "../../app/surveys/questions.js";

let nextId = 1;
function q(kind: QuestionKind, extra: Partial<PublicQuestion> = {}): PublicQuestion {
  return {
    id: nextId++,
    page: 1,
    kind,
    prompt: `${kind}?`,
    helpText: "",
    options: [],
    allowOther: false,
    required: false,
    role: null,
    ...extra,
  };
}

function parseOne(question: PublicQuestion, input: Record<string, string | string[]>) {
  const result = parsePageAnswers([question], input);
  return result.success ? { value: result.data[0].value } : { errors: result.errors };
}

describe("answer schema: text kinds", () => {
  it("trims short text and stores it as text", () => {
    const question = q("short_text");
    expect(parseOne(question, { [`q_${question.id}`]: "  Acme  " })).toEqual({ value: { text: "Acme", number: null, json: null } });
  });

  it("leaves an empty optional answer empty, and refuses an empty required one with a message on its field", () => {
    const optional = q("long_text");
    expect(parseOne(optional, { [`q_${optional.id}`]: "   " })).toEqual({ value: null });
    const required = q("long_text", { required: true });
    expect(parseOne(required, {})).toEqual({ errors: { [`q_${required.id}`]: ["Please answer this question."] } });
  });

  it("enforces per-kind length limits", () => {
    const short = q("short_text");
    expect(parseOne(short, { [`q_${short.id}`]: "x".repeat(MAX_SHORT_ANSWER) })).toHaveProperty("value");
    expect(parseOne(short, { [`q_${short.id}`]: "x".repeat(MAX_SHORT_ANSWER + 1) })).toHaveProperty("errors");
    const long = q("long_text");
    expect(parseOne(long, { [`q_${long.id}`]: "x".repeat(MAX_TEXT_ANSWER) })).toHaveProperty("value");
    expect(parseOne(long, { [`q_${long.id}`]: "x".repeat(MAX_TEXT_ANSWER + 1) })).toHaveProperty("errors");
  });

  it("validates and lower-cases email", () => {
    const email = q("email");
    expect(parseOne(email, { [`q_${email.id}`]: "Dana@Example.COM" })).toEqual({
      value: { text: "dana@example.com", number: null, json: null },
    });
    expect(parseOne(email, { [`q_${email.id}`]: "not an email" })).toHaveProperty("errors");
  });

  it("takes the last value when a text field is posted twice (wrong type: array)", () => {
    const short = q("short_text");
    expect(parseOne(short, { [`q_${short.id}`]: ["a", "b"] })).toEqual({ value: { text: "b", number: null, json: null } });
  });
});

describe("answer schema: numbers and scales", () => {
  it("scale 0-10 accepts integers in range only", () => {
    const scale = q("scale_0_10", { required: true });
    expect(parseOne(scale, { [`q_${scale.id}`]: "0" })).toEqual({ value: { text: null, number: 0, json: null } });
    expect(parseOne(scale, { [`q_${scale.id}`]: "10" })).toEqual({ value: { text: null, number: 10, json: null } });
    for (const bad of ["11", "-1", "5.5", "ten"]) expect(parseOne(scale, { [`q_${scale.id}`]: bad })).toHaveProperty("errors");
    expect(parseOne(scale, {})).toEqual({ errors: { [`q_${scale.id}`]: ["Please choose a value."] } });
  });

  it("rating 1-5 refuses 0 and 6", () => {
    const rating = q("rating_1_5");
    expect(parseOne(rating, { [`q_${rating.id}`]: "5" })).toEqual({ value: { text: null, number: 5, json: null } });
    expect(parseOne(rating, { [`q_${rating.id}`]: "0" })).toHaveProperty("errors");
    expect(parseOne(rating, { [`q_${rating.id}`]: "6" })).toHaveProperty("errors");
  });

  it("number accepts decimals (comma or point) and refuses junk and huge values", () => {
    const number = q("number");
    expect(parseOne(number, { [`q_${number.id}`]: "3,5" })).toEqual({ value: { text: null, number: 3.5, json: null } });
    expect(parseOne(number, { [`q_${number.id}`]: "-12" })).toEqual({ value: { text: null, number: -12, json: null } });
    expect(parseOne(number, { [`q_${number.id}`]: "12abc" })).toHaveProperty("errors");
    expect(parseOne(number, { [`q_${number.id}`]: "1e20" })).toHaveProperty("errors");
    expect(parseOne(number, { [`q_${number.id}`]: "Infinity" })).toHaveProperty("errors");
  });
});

describe("answer schema: choices and consent", () => {
  const options = ["Red", "Green", "Blue"];

  it("single choice must be one of the options", () => {
    const single = q("single_choice", { options, required: true });
    expect(parseOne(single, { [`q_${single.id}`]: "Green" })).toEqual({ value: { text: "Green", number: null, json: null } });
    expect(parseOne(single, { [`q_${single.id}`]: "Purple" })).toHaveProperty("errors");
    expect(parseOne(single, { [`q_${single.id}`]: ["Red", "Green"] })).toHaveProperty("errors");
    expect(parseOne(single, {})).toEqual({ errors: { [`q_${single.id}`]: ["Please choose an option."] } });
  });

  it("single choice 'other' is stored with the prefix, and needs its text", () => {
    const single = q("single_choice", { options, allowOther: true });
    expect(parseOne(single, { [`q_${single.id}`]: OTHER_VALUE, [`q_${single.id}_other`]: " Mauve " })).toEqual({
      value: { text: `${OTHER_PREFIX}Mauve`, number: null, json: null },
    });
    expect(parseOne(single, { [`q_${single.id}`]: OTHER_VALUE })).toEqual({
      errors: { [`q_${single.id}_other`]: [expect.stringContaining("Other")] },
    });
    const noOther = q("single_choice", { options });
    expect(parseOne(noOther, { [`q_${noOther.id}`]: OTHER_VALUE, [`q_${noOther.id}_other`]: "x" })).toHaveProperty("errors");
  });

  it("multiple choice keeps the chosen list (deduplicated) with 'other' text", () => {
    const multi = q("multiple_choice", { options, allowOther: true, required: true });
    expect(parseOne(multi, { [`q_${multi.id}`]: ["Blue", "Red", "Blue", OTHER_VALUE], [`q_${multi.id}_other`]: "Teal" })).toEqual({
      value: { text: null, number: null, json: ["Blue", "Red", `${OTHER_PREFIX}Teal`] },
    });
    expect(parseOne(multi, { [`q_${multi.id}`]: "Red" })).toEqual({ value: { text: null, number: null, json: ["Red"] } });
    expect(parseOne(multi, {})).toEqual({ errors: { [`q_${multi.id}`]: ["Please choose at least one option."] } });
    expect(parseOne(multi, { [`q_${multi.id}`]: ["Red", "Nope"] })).toHaveProperty("errors");
    expect(parseOne(multi, { [`q_${multi.id}`]: OTHER_VALUE, [`q_${multi.id}_other`]: "x".repeat(MAX_SHORT_ANSWER + 1) })).toHaveProperty(
      "errors",
    );
  });

  it("consent is 0 when left unticked and 1 when ticked; a required one must be ticked", () => {
    const consent = q("consent");
    expect(parseOne(consent, {})).toEqual({ value: { text: null, number: 0, json: null } });
    expect(parseOne(consent, { [`q_${consent.id}`]: "on" })).toEqual({ value: { text: null, number: 1, json: null } });
    const required = q("consent", { required: true });
    expect(parseOne(required, {})).toHaveProperty("errors");
  });
});

describe("a page of answers", () => {
  it("reports every failing field at once and ignores fields of questions not on the page", () => {
    const a = q("short_text", { required: true });
    const b = q("scale_0_10", { required: true });
    const c = q("short_text");
    const result = parsePageAnswers([a, b, c], { [`q_${c.id}`]: "kept", q_999999: "unknown question", [`q_${b.id}`]: "42" });
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(result.errors).sort()).toEqual([`q_${a.id}`, `q_${b.id}`].sort());
    const ok = parsePageAnswers([c], { [`q_${c.id}`]: "fine", q_999999: "ignored" });
    expect(ok).toEqual({ success: true, data: [{ questionId: c.id, value: { text: "fine", number: null, json: null } }] });
  });

  it("keeps what was typed for the re-render, only for the page's own fields", () => {
    const a = q("long_text");
    const m = q("multiple_choice", { options: ["A", "B"], allowOther: true });
    const values = pageFormValues([a, m], {
      [`q_${a.id}`]: "my story",
      [`q_${m.id}`]: ["A", OTHER_VALUE],
      [`q_${m.id}_other`]: "C",
      page: "1",
      q_424242: "x",
    });
    expect(values).toEqual({ [`q_${a.id}`]: "my story", [`q_${m.id}`]: ["A", OTHER_VALUE], [`q_${m.id}_other`]: "C" });
  });

  it("turns stored answers back into the same form values", () => {
    const m = q("multiple_choice", { options: ["A", "B"], allowOther: true });
    const input = { [`q_${m.id}`]: ["B", OTHER_VALUE], [`q_${m.id}_other`]: "Zed" };
    const parsed = parsePageAnswers([m], input);
    if (!parsed.success) throw new Error("expected success");
    const stored = { value_text: null, value_number: null, value_json: JSON.stringify(parsed.data[0].value!.json) };
    expect(answerFormValues(m, stored)).toEqual(input);
    const s = q("single_choice", { options: ["A"], allowOther: true });
    expect(answerFormValues(s, { value_text: `${OTHER_PREFIX}Q`, value_number: null, value_json: null })).toEqual({
      [`q_${s.id}`]: OTHER_VALUE,
      [`q_${s.id}_other`]: "Q",
    });
    const c = q("consent");
    expect(answerFormValues(c, { value_text: null, value_number: 1, value_json: null })).toEqual({ [`q_${c.id}`]: "on" });
    expect(answerFormValues(c, { value_text: null, value_number: 0, value_json: null })).toEqual({});
  });
});

describe("page meta and link parameters", () => {
  it("needs a page number and an idempotency key or resume token", () => {
    expect(PageMetaSchema.safeParse({ page: "1", idem: "abcdefghijklmnopqrstuvwx" }).success).toBe(true);
    expect(PageMetaSchema.safeParse({ page: "1" }).success).toBe(false);
    expect(PageMetaSchema.safeParse({ page: "x", idem: "abcdefghijklmnopqrstuvwx" }).success).toBe(false);
    expect(PageMetaSchema.safeParse({ page: "1", idem: "short" }).success).toBe(false);
    expect(PageMetaSchema.safeParse({ page: "1", r: "<script>alert(1)</script>aaaaaaaa" }).success).toBe(false);
  });

  it("keeps known sources, drops unknown ones, trims and caps the rest", () => {
    expect(AttributionSchema.parse({ src: "sales", rep: " Jo ", utm_source: "linkedin", utm_campaign: "q3" })).toEqual({
      src: "sales",
      rep: "Jo",
      utm_source: "linkedin",
      utm_campaign: "q3",
    });
    expect(AttributionSchema.parse({ src: "hacker", utm_source: "x".repeat(1000) })).toEqual({
      src: undefined,
      rep: undefined,
      utm_campaign: undefined,
      utm_source: "x".repeat(200),
    });
    expect(AttributionSchema.parse({ src: ["sales", "partner"] }).src).toBeUndefined();
  });
});

describe("draft answers (leaving a page by Previous page)", () => {
  it("keeps valid answers, clears emptied ones even when required, and leaves not-yet-valid ones out", () => {
    const story = q("long_text", { required: true });
    const severity = q("scale_0_10", { required: true });
    const email = q("email");
    const role = q("single_choice", { required: true, options: ["Buyer", "User"] });
    const industry = q("single_choice", { options: ["Retail"], allowOther: true });
    const draft = parseDraftAnswers([story, severity, email, role, industry], {
      [`q_${story.id}`]: "Backups failed twice.",
      [`q_${severity.id}`]: "11",
      [`q_${email.id}`]: "dana@",
      [`q_${role.id}`]: "",
      [`q_${industry.id}`]: OTHER_VALUE,
    });
    expect(draft).toEqual([
      { questionId: story.id, value: { text: "Backups failed twice.", number: null, json: null } },
      { questionId: role.id, value: null },
    ]);
  });

  it("an empty page clears every answer on it; a malformed post saves nothing", () => {
    const a = q("short_text", { required: true });
    const b = q("multiple_choice", { options: ["x", "y"] });
    expect(parseDraftAnswers([a, b], {})).toEqual([
      { questionId: a.id, value: null },
      { questionId: b.id, value: null },
    ]);
    expect(parseDraftAnswers([a], { [`q_${a.id}`]: 42 } as unknown as Record<string, string>)).toEqual([]);
  });
});
