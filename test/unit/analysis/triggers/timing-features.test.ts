import { describe, expect, it } from "vitest";
import { parseClauses } from "../../../../analysis/triggers/parse";
import { timingFeatures } from "../../../../analysis/triggers/timing";

const features = (text: string) => timingFeatures(parseClauses(text), 0, 0);

describe("timing features", () => {
  it.each([
    ["We were hacked three weeks ago", "c:chrono:past"],
    ["The renewal is in 60 days", "c:chrono:future"],
    ["the audit is next quarter", "c:chrono:future"],
    ["the audit has to be done by Q3", "c:biz:future"],
    ["licence runs out at the end of the fiscal year", "c:biz:future"],
    ["we've tripled the fleet since spring", "c:biz:past"],
    ["the ERP fell over", "c:pastform"],
    ["the vendor will sunset it", "c:will"],
    ["we are going to open two stores", "c:goingto"],
    ["we have grown a lot", "c:perfect"],
  ])("%s has %s", (text, feature) => {
    expect(features(text)).toContain(feature);
  });

  it("a bare month is a date, not a direction", () => {
    const f = features("our term is up in May");
    expect(f).toContain("c:month");
    expect(f).not.toContain("c:chrono:past");
    expect(f).not.toContain("c:chrono:future");
  });
});
