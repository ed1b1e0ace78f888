import { describe, expect, it } from "vitest";
import { pickQuotes, tokenJaccard } from "../../../analysis/quotes";

describe("tokenJaccard", () => {
  it("is shared words over all words", () => {
    expect(tokenJaccard("the card never arrived", "my card never arrived")).toBeCloseTo(3 / 5);
    expect(tokenJaccard("a b", "c d")).toBe(0);
  });
});

describe("pickQuotes (MMR)", () => {
  const candidates = [
    { row: 10, text: "My card never arrived", relevance: 0.95 },
    { row: 11, text: "my card never arrived!", relevance: 0.94 },
    { row: 12, text: "My card has never arrived yet", relevance: 0.93 },
    { row: 13, text: "Still waiting for the new card to be delivered", relevance: 0.8 },
    { row: 14, text: "Where is my card, it has been two weeks", relevance: 0.7 },
  ];
  it("takes the most central first and skips near duplicates while others exist", () => {
    const rows = pickQuotes(candidates, 3);
    expect(rows).toEqual([10, 13, 14]);
    const texts = rows.map((r) => candidates.find((c) => c.row === r)!.text);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) expect(tokenJaccard(texts[i], texts[j])).toBeLessThan(0.6);
  });
  it("falls back to near duplicates only when nothing else is left, never to verbatim copies", () => {
    expect(pickQuotes(candidates.slice(0, 3), 3)).toEqual([10, 12]);
  });
  it("returns fewer quotes than asked when there are fewer members", () => {
    expect(pickQuotes(candidates.slice(3, 4), 3)).toEqual([13]);
    expect(pickQuotes([], 3)).toEqual([]);
  });
});
