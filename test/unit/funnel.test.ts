import { describe, expect, it } from "vitest";
import { addDays, ceilTidy, funnel, PlanSchema } from "../../app/prospects/funnel.js";

const base = { goalDeals: 10, closeRatio: 0.3, cycleDays: 90, marketingShare: 0.6, dealSize: 20000, periodStart: "2027-01-01" };

describe("funnel math", () => {
  it("10 deals at 30% need 34 qualified opportunities", () => {
    expect(funnel(base).opportunitiesNeeded).toBe(34);
  });

  it("rounds up without float noise: 21 / 0.7 is 30, not 31", () => {
    expect(21 / 0.7).toBeGreaterThan(30); // 30.000000000000004 in floating point
    expect(funnel({ ...base, goalDeals: 21, closeRatio: 0.7 }).opportunitiesNeeded).toBe(30);
    expect(funnel({ ...base, goalDeals: 9 }).opportunitiesNeeded).toBe(30);
    expect(funnel({ ...base, goalDeals: 3, closeRatio: 0.1 }).opportunitiesNeeded).toBe(30);
    expect(funnel({ ...base, goalDeals: 7, closeRatio: 0.7 }).opportunitiesNeeded).toBe(10);
    expect(funnel({ ...base, goalDeals: 1, closeRatio: 1 }).opportunitiesNeeded).toBe(1);
    expect(funnel({ ...base, goalDeals: 1, closeRatio: 0.3 }).opportunitiesNeeded).toBe(4);
    expect(ceilTidy(2.0000001)).toBe(3);
  });

  it("splits by source: marketing ceil(m x O), sales the rest", () => {
    const f = funnel(base);
    expect(f.marketingOpportunities).toBe(Math.ceil(0.6 * 34)); // 21
    expect(f.salesOpportunities).toBe(34 - 21);
    // 0.56 x 25 = 14.000000000000002 must stay 14
    expect(0.56 * 25).toBeGreaterThan(14);
    expect(funnel({ ...base, goalDeals: 25, closeRatio: 1, marketingShare: 0.56 }).marketingOpportunities).toBe(14);
    expect(funnel({ ...base, marketingShare: 0 }).marketingOpportunities).toBe(0);
    expect(funnel({ ...base, marketingShare: 1 }).salesOpportunities).toBe(0);
  });

  it("is due one sales cycle before the period starts", () => {
    expect(funnel(base).dueDate).toBe("2026-10-03");
    expect(funnel({ ...base, cycleDays: 1 }).dueDate).toBe("2026-12-31");
    expect(funnel({ ...base, periodStart: "2028-03-30", cycleDays: 30 }).dueDate).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("values the pipeline", () => {
    expect(funnel(base).revenueTarget).toBe(200000);
    expect(funnel(base).pipelineValue).toBe(34 * 20000);
  });
});

describe("plan validation", () => {
  const form = {
    periodStart: "2027-01-01",
    periodEnd: "2027-03-31",
    goalDeals: "10",
    closeRatio: "0.3",
    cycleDays: "90",
    marketingShare: "0.6",
    dealSize: "20000",
    followUpDays: "2",
  };
  const errorsOf = (patch: Record<string, string>) => {
    const r = PlanSchema.safeParse({ ...form, ...patch });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("accepts a sensible plan", () => expect(errorsOf({})).toEqual([]));
  it("refuses a zero or above-one close ratio", () => {
    expect(errorsOf({ closeRatio: "0" })[0]).toMatch(/^closeRatio: The close ratio is above 0/);
    expect(errorsOf({ closeRatio: "1.5" })[0]).toMatch(/^closeRatio/);
  });
  it("refuses fractional deals, cycle days outside 1..730, shares outside 0..1, negative deal sizes", () => {
    expect(errorsOf({ goalDeals: "2.5" })[0]).toMatch(/^goalDeals/);
    expect(errorsOf({ goalDeals: "0" })[0]).toMatch(/^goalDeals/);
    expect(errorsOf({ cycleDays: "731" })[0]).toMatch(/^cycleDays/);
    expect(errorsOf({ marketingShare: "1.1" })[0]).toMatch(/^marketingShare/);
    expect(errorsOf({ dealSize: "-1" })[0]).toMatch(/^dealSize/);
    expect(errorsOf({ goalDeals: "ten" })[0]).toMatch(/^goalDeals/);
  });
  it("refuses impossible and reversed dates", () => {
    expect(errorsOf({ periodStart: "2027-02-30" })[0]).toMatch(/^periodStart/);
    expect(errorsOf({ periodEnd: "2026-12-01" })[0]).toMatch(/^periodEnd/);
  });
});
