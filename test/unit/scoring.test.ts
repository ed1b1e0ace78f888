import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE, ProfileSchema, profileFromForm, type Profile } from "../../app/prospects/profile.js";
import { missedChecks, readiness, type AnswersByRole, type TriggerInput } from "../../app/prospects/readiness.js";
import { siteCountOf as sitesOf } from "../../app/prospects/site-count.js";

const one = (text: string) => [{ text }];
const num = (n: number) => [{ number: n }];

/** Every part 1: a textbook ready-now answer set. */
function ideal(overrides: AnswersByRole = {}): AnswersByRole {
  return {
    industry: one("Healthcare"),
    region: one("Europe"),
    site_count: one("6-20"),
    pain_severity: num(10),
    pain_story: one("We had a ransomware breach last month and lost two days."),
    cost_of_inaction: one("Another breach would cost us the contract."),
    budget: one("Allocated"),
    timeline: one("Less than 3 months"),
    buying_role: one("Decision maker"),
    project_leader: one("Yes"),
    exec_sponsor: one("Yes"),
    category_appeal: num(5),
    ...overrides,
  };
}
const breach: TriggerInput[] = [{ type: "security_incident", timing: "past", phrase: "breach last month", origin: "text" }];

/** A profile that scores only pain, so the score is exactly 100 x pain: boundaries are easy to place. */
const painOnly: Profile = { ...DEFAULT_PROFILE, criteria: [{ key: "pain", weight: 1 }] };

describe("readiness score and parts", () => {
  it("scores a textbook prospect 100 and ready now, with reasons in words", () => {
    const r = readiness(ideal(), breach, DEFAULT_PROFILE);
    expect(r.parts).toEqual({ pain: 1, trigger: 1, budget_timeline: 1, fit: 1, authority: 1 });
    expect(r.score).toBe(100);
    expect(r.band).toBe("ready_now");
    const texts = r.reasons.map((x) => x.text);
    expect(texts).toContain("Budget allocated");
    expect(texts).toContain("Decision in under 3 months");
    expect(texts.some((t) => t.startsWith("Security incident, recent") && t.includes("breach last month"))).toBe(true);
  });

  it("weights the parts as DESIGN.md says (0.30 pain, 0.20 trigger, 0.20 budget/timeline, 0.15 fit, 0.15 authority)", () => {
    // no trigger (0.20 lost), no sponsor (authority 0.75)
    const r = readiness(ideal({ exec_sponsor: one("No") }), [], DEFAULT_PROFILE);
    expect(r.parts.trigger).toBe(0);
    expect(r.parts.authority).toBe(0.75);
    expect(r.score).toBe(Math.round(100 * (0.3 + 0 + 0.2 + 0.15 + 0.15 * 0.75)));
    expect(r.reasons.map((x) => x.text)).toContain("No executive sponsor");
    expect(r.reasons.map((x) => x.text)).toContain("No buying trigger");
  });

  it("maps budget and timeline answers to 0..1", () => {
    const r = readiness(ideal({ budget: one("Could be found"), timeline: one("3-6 months") }), breach, DEFAULT_PROFILE);
    expect(r.parts.budget_timeline).toBeCloseTo((0.6 + 0.75) / 2, 9);
    const none = readiness(ideal({ budget: one("None"), timeline: one("No plans") }), breach, DEFAULT_PROFILE);
    expect(none.parts.budget_timeline).toBe(0);
  });

  it("rates a dated trigger above a ticked box above unknown timing", () => {
    const choice = readiness(ideal(), [{ type: "outage", timing: "unknown", phrase: "Outage", origin: "choice" }], DEFAULT_PROFILE);
    const vague = readiness(ideal(), [{ type: "outage", timing: "unknown", phrase: "outages", origin: "text" }], DEFAULT_PROFILE);
    const upcoming = readiness(
      ideal(),
      [{ type: "contract_renewal", timing: "upcoming", phrase: "renewal in March", origin: "text" }],
      DEFAULT_PROFILE,
    );
    expect(upcoming.parts.trigger).toBe(1);
    expect(choice.parts.trigger).toBe(0.8);
    expect(vague.parts.trigger).toBe(0.5);
    expect(upcoming.reasons.map((r) => r.text)).toContain("Contract renewal, upcoming (stated): “renewal in March”");
  });

  it("weighs a text trigger by the detector's confidence, and says how sure it is", () => {
    const maybe = readiness(
      ideal(),
      [{ type: "contract_renewal", timing: "upcoming", phrase: "renewal is probably soon", origin: "text", confidence: 0.55 }],
      DEFAULT_PROFILE,
    );
    const stated = readiness(
      ideal(),
      [{ type: "contract_renewal", timing: "upcoming", phrase: "our contract ends in June", origin: "text", confidence: 0.98 }],
      DEFAULT_PROFILE,
    );
    const likely = readiness(
      ideal(),
      [{ type: "outage", timing: "past", phrase: "the ERP fell over", origin: "text", confidence: 0.7 }],
      DEFAULT_PROFILE,
    );
    const corrected = readiness(
      ideal(),
      [{ type: "outage", timing: "past", phrase: "the ERP fell over", origin: "text", confidence: 1, corrected: true }],
      DEFAULT_PROFILE,
    );
    expect(maybe.parts.trigger).toBe(0.55);
    expect(stated.parts.trigger).toBe(0.98);
    expect(maybe.score).toBeLessThan(stated.score);
    expect(maybe.reasons.map((r) => r.text)).toContain("Contract renewal, upcoming (possible): “renewal is probably soon”");
    expect(stated.reasons.map((r) => r.text)).toContain("Contract renewal, upcoming (stated): “our contract ends in June”");
    expect(likely.reasons.map((r) => r.text)).toContain("Outage, recent (likely): “the ERP fell over”");
    expect(corrected.reasons.map((r) => r.text)).toContain("Outage, recent (corrected by marketing): “the ERP fell over”");
  });

  it("normalises by the total weight so the score stays within 0..100", () => {
    const heavy: Profile = { ...DEFAULT_PROFILE, criteria: DEFAULT_PROFILE.criteria.map((c) => ({ ...c, weight: 1 })) };
    expect(readiness(ideal(), breach, heavy).score).toBe(100);
    expect(readiness({}, [], DEFAULT_PROFILE).score).toBe(0);
  });
});

