import { describe, expect, it } from "vitest";
import { detectTriggersInText } from "../../analysis/index.js";
import type { TriggerCorrectionRow } from "../../db/queries/trigger-corrections.js";
import { correctedTriggers } from "../../app/triggers/corrected-triggers.server.js";

const ransomware = "Ransomware hit our file servers last month and we were down for three days.";
const renewal = "Our firewall contract ends in June and we will pick a new vendor.";
const reject = (type: string): TriggerCorrectionRow => ({
  id: 1,
  answer_id: 7,
  trigger_type: type,
  action: "reject",
  timing: null,
  author_id: null,
  created_at: "2026-12-02T00:00:00.000Z",
});

describe("correctedTriggers remembered per answer (issue 15)", () => {
  it("gives what detecting afresh gives, on the first call and on a repeat", () => {
    const fresh = correctedTriggers(ransomware, []);
    expect(fresh.length).toBeGreaterThan(0);
    expect(correctedTriggers(ransomware, [], 7)).toEqual(fresh);
    expect(correctedTriggers(ransomware, [], 7)).toEqual(fresh);
  });

  it("detects again when the answer's text changed", () => {
    correctedTriggers(ransomware, [], 8);
    const expected = correctedTriggers(renewal, []);
    expect(expected.map((m) => m.type)).not.toEqual(correctedTriggers(ransomware, []).map((m) => m.type));
    expect(correctedTriggers(renewal, [], 8)).toEqual(expected);
  });

  it("applies corrections to the remembered findings without changing them", () => {
    const detected = detectTriggersInText(ransomware);
    const type = detected[0].type;
    expect(correctedTriggers(ransomware, [reject(type)], 9).map((m) => m.type)).not.toContain(type);
    expect(correctedTriggers(ransomware, [], 9).map((m) => ({ ...m, corrected: undefined }))).toEqual(
      detected.map((m) => ({ ...m, corrected: undefined })),
    );
  });
});
