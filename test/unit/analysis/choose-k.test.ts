import { describe, expect, it } from "vitest";
import { analyzeThemes } from "../../../analysis/index";
import { createRng } from "../../../analysis/random";

/** Made-up words, disjoint per topic: "topic 3, word 5" -> "dafemo" style, letters only. */
function word(topic: number, index: number): string {
  const consonants = "bdfgklmnprstvz";
  const vowels = "aeiou";
  const a = consonants[topic % consonants.length] + vowels[(topic >> 2) % vowels.length];
  const b = consonants[(index * 3 + 1) % consonants.length] + vowels[index % vowels.length];
  return `${a}${b}${consonants[(topic + index) % consonants.length]}o`;
}

const FILLER = [
  "product",
  "team",
  "customer",
  "issue",
  "month",
  "support",
  "system",
  "process",
  "week",
  "problem",
  "price",
  "account",
  "update",
  "manager",
  "service",
  "tool",
  "report",
  "people",
  "question",
  "company",
];

/** `topics` topics x `perTopic` texts: 3-6 words from the topic's own 15, plus 2-4 shared filler words. */
function generate(topics: number, perTopic: number, seed: number): string[] {
  const rng = createRng(seed);
  const texts: string[] = [];
  for (let i = 0; i < topics * perTopic; i++) {
    const topic = i % topics;
    const words: string[] = [];
    const own = 3 + rng.int(4);
    for (let w = 0; w < own; w++) words.push(word(topic, rng.int(15)));
    const filler = 2 + rng.int(3);
    for (let w = 0; w < filler; w++) words.splice(rng.int(words.length + 1), 0, FILLER[rng.int(FILLER.length)]);
    texts.push(words.join(" "));
  }
  return texts;
}

describe("automatic k on a larger input with known topics", () => {
  it("vocabularies are disjoint", () => {
    const seen = new Map<string, number>();
    for (let t = 0; t < 8; t++)
      for (let w = 0; w < 15; w++) {
        const key = word(t, w);
        expect(seen.get(key) ?? t).toBe(t);
        seen.set(key, t);
      }
  });

  it("8 topics x 2,000 texts: picks k near 8 and recovers the topics", () => {
    const texts = generate(8, 2000, 11);
    const result = analyzeThemes(texts, { seed: 42 });
    expect(result.k).toBeGreaterThanOrEqual(5);
    expect(result.k).toBeLessThanOrEqual(11);
    // Each found theme is (almost) pure: its members come from one generated topic.
    for (const cluster of result.clusters) {
      const counts = new Map<number, number>();
      result.assignments.forEach((c, i) => c === cluster.id && counts.set(i % 8, (counts.get(i % 8) ?? 0) + 1));
      expect(Math.max(...counts.values()) / cluster.size).toBeGreaterThan(0.9);
    }
    // Its speed is measured by npm run bench:analysis, not asserted here (shared machines are noisy).
  });

  it("the choice does not depend on the seed", () => {
    const texts = generate(8, 250, 5);
    const ks = [1, 2, 3].map((seed) => analyzeThemes(texts, { seed }).k);
    expect(ks).toEqual([8, 8, 8]);
  });
});
