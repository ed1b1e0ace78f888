import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeThemes, detectTriggers, TRIGGER_TYPES } from "../../../analysis/index";

describe("any array of strings gives a well-formed result", () => {
  it("analyzeThemes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom("billing invoice wrong", "login password reset", "slow dashboard", "😀", "")), {
          maxLength: 40,
        }),
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        (texts, k) => {
          const result = analyzeThemes(texts, { k, seed: 3 });
          expect(result.assignments).toHaveLength(texts.length);
          expect(result.clusters).toHaveLength(result.k);
          const sizes = new Array<number>(result.k).fill(0);
          for (const a of result.assignments) {
            expect(Number.isInteger(a) && a >= -1 && a < result.k).toBe(true);
            if (a >= 0) sizes[a]++;
          }
          result.clusters.forEach((c, id) => {
            expect(c.id).toBe(id);
            expect(c.size).toBe(sizes[id]);
            expect(c.size).toBeGreaterThan(0);
            expect(c.quotes.length).toBeGreaterThan(0);
            expect(c.quotes.every((q) => result.assignments[q] === id)).toBe(true);
            expect(c.cohesion >= 0 && c.cohesion <= 1).toBe(true);
          });
          expect(new Set(result.clusters.map((c) => c.label)).size).toBe(result.k);
          expect(result.unclustered).toEqual(result.assignments.flatMap((a, i) => (a === -1 ? [i] : [])));
          if (k !== undefined) expect(result.k).toBeLessThanOrEqual(k);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });

  it("detectTriggers", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 20 }), (texts) => {
        const result = detectTriggers(texts);
        expect(result).toHaveLength(texts.length);
        for (const mentions of result) {
          expect(new Set(mentions.map((m) => m.type)).size).toBe(mentions.length);
          for (const m of mentions) {
            expect(TRIGGER_TYPES).toContain(m.type);
            expect(["past", "upcoming", "unknown"]).toContain(m.timing);
            expect(m.phrase.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
