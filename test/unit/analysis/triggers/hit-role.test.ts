import { describe, expect, it } from "vitest";
import { extractFeatures } from "../../../../analysis/triggers/features";
import type { TriggerType } from "../../../../analysis/triggers/types";

/** The role features of one type's lexicon hits: "Lmod" (modifies the next noun), "Lpobj" (after a noun + preposition). */
function roles(text: string, type: TriggerType): string[] {
  return (extractFeatures(text).byType.get(type) ?? []).filter((f) => f === "Lmod" || f === "Lpobj").sort();
}

describe("a trigger word's role in its clause", () => {
  it("marks a trigger noun that modifies the next noun", () => {
    expect(roles("We need better renewal tracking for our customers.", "contract_renewal")).toEqual(["Lmod"]);
    expect(roles("The growth plan is too expensive.", "growth")).toEqual(["Lmod"]);
  });

  it("marks a trigger noun after a noun and a preposition", () => {
    expect(roles("The report on outages takes a day.", "outage")).toEqual(["Lpobj"]);
  });

  it("leaves a trigger that heads its phrase unmarked", () => {
    expect(roles("Our contract renewal is in June.", "contract_renewal")).toEqual([]);
    expect(roles("We had an outage on Monday.", "outage")).toEqual([]);
    expect(roles("We had a data breach in May.", "security_incident")).toEqual([]);
  });

  it("keeps the matched words only for a trigger that heads its phrase", () => {
    const features = extractFeatures("We need better renewal tracking.").byType.get("contract_renewal") ?? [];
    expect(features.some((f) => f.startsWith("M:"))).toBe(false);
    expect(features.some((f) => f.startsWith("Lmod:"))).toBe(true);
  });
});
