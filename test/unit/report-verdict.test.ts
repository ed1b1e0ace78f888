import { describe, expect, it } from "vitest";
import { shareOf, wilson } from "../../app/report/stats";
import { DEFAULT_RULE, evaluateVerdict, neededToLose, neededToReach, ruleFromForm, VerdictRuleForm } from "../../app/report/verdict";

describe("Wilson 95% interval", () => {
  it("matches the published values for small samples", () => {
    // Brown, Cai & DasGupta (2001) / Newcombe (1998) tables: 5/10, 1/10, 0/10.
    const half = wilson(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const one = wilson(1, 10);
    expect(one.low).toBeCloseTo(0.0179, 4);
    expect(one.high).toBeCloseTo(0.4042, 4);
    expect(wilson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
  });

  it("stays inside [0, 1], is symmetric, and knows nothing without answers", () => {
    expect(wilson(10, 10).high).toBe(1);
    const a = wilson(3, 17);
    const b = wilson(14, 17);
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
    expect(shareOf(0, 0).share).toBe(0);
    expect(() => wilson(4, 3)).toThrow(RangeError);
  });

  it("narrows as the sample grows at the same share", () => {
    const small = wilson(3, 10);
    const large = wilson(300, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe("respondents needed to change a condition", () => {
  it("counts the fewest additions that reach a share", () => {
    // (3 + m) / (20 + m) >= 0.3 first holds at m = 5: 8/25 = 32%, while 7/24 = 29.2%.
    expect(neededToReach(3, 20, 0.3)).toBe(5);
    expect(neededToReach(6, 20, 0.3)).toBe(0);
    expect(neededToReach(0, 0, 0.3)).toBe(1);
    expect(neededToReach(9, 10, 1)).toBeNull();
  });

  it("counts the fewest non-meeting additions that lose it", () => {
    // 10 / (20 + d) < 0.3 first holds at d = 14: 10/34 = 29.4%, while 10/33 = 30.3%.
    expect(neededToLose(10, 20, 0.3)).toBe(14);
    expect(neededToLose(6, 20, 0.3)).toBe(1);
    expect(neededToLose(5, 5, 0)).toBeNull();
  });
});

describe("the verdict rule", () => {
  const rule = DEFAULT_RULE; // 30% at 7+, 20% with budget within 12 months, 10 answers

  it("is go when both conditions hold", () => {
    const v = evaluateVerdict({ pain: { atOrAbove: 12, answered: 30 }, budget: { within: 7, later: 2, answered: 30 } }, rule);
    expect(v.kind).toBe("go");
    expect(v.conditions.map((c) => c.met)).toEqual([true, true, true]);
    expect(v.changes.some((c) => /below 7 would/.test(c))).toBe(true);
  });

  it("is right but early when the pain is there and the budget comes after the window", () => {
    const v = evaluateVerdict({ pain: { atOrAbove: 15, answered: 30 }, budget: { within: 3, later: 5, answered: 30 } }, rule);
    expect(v.kind).toBe("early");
    expect(v.label).toBe("Right but early");
    // 3 of 30 is 10%: (3 + m) / (30 + m) >= 20% first at m = 4 (7/34 = 20.6%).
    expect(v.changes).toContain(
      "4 more respondents with budget and a decision within 12 months would turn the verdict to go (other figures unchanged).",
    );
  });

  it("is no-go without the pain, and says how many more at 7+ it would take", () => {
    // 6 of 30 at 7+: (6 + m) / (30 + m) >= 30% first at m = 5 (11/35 = 31.4%).
    const v = evaluateVerdict({ pain: { atOrAbove: 6, answered: 30 }, budget: { within: 9, later: 0, answered: 30 } }, rule);
    expect(v.kind).toBe("no_go");
    expect(v.changes[0]).toBe("5 more respondents at 7+ would turn the verdict to go (other figures unchanged).");
  });

  it("does not decide on too few answers or a missing question", () => {
    const few = evaluateVerdict({ pain: { atOrAbove: 5, answered: 6 }, budget: { within: 5, later: 0, answered: 6 } }, rule);
    expect(few.kind).toBe("insufficient");
    expect(few.changes).toEqual(["4 more respondents would let the rule decide."]);
    const missing = evaluateVerdict({ pain: { atOrAbove: 20, answered: 30 }, budget: null }, rule);
    expect(missing.kind).toBe("insufficient");
    expect(missing.reasons[0]).toMatch(/does not ask both the budget and the decision timeline/);
  });

  it("flags a condition whose interval straddles the threshold", () => {
    const v = evaluateVerdict({ pain: { atOrAbove: 11, answered: 30 }, budget: { within: 15, later: 0, answered: 30 } }, rule);
    expect(v.kind).toBe("go");
    expect(v.conditions[0].unsettled).toBe(true);
    expect(v.reasons.some((r) => r.startsWith("Rate the pain 7 or more: the 95% interval"))).toBe(true);
  });

  it("parses the form in percent and refuses out-of-range values field by field", () => {
    const ok = VerdictRuleForm.safeParse({
      painThreshold: "8",
      minPainPercent: "40",
      minBudgetPercent: "25",
      withinMonths: "6",
      minRespondents: "20",
    });
    expect(ok.success && ruleFromForm(ok.data)).toEqual({
      painThreshold: 8,
      minPainShare: 0.4,
      minBudgetShare: 0.25,
      withinMonths: 6,
      minRespondents: 20,
    });
    const bad = VerdictRuleForm.safeParse({
      painThreshold: "11",
      minPainPercent: "150",
      minBudgetPercent: "x",
      withinMonths: "5",
      minRespondents: "0",
    });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error?.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["painThreshold", "minPainPercent", "minBudgetPercent", "withinMonths", "minRespondents"]));
  });
});
