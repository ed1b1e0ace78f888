import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeThemes } from "../../../analysis/index";
import { chooseName, isGenericPhrase, mergeWordOrders, nameThemes, type NamedCandidate } from "../../../analysis/names";
import { extractPhrases } from "../../../analysis/phrases";
import { STOP_WORDS } from "../../../analysis/stopwords";
import { summarise } from "../../../analysis/summary";

const surfaces = (text: string) => extractPhrases(text).map((p) => p.surface);

describe("extractPhrases", () => {
  it("keeps noun runs and every sub-span that ends in a noun", () => {
    expect(surfaces("The ATM swallowed my card, then I waited for the branch manager")).toEqual([
      "ATM",
      "card",
      "branch",
      "manager",
      "branch manager",
    ]);
  });
  it("never ends a phrase in a verb or a preposition and skips stop words", () => {
    const found = surfaces("We were waiting on support for days because the security breach exposed customer data");
    expect(found).toContain("security breach");
    expect(found).toContain("customer data");
    for (const phrase of found) expect(phrase.split(" ").pop()).not.toMatch(/^(waiting|on|for|exposed|because)$/);
  });
  it("gives nothing for empty or symbol-only text", () => {
    expect(extractPhrases("")).toEqual([]);
    expect(extractPhrases("  😀 !!! 123 ")).toEqual([]);
  });
});

describe("naming rules", () => {
  const candidate = (surface: string, coverage: number, score = coverage): NamedCandidate => ({ surface, key: surface, coverage, score });
  it("widens the head to a longer phrase at least half of its users write", () => {
    expect(
      chooseName([candidate("card", 0.8), candidate("card delivery", 0.5, 0.3), candidate("plastic card", 0.1, 0.05)], new Set()),
    ).toBe("card delivery");
  });
  it("keeps the shared head over a vivid phrase few members use", () => {
    expect(
      chooseName([candidate("outage", 0.7), candidate("regional outage", 0.1, 0.09), candidate("server room flood", 0.05, 0.2)], new Set()),
    ).toBe("outage");
  });
  it("takes a longer phrase around a head that already names a larger theme", () => {
    expect(
      chooseName(
        [candidate("transfer", 0.7), candidate("china", 0.2, 0.3), candidate("international transfer", 0.2, 0.1)],
        new Set(["transfer"]),
      ),
    ).toBe("international transfer");
  });
  it("treats generic words and stop words as no name", () => {
    expect(isGenericPhrase("issue")).toBe(true);
    expect(isGenericPhrase("time problem")).toBe(true);
    expect(isGenericPhrase("")).toBe(true);
    expect(isGenericPhrase("billing problem")).toBe(false);
  });
  it("names two small themes by their shared noun phrase, uniquely", () => {
    const texts = [
      "The invoice amount was wrong again",
      "Wrong invoice amount on the March invoice",
      "Our invoice amount never matches the quote",
      "Password reset email never arrives",
      "The password reset link expired",
      "I asked for a password reset twice",
    ];
    expect(
      nameThemes(
        texts,
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        [
          { label: "invoice", candidates: [] },
          { label: "password", candidates: [] },
        ],
      ),
    ).toEqual(["invoice amount", "password reset"]);
  });
  it("judges a name's last word as members write it: 'cash withdrawal' is a noun phrase though 'withdrawal' stems to 'withdraw'", () => {
    const texts = [
      "The cash withdrawal is still pending",
      "My cash withdrawal never came out of the machine",
      "Why is my cash withdrawal pending",
      "A cash withdrawal was charged twice",
      "I want to withdraw cash abroad",
    ];
    const candidates = [
      { key: "cash withdraw", surface: "cash withdrawal", coverage: 0.8, score: 0.8 * 5 },
      { key: "cash", surface: "cash", coverage: 1, score: 3 },
    ];
    expect(nameThemes(texts, [[0, 1, 2, 3, 4]], [{ label: "cash", candidates }])).toEqual(["cash withdrawal"]);
  });
});