describe("band boundaries", () => {
  it("is ready now at exactly the ready score and nurture one point below", () => {
    const at = readiness(ideal({ pain_severity: num(7), cost_of_inaction: [] }), [], {
      ...painOnly,
      thresholds: { ...painOnly.thresholds, readyScore: 70 },
    });
    expect(at.score).toBe(70);
    expect(at.band).toBe("ready_now");
    const below = readiness(ideal({ pain_severity: num(7), cost_of_inaction: [] }), [], {
      ...painOnly,
      thresholds: { ...painOnly.thresholds, readyScore: 71, minPain: 0 },
    });
    expect(below.band).toBe("nurture");
    expect(below.checks).toMatchObject({ score: false, cycle: true, pain: true });
    expect(below.reasons.map((r) => r.text)).toContain("Score 70 is below 71");
  });

  it("needs pain >= minPain: 0.7 passes, 0.6 does not (even with a high score)", () => {
    const lenient = { ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, readyScore: 0 } };
    expect(readiness(ideal({ pain_severity: num(7), cost_of_inaction: [] }), breach, lenient).band).toBe("ready_now");
    const low = readiness(ideal({ pain_severity: num(6), cost_of_inaction: [] }), breach, lenient);
    expect(low.parts.pain).toBe(0.6);
    expect(low.band).toBe("nurture");
    expect(missedChecks(low.checks)).toBe(1);
    // cost of inaction lifts 0.6 to 0.7: float noise must not keep them out
    expect(readiness(ideal({ pain_severity: num(6) }), breach, lenient).band).toBe("ready_now");
  });

  it("needs the decision within one sales cycle", () => {
    const r = readiness(ideal({ timeline: one("3-6 months") }), breach, DEFAULT_PROFILE);
    expect(r.score).toBeGreaterThanOrEqual(70);
    expect(r.checks.cycle).toBe(false);
    expect(r.band).toBe("nurture");
    expect(r.reasons.map((x) => x.text)).toContain("Decision in 3-6 months: beyond the 90-day sales cycle");
    const longCycle = { ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, cycleDays: 182 } };
    expect(readiness(ideal({ timeline: one("3-6 months") }), breach, longCycle).band).toBe("ready_now");
  });

  it("a low score is nurture, never ready now", () => {
    const r = readiness(
      ideal({ pain_severity: num(2), cost_of_inaction: [], budget: one("None"), timeline: one("No plans") }),
      [],
      DEFAULT_PROFILE,
    );
    expect(r.band).toBe("nurture");
    expect(r.score).toBeLessThan(70);
  });
});

