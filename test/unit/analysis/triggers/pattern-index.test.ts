import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../../analysis/triggers/corpus";
import { COMPILED, candidatePatterns } from "../../../../analysis/triggers/features";
import { parseClauses } from "../../../../analysis/triggers/parse";
import { buildPatternIndex, requiredPrefixes } from "../../../../analysis/triggers/pattern-index";

describe("required prefixes of a lexicon pattern", () => {
  it.each([
    ["(?:be|get) (?:pop|pwn|hack)", ["pop", "pwn", "hack"]],
    ["lurk\\S*", ["lurk"]],
    ["(?:be |get )?compromise", ["compromise"]],
    ["soc ?2", ["soc"]],
    ["(?<!head of )(?:audit|inspection)", ["audit", "inspection"]],
    ["new (?:\\S+ ){0,1}(?:ceo|cfo)", ["ceo", "cfo"]],
    ["(?:hour|day)s? (?:of )?(?:downtime|outage)", ["downtime", "outage"]],
  ])("%s needs one of %j", (source, expected) => {
    expect(requiredPrefixes(source)?.sort()).toEqual([...expected].sort());
  });

  it("gives no requirement when every part is optional or a class", () => {
    expect(requiredPrefixes("(?:\\$|€)?\\d[\\d.,]*")).toBeNull();
    expect(requiredPrefixes("(?:a|\\d+) ?x")).toBeNull();
  });

  it("a word opens the patterns whose prefix it starts with, and only those", () => {
    const index = buildPatternIndex(["lurk\\S*", "(?:be|get) hack", "\\d+ ?%"]);
    expect(index.candidates(["lurking"])).toEqual([0, 2]);
    expect(index.candidates(["hack", "be"])).toEqual([1, 2]);
    expect(index.candidates(["weather"])).toEqual([2]);
  });
});

describe("the pattern index on the corpus", () => {
  it("never drops a pattern that matches a clause", () => {
    const clauses = loadCorpus().flatMap((row) => parseClauses(row.text));
    let dropped = 0;
    let candidates = 0;
    for (const clause of clauses) {
      const allowed = new Set(candidatePatterns(clause));
      candidates += allowed.size;
      COMPILED.forEach(({ regex }, i) => {
        for (const text of [clause.lemmaText, clause.surfaceText]) {
          regex.lastIndex = 0;
          if (regex.exec(text) !== null && !allowed.has(i)) dropped++;
        }
      });
    }
    expect(dropped).toBe(0);
    // The point of the index: a small share of the lexicon runs per clause.
    expect(candidates / clauses.length).toBeLessThan(COMPILED.length / 5);
  }, 60_000);
});

describe("lemma back-off to the lexicon's words", () => {
  const lemmas = (text: string) => parseClauses(text).flatMap((c) => c.tokens.map((t) => t.lemma));
  it.each([
    ["The tool is being retired next year.", "retire"],
    ["We were fined by the regulator.", "fine"],
    ["The product was sunsetted in May.", "sunset"],
  ])("%s reads %s", (text, lemma) => {
    expect(lemmas(text)).toContain(lemma);
  });

  it("leaves words the lexicon does not use as wink read them", () => {
    expect(lemmas("We booked a table.")).toContain("book");
  });
});
