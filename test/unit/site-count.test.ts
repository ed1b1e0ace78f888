import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE, type Profile } from "../../app/scoring/profile.js";
import { readiness, type AnswersByRole } from "../../app/scoring/readiness.js";
import { answersByRoleOf } from "../../app/services/readiness.server.js";
import { siteCountOf } from "../../app/surveys/site-count.js";
import { SITE_COUNT_OPTIONS } from "../../app/surveys/template.js";

describe("one reading of the site-count answer", () => {
  it("is the smallest count each template option allows", () => {
    expect(SITE_COUNT_OPTIONS.map((o) => siteCountOf(o))).toEqual([1, 2, 6, 21, 101]);
    expect([siteCountOf("12"), siteCountOf("over 50"), siteCountOf("50+"), siteCountOf("many"), siteCountOf(null)]).toEqual([12, 51, 51, null, null]);
  });

  it("gates a sales-entered company with the stored count exactly as the survey answer is gated", () => {
    const strict: Profile = { ...DEFAULT_PROFILE, gates: { ...DEFAULT_PROFILE.gates, maxSites: 4 } };
    const answers: AnswersByRole = { industry: [{ text: "Healthcare" }], region: [{ text: "Europe" }] };
    for (const option of SITE_COUNT_OPTIONS) {
      const fromSurvey = readiness({ ...answers, site_count: [{ text: option }] }, [], strict);
      // A company written from that answer stores siteCountOf(option); readiness then reads the stored number.
      const fromCompany = readiness(answersByRoleOf([], { personId: 1, industry: "Healthcare", region: "Europe", siteCount: siteCountOf(option) }), [], strict);
      expect(fromCompany.gateFailures.length > 0, option).toBe(fromSurvey.gateFailures.length > 0);
    }
  });
});