describe("gates", () => {
  const tight: Profile = { ...DEFAULT_PROFILE, gates: { industries: ["Healthcare", "Retail"], regions: ["Europe"], maxSites: 5 } };

  it("passes when industry, region and sites are inside the profile", () => {
    expect(readiness(ideal({ site_count: one("2-5") }), breach, tight).band).toBe("ready_now");
  });

  it("fails the industry gate whatever the score", () => {
    const r = readiness(ideal({ industry: one("Logistics"), site_count: one("1") }), breach, tight);
    expect(r.band).toBe("not_a_fit");
    expect(r.score).toBeGreaterThanOrEqual(70);
    expect(r.reasons[0]).toEqual({ text: "Fails gate: industry Logistics not in profile", tone: "gate" });
  });

  it("fails the region gate", () => {
    const r = readiness(ideal({ region: one("Latin America"), site_count: one("1") }), breach, tight);
    expect(r.band).toBe("not_a_fit");
    expect(r.gateFailures).toEqual(["Fails gate: region Latin America not in profile"]);
  });

  it("fails the site gate above maxSites and passes at it", () => {
    const r = readiness(ideal({ site_count: one("6-20") }), breach, tight);
    expect(r.band).toBe("not_a_fit");
    expect(r.gateFailures[0]).toBe("Fails gate: 6-20 sites (profile allows at most 5)");
    expect(readiness(ideal({ site_count: one("5") }), breach, tight).band).toBe("ready_now");
    expect(readiness(ideal({ site_count: one("More than 100") }), breach, DEFAULT_PROFILE).band).toBe("not_a_fit");
    expect(readiness(ideal({ site_count: one("21-100") }), breach, DEFAULT_PROFILE).band).toBe("ready_now");
  });

  it("treats an 'Other: ...' industry as allowed when Other is in the list", () => {
    expect(readiness(ideal({ industry: one("Other: Mining") }), breach, DEFAULT_PROFILE).checks.gates).toBe(true);
    expect(readiness(ideal({ industry: one("Other: Mining") }), breach, tight).checks.gates).toBe(false);
  });

  it("reads site counts from the template options", () => {
    expect(sitesOf("1")).toBe(1);
    expect(sitesOf("2-5")).toBe(2);
    expect(sitesOf("More than 100")).toBe(101);
    expect(sitesOf(undefined)).toBeNull();
  });
});

describe("profile validation", () => {
  it("accepts the DESIGN.md defaults", () => {
    expect(ProfileSchema.safeParse(DEFAULT_PROFILE).success).toBe(true);
    expect(DEFAULT_PROFILE.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 9);
  });

  it("refuses weights outside 0..1, thresholds outside 0..100 and an empty criteria list, with messages", () => {
    const bad = (patch: unknown) => {
      const r = ProfileSchema.safeParse(patch);
      expect(r.success).toBe(false);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(bad({ ...DEFAULT_PROFILE, criteria: [{ key: "pain", weight: 1.5 }] })).toContain("Weights are between 0 and 1.");
    expect(bad({ ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, readyScore: 101 } })).toContain(
      "The ready-now score is between 0 and 100.",
    );
    expect(bad({ ...DEFAULT_PROFILE, criteria: [] })).toContain("Keep at least one scored criterion.");
  });

  it("reads the admin form", () => {
    const parsed = ProfileSchema.safeParse(
      profileFromForm({
        industries: ["Retail"],
        regions: "Europe",
        maxSites: "10",
        use_pain: "on",
        weight_pain: "0.5",
        weight_fit: "0.9",
        readyScore: "60",
        minPain: "0.5",
        cycleDays: "120",
      }),
    );
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(parsed.data.criteria).toEqual([{ key: "pain", weight: 0.5 }]);
      expect(parsed.data.gates).toEqual({ industries: ["Retail"], regions: ["Europe"], maxSites: 10 });
    }
    expect(
      ProfileSchema.safeParse(
        profileFromForm({ industries: "Retail", regions: "Europe", maxSites: "x", readyScore: "60", minPain: "0.5", cycleDays: "90" }),
      ).success,
    ).toBe(false);
  });
});
