import { describe, expect, it } from "vitest";
import { detectTriggers, detectTriggersInText, TRIGGER_TYPES, type TriggerMention } from "../../../analysis/index";

const only = (text: string): TriggerMention[] => detectTriggersInText(text);

describe("detectTriggers: every trigger type", () => {
  const cases: [string, (typeof TRIGGER_TYPES)[number], "past" | "upcoming" | "unknown"][] = [
    ["We were hacked last year and lost customer data.", "security_incident", "past"],
    ["The ERP system crashed twice last month.", "outage", "past"],
    ["We have a SOC 2 audit coming up in Q3.", "compliance_deadline", "upcoming"],
    ["Our new CISO joined in January.", "leadership_change", "past"],
    ["Our contract renews in March.", "contract_renewal", "upcoming"],
    ["We're opening two new sites next year.", "growth", "upcoming"],
    ["We raised a Series B last spring.", "funding", "past"],
    ["We got acquired by a bigger competitor in 2023.", "merger_acquisition", "past"],
    ["Budget cuts are coming next quarter.", "cost_pressure", "upcoming"],
    ["Our current vendor will sunset the product.", "vendor_change", "upcoming"],
  ];

  it.each(cases)("%s -> %s (%s)", (text, type, timing) => {
    const mentions = only(text);
    expect(mentions).toHaveLength(1);
    expect(mentions[0].type).toBe(type);
    expect(mentions[0].timing).toBe(timing);
    expect(text).toContain(mentions[0].phrase);
  });

  it("covers all ten types", () => {
    expect(new Set(cases.map(([, type]) => type))).toEqual(new Set(TRIGGER_TYPES));
  });
});

describe("detectTriggers: negation and hypotheticals", () => {
  it.each([
    "We have never had a breach.",
    "We didn't have any downtime this year.",
    "No outages so far.",
    "There was not a single security incident.",
    "Without any price increase we are fine.",
    "What if we get hacked?",
    "Ransomware is a worry for every hospital.",
    "Our neighbour's plant flooded last spring.",
    "Faster reports would be great.",
    "Nothing happened, we are just curious.",
    "Our customer acquisition cost is too high for marketing.",
  ])("%s -> nothing", (text) => {
    expect(only(text)).toEqual([]);
  });

  it("negation stays inside its clause", () => {
    const mentions = only("We never had an outage, but our license expires next month.");
    expect(mentions.map((m) => [m.type, m.timing])).toEqual([["contract_renewal", "upcoming"]]);
  });

  it("'no longer supported' is a vendor change, not a negation", () => {
    expect(only("The tool is no longer supported.").map((m) => m.type)).toEqual(["vendor_change"]);
  });
});

describe("detectTriggers: timing", () => {
  it.each([
    ["We were breached two years ago.", "past"],
    ["We had a ransomware attack.", "past"],
    ["The audit is due next month.", "upcoming"],
    ["We will be migrating to a new platform.", "upcoming"],
    ["Our licence expires at the end of this year.", "upcoming"],
    ["Vendor end of life is forcing our hand.", "unknown"],
  ])("%s -> %s", (text, timing) => {
    expect(only(text)[0]?.timing).toBe(timing);
  });

  it("times two triggers in one answer from their own time expressions", () => {
    const mentions = only("We were acquired last year, and the contract renews next month.");
    expect(mentions.map(({ type, timing, phrase }) => ({ type, timing, phrase }))).toEqual([
      { type: "contract_renewal", timing: "upcoming", phrase: "and the contract renews next month" },
      { type: "merger_acquisition", timing: "past", phrase: "We were acquired last year" },
    ]);
    for (const m of mentions) expect(m.confidence).toBeGreaterThan(0.5);
  });
});

describe("detectTriggers: shape and robustness", () => {
  it("returns one list per text, at most one mention per type", () => {
    const result = detectTriggers(["", "hack hack hacked breach", "😀", "nothing here", "x".repeat(100_000)]);
    expect(result).toHaveLength(5);
    expect(result[1]).toHaveLength(1);
    expect(result[0]).toEqual([]);
    expect(result[2]).toEqual([]);
  });

  it("is deterministic", () => {
    const texts = ["We were hacked last year.", "Contract renews in May, budget cuts too."];
    expect(detectTriggers(texts)).toEqual(detectTriggers(texts));
  });
});

describe("detectTriggers: bad input yields nothing and no error", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "   \n\t  "],
    ["emoji only", "😀🔥💥🙈"],
    ["HTML", "<script>alert('x')</script><b>hello</b>"],
    ["German", "Wir möchten einfach nur bessere Berichte haben."],
    ["Japanese", "レポートの作成に時間がかかりすぎます。"],
    ["1 MB of one word", "lorem ".repeat(170_000)],
  ])("%s", (_name, text) => {
    expect(detectTriggersInText(text)).toEqual([]);
  });

  it("a trigger in the first 20,000 characters of a huge answer is still found", () => {
    const mentions = detectTriggersInText(`We were hacked last month. ${"blah ".repeat(200_000)}`);
    expect(mentions.map((m) => m.type)).toEqual(["security_incident"]);
  });

  it("every mention carries a confidence in [0, 1] and words from the answer", () => {
    const text = "Our contract ends in June and the new CFO wants 20% savings.";
    for (const m of detectTriggersInText(text)) {
      expect(m.confidence).toBeGreaterThanOrEqual(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(text).toContain(m.phrase);
    }
  });
});
