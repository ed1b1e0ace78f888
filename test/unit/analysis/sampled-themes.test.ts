import { describe, expect, it } from "vitest";
import { analyzeThemes, analyzeThemesSampled, assignToThemes } from "../../../analysis/index";

/** Three topics with their own words, 40 texts each, interleaved as answers arrive. */
const TOPICS = [
  ["invoice", "amount", "wrong", "billing", "charge"],
  ["password", "reset", "login", "locked", "account"],
  ["server", "outage", "downtime", "crashed", "offline"],
];
const FILLER = ["again", "today", "this week", "for our team", "last month"];
const texts = Array.from({ length: 120 }, (_, i) => {
  const words = TOPICS[i % 3];
  return `${words[i % 5]} ${words[(i + 2) % 5]} ${FILLER[i % 5]} ${words[(i + 3) % 5]}`;
});
const topicOf = (row: number) => row % 3;

describe("analyzeThemesSampled", () => {
  it("at or below the threshold is exactly analyzeThemes (small studies unchanged)", () => {
    const whole = analyzeThemes(texts, { k: 3, seed: 5 });
    const sampled = analyzeThemesSampled(texts, { k: 3, seed: 5 }, { sampleAbove: texts.length, sampleSize: 30 });
    expect(sampled.sampledRows).toBeNull();
    expect({ ...sampled, sampledRows: undefined }).toEqual({ ...whole, sampledRows: undefined });
  });

  it("above the threshold fits on a seeded sample and places every other text with the model", () => {
    const sample = { sampleAbove: 50, sampleSize: 40, batchSize: 7 };
    const result = analyzeThemesSampled(texts, { k: 3, seed: 5 }, sample);
    expect(result.sampledRows).toHaveLength(40);
    expect(result.quality.sample).toEqual({ size: 40, of: 120 });
    // Every text has known words, so every text is in a theme, the 90 outside the sample too.
    expect(result.assignments.filter((c) => c < 0)).toHaveLength(0);
    expect(result.unclustered).toEqual([]);
    expect(result.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(120);
    // Outside the sample, each text is in the theme the fitted model places it nearest to.
    const inSample = new Set(result.sampledRows);
    const nearest = assignToThemes({ ...result.model!, minSimilarity: -Infinity }, texts);
    texts.forEach((_, row) => inSample.has(row) || expect(result.assignments[row]).toBe(nearest[row].theme));
    // The themes are the topics: each topic's texts are (almost all) in a theme of their own.
    const majority = [0, 1, 2].map((t) => {
      const counts = new Map<number, number>();
      result.assignments.forEach((c, row) => topicOf(row) === t && counts.set(c, (counts.get(c) ?? 0) + 1));
      return [...counts].sort((a, b) => b[1] - a[1])[0];
    });
    expect(new Set(majority.map(([theme]) => theme)).size).toBe(3);
    expect(majority.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThanOrEqual(0.9 * texts.length);
    // Quotes point into the full input (rows of the sample), and are members of their theme.
    for (const c of result.clusters)
      for (const row of c.quotes) {
        expect(inSample.has(row)).toBe(true);
        expect(result.assignments[row]).toBe(c.id);
      }
  });

  it("is deterministic: same texts and seed, same sample and same result; another seed draws another sample", () => {
    const sample = { sampleAbove: 50, sampleSize: 30 };
    const a = analyzeThemesSampled(texts, { k: 3, seed: 11 }, sample);
    const b = analyzeThemesSampled(texts, { k: 3, seed: 11 }, sample);
    expect(b).toEqual(a);
    const c = analyzeThemesSampled(texts, { k: 3, seed: 12 }, sample);
    expect(Array.from(c.sampledRows!)).not.toEqual(Array.from(a.sampledRows!));
  });

  it("leaves a text with no known word unassigned, as a whole fit does", () => {
    const withNoise = [...texts, "zebra xylophone", ""];
    const result = analyzeThemesSampled(withNoise, { k: 3, seed: 5 }, { sampleAbove: 50, sampleSize: 30 });
    for (const row of [120, 121]) if (!result.sampledRows!.includes(row)) expect(result.assignments[row]).toBe(-1);
    expect(result.unclustered).toEqual(expect.arrayContaining([121]));
  });
});