describe("one concept in two word orders", () => {
  const nounEnd = (key: string) => key.endsWith("card") || key.endsWith("transfer");
  const participle = (word: string) => /ed$|en$/.test(word);
  it("pools 'card stolen' into the noun-final 'stolen card' members also wrote", () => {
    const merged = mergeWordOrders(
      [
        { key: "card stolen", surface: "card stolen", coverage: 0.24, score: 0.24 * 7 },
        { key: "stolen card", surface: "stolen card", coverage: 0.14, score: 0.14 * 6 },
      ],
      nounEnd,
      participle,
      new Map(),
    );
    const stolenCard = merged.find((t) => t.key === "stolen card");
    expect(stolenCard?.coverage).toBeCloseTo(0.38, 10);
    expect(stolenCard?.score).toBeCloseTo(0.24 * 7 + 0.14 * 6, 10);
    expect(stolenCard?.keys).toEqual(["stolen card", "card stolen"]);
  });
  it("takes the reversed order from the tagged sample's noun phrases", () => {
    const merged = mergeWordOrders(
      [{ key: "transfer declined", surface: "transfer declined", coverage: 0.16, score: 0.16 * 8 }],
      nounEnd,
      participle,
      new Map([["declined transfer", new Map([["declined transfer", 3]])]]),
    );
    expect(merged.map((t) => [t.surface, t.coverage])).toEqual([
      ["transfer declined", 0.16],
      ["declined transfer", 0.16],
    ]);
  });
  it("never fronts a base verb ('transfer take' stays as it is) nor invents an order nobody wrote", () => {
    const surfaces = new Map([["take transfer", new Map([["take transfer", 2]])]]);
    expect(
      mergeWordOrders([{ key: "transfer take", surface: "transfer take", coverage: 0.15, score: 1 }], nounEnd, participle, surfaces),
    ).toHaveLength(1);
    expect(
      mergeWordOrders([{ key: "card blocked", surface: "card blocked", coverage: 0.3, score: 1 }], nounEnd, participle, new Map()),
    ).toHaveLength(1);
  });
});

describe("summarise", () => {
  it("keeps a short first sentence whole", () => {
    expect(summarise("Invoices are always late. We chase them every month.")).toBe("Invoices are always late.");
  });
  it("cuts a long sentence at its last clause boundary that fits", () => {
    const text =
      "Our whole regional network went down for six hours during the quarterly close, and the support line kept us waiting on hold while customers were complaining on social media.";
    expect(summarise(text)).toBe(
      "Our whole regional network went down for six hours during the quarterly close, and the support line kept us waiting on hold…",
    );
  });
  it("is empty for blank text", () => {
    expect(summarise("   ")).toBe("");
  });
});

describe("names and summaries of any input", () => {
  it("are never empty, never a stop word or a generic word alone", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom("billing invoice wrong", "login password reset", "slow dashboard loads", "the issue", "problem", "😀", ""),
          ),
          { maxLength: 30 },
        ),
        (texts) => {
          const result = analyzeThemes(texts, { seed: 5 });
          for (const cluster of result.clusters) {
            expect(cluster.label.trim().length).toBeGreaterThan(0);
            expect(STOP_WORDS.has(cluster.label.toLowerCase())).toBe(false);
            expect(["issue", "problem", "time", "thing"]).not.toContain(cluster.label.toLowerCase());
            expect(cluster.quotes.every((q) => result.assignments[q] === cluster.id)).toBe(true);
            expect(typeof cluster.summary).toBe("string");
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe("bad input gives themes or an empty result, never an error", () => {
  const named = (texts: string[]) => analyzeThemes(texts, { seed: 2 }).clusters.map((c) => c.label);
  it("0 to 3 answers", () => {
    expect(named([])).toEqual([]);
    expect(named(["The invoice is always late"])).toHaveLength(1);
    expect(named(["The invoice is always late", "Password reset fails"]).length).toBeGreaterThan(0);
    expect(named(["invoice late", "password reset fails", "server outage"]).length).toBeGreaterThan(0);
  });
  it("identical answers make one theme named by their words", () => {
    const result = analyzeThemes(new Array(20).fill("Slow dashboard loading"), { seed: 2 });
    expect(result.k).toBe(1);
    expect(result.clusters[0].label.toLowerCase()).toContain("dashboard");
    expect(result.clusters[0].quotes).toHaveLength(1);
  });
  it("several languages and one-word answers", () => {
    const texts = [
      "Rechnung falsch",
      "Rechnung zu spät",
      "facture erronée",
      "facture en retard",
      "账单错误太多了",
      "账单总是迟到",
      "slow",
      "slow",
      "invoice",
      "invoice",
    ];
    const result = analyzeThemes(texts, { seed: 2 });
    for (const c of result.clusters) {
      expect(c.label.trim()).not.toBe("");
      expect(c.summary.length).toBeGreaterThan(0);
    }
  });
});
