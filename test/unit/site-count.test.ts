import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../app/prospects/profile.js";
import { readiness } from "../../app/prospects/readiness.js";
import { completionFacts } from "../../app/surveys/submission.server.js";
import type { PublicQuestion } from "../../app/surveys/answer-schema.js";
import { SITE_COUNT_OPTIONS } from "../../app/surveys/template.js";

const question: PublicQuestion = {
  id: 1,
  page: 1,
  kind: "single_choice",
  prompt: "Sites?",
  helpText: "",
  options: [...SITE_COUNT_OPTIONS],
  allowOther: false,
  required: true,
  role: "site_count",
};

function gatePasses(siteAnswer: string, maxSites: number): boolean {
  return readiness({ site_count: [{ text: siteAnswer }] }, [], { ...DEFAULT_PROFILE, gates: { ...DEFAULT_PROFILE.gates, maxSites } }).checks
    .gates;
}

describe("site count: one reading for what is stored and what is gated", () => {
  it("stores the count the gate reads from the answer, for every template band", () => {
    for (const option of SITE_COUNT_OPTIONS) {
      const stored = completionFacts([question], new Map([[1, { text: option, number: null }]]), "respondent").company?.siteCount;
      expect(stored, option).not.toBeNull();
      // A prospect scored from the stored company (no answer at hand) passes the same gates as one
      // scored from the answer itself.
      for (const maxSites of [1, 2, 3, 5, 6, 20, 21, 100, 101]) {
        expect(gatePasses(String(stored), maxSites), `${option} with at most ${maxSites}`).toBe(gatePasses(option, maxSites));
      }
    }
  });
});
