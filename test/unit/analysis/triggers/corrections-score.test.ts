import { describe, expect, it } from "vitest";
import { applyCorrections } from "../../../../analysis/triggers/corrections";
import { labelsFromColumns } from "../../../../analysis/triggers/labels";
import { scoreTriggers } from "../../../../analysis/triggers/score";
import type { TriggerMention } from "../../../../analysis/triggers/types";

const renewal: TriggerMention = { type: "contract_renewal", timing: "upcoming", phrase: "contract ends in June", confidence: 0.55 };

describe("applyCorrections", () => {
  it("a rejection removes the type whatever the detector says", () => {
    expect(applyCorrections([renewal], [{ type: "contract_renewal", action: "reject", timing: null }], "x")).toEqual([]);
  });

  it("an addition puts the type in with the marketer's timing and full confidence", () => {
    expect(applyCorrections([], [{ type: "outage", action: "add", timing: "past" }], "The ERP fell over.")).toEqual([
      { type: "outage", timing: "past", phrase: "The ERP fell over.", confidence: 1, corrected: true },
    ]);
  });

  it("an addition of a detected type confirms it with the marketer's timing", () => {
    expect(applyCorrections([renewal], [{ type: "contract_renewal", action: "add", timing: "past" }], "x")).toEqual([
      { ...renewal, timing: "past", confidence: 1, corrected: true },
    ]);
  });

  it("leaves other types alone", () => {
    expect(applyCorrections([renewal], [{ type: "outage", action: "reject", timing: null }], "x")).toEqual([
      { ...renewal, corrected: false },
    ]);
  });
});

describe("scoreTriggers", () => {
  it("counts per type, micro, and timing over found triggers only", () => {
    const truth = [
      { types: ["outage" as const], timings: ["past" as const] },
      { types: ["growth" as const, "funding" as const], timings: ["upcoming" as const, "past" as const] },
      { types: [], timings: [] },
    ];
    const predicted = [
      { types: ["outage" as const], timings: ["upcoming" as const] },
      { types: ["growth" as const], timings: ["upcoming" as const] },
      { types: ["funding" as const], timings: ["past" as const] },
    ];
    const s = scoreTriggers(truth, predicted);
    expect(s.micro).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.micro.precision).toBeCloseTo(2 / 3);
    expect(s.perType.funding).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(s.timingCorrect).toBe(1);
    expect(s.timingAccuracy).toBe(0.5);
  });
});

describe("labelsFromColumns", () => {
  it("reads none, one and several types with aligned timings", () => {
    expect(labelsFromColumns(["none", "outage", "growth;funding"], ["", "past", "upcoming;past"])).toEqual([
      { types: [], timings: [] },
      { types: ["outage"], timings: ["past"] },
      { types: ["growth", "funding"], timings: ["upcoming", "past"] },
    ]);
  });

  it("refuses an unknown type or misaligned timings with the row number", () => {
    expect(() => labelsFromColumns(["breach"], ["past"])).toThrow(/row 2: unknown trigger type "breach"/);
    expect(() => labelsFromColumns(["outage;growth"], ["past"])).toThrow(/row 2: 2 types but 1 timings/);
  });
});
