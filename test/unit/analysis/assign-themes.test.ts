import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeThemes, assignToThemes, parseThemeModel, serializeThemeModel } from "../../../analysis/index";

const invoices = ["invoice amount wrong", "wrong invoice amount again", "invoice amount does not match", "the invoice amount is wrong"];
const passwords = [
  "password reset email missing",
  "password reset link expired",
  "cannot finish password reset",
  "password reset never arrives",
];
const outages = ["server outage during close", "another server outage today", "server outage took us down", "long server outage"];

describe("assignToThemes", () => {
  const result = analyzeThemes([...invoices, ...passwords, ...outages], { k: 3, seed: 1 });
  const model = result.model!;
  const themeOf = (row: number) => result.assignments[row];

  it("places new answers in the theme of the answers they resemble", () => {
    const placed = assignToThemes(model, ["my invoice amount is wrong", "the password reset link is broken", "server outage again"]);
    expect(placed.map((p) => p.theme)).toEqual([themeOf(0), themeOf(4), themeOf(8)]);
    for (const p of placed) expect(p.similarity).toBeGreaterThanOrEqual(model.minSimilarity);
  });

  it("leaves answers with no known word unassigned", () => {
    expect(assignToThemes(model, ["zebra xylophone", "", "😀"])).toEqual([
      { theme: -1, similarity: 0 },
      { theme: -1, similarity: 0 },
      { theme: -1, similarity: 0 },
    ]);
  });

  it("gives the run's own answers their run's theme", () => {
    const texts = [...invoices, ...passwords, ...outages];
    expect(assignToThemes(model, texts).map((p) => p.theme)).toEqual(result.assignments);
  });

  it("survives storage as JSON unchanged", () => {
    const restored = parseThemeModel(serializeThemeModel(model));
    expect(restored).toEqual(model);
    expect(assignToThemes(restored, ["wrong invoice amount"])).toEqual(assignToThemes(model, ["wrong invoice amount"]));
  });

  it("works when there are fewer texts than terms (the other SVD path)", () => {
    const long = [
      "billing invoice totals wrong every month finance team chases credits refunds",
      "invoice totals wrong again finance asks refunds credits billing mess",
      "login password reset emails lost spam filters security team blocks resets",
      "password reset emails never arrive security lockouts login failures",
    ];
    const r = analyzeThemes(long, { k: 2, seed: 3 });
    expect(assignToThemes(r.model!, long).map((p) => p.theme)).toEqual(r.assignments);
  });

  it("has no model when nothing could be clustered", () => {
    expect(analyzeThemes([]).model).toBeNull();
    expect(analyzeThemes(["the", "and"]).model).toBeNull();
  });

  it("always returns one placement per text, a theme of the model or -1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom("invoice wrong", "password reset", "server outage")), { maxLength: 20 }),
        (texts) => {
          const placed = assignToThemes(model, texts);
          expect(placed).toHaveLength(texts.length);
          for (const p of placed) expect(p.theme >= -1 && p.theme < result.k && Number.isFinite(p.similarity)).toBe(true);
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  });
});
