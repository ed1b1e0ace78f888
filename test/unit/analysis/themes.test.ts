import { describe, expect, it } from "vitest";
import { analyzeThemes, type ThemeResult } from "../../../analysis/index";

const BILLING = [
  "The invoices are always wrong and billing takes forever",
  "Billing errors on every invoice, we get charged twice",
  "Our invoice showed the wrong amount again, billing is a mess",
  "Duplicate charges on the monthly invoice",
  "Billing department sent an incorrect invoice",
  "Wrong invoice totals mean our billing team wastes hours",
];
const LOGIN = [
  "I forgot my password and the login page locked me out",
  "Password reset emails never arrive so I cannot log in",
  "Login fails with my password every Monday",
  "Locked out after a password reset, login broken",
  "Two factor login keeps rejecting my password",
  "The login screen rejects the new password",
];
const SLOW = [
  "The dashboard is so slow it takes a minute to load",
  "Reports load slowly and the dashboard times out",
  "Slow page load on the reports dashboard",
  "Everything is slow, the dashboard freezes while loading",
  "Dashboard performance is slow when reports load",
  "Loading the dashboard is painfully slow",
];
const THREE_THEMES = [...BILLING, ...LOGIN, ...SLOW];

function membersOf(result: ThemeResult, id: number): number[] {
  return result.assignments.flatMap((c, i) => (c === id ? [i] : []));
}

describe("analyzeThemes on three obvious themes", () => {
  const result = analyzeThemes(THREE_THEMES, { k: 3, seed: 7 });

  it("finds three clusters with exactly the right members", () => {
    expect(result.k).toBe(3);
    const groups = result.clusters.map((c) => membersOf(result, c.id)).sort((a, b) => a[0] - b[0]);
    expect(groups).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10, 11],
      [12, 13, 14, 15, 16, 17],
    ]);
  });

  it("labels each theme with its own words, in surface form, uniquely", () => {
    const labelOf = (row: number) => result.clusters[result.assignments[row]].label;
    expect(labelOf(0)).toMatch(/invoice|billing/);
    expect(labelOf(6)).toMatch(/password|login/);
    expect(labelOf(12)).toMatch(/dashboard|slow/);
    const labels = result.clusters.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const cluster of result.clusters) {
      expect(cluster.keywords.length).toBeGreaterThan(0);
      for (const word of cluster.label.split(" ")) expect(THREE_THEMES.join(" ").toLowerCase()).toContain(word);
    }
  });

  it("gives three member quotes, cohesion in 0..1, sizes that add up", () => {
    for (const cluster of result.clusters) {
      expect(cluster.quotes).toHaveLength(3);
      for (const quote of cluster.quotes) expect(result.assignments[quote]).toBe(cluster.id);
      expect(cluster.cohesion).toBeGreaterThan(0);
      expect(cluster.cohesion).toBeLessThanOrEqual(1);
    }
    expect(result.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(18);
    expect(result.clusters.map((c) => c.id)).toEqual([0, 1, 2]);
  });

  it("chooses a small number of themes on its own", () => {
    const auto = analyzeThemes(THREE_THEMES, { seed: 7 });
    expect(auto.k).toBeGreaterThanOrEqual(2);
    expect(auto.k).toBeLessThanOrEqual(6);
    expect(auto.quality.kSelection.candidates.length).toBeGreaterThan(0);
  });

  it("is deterministic for a seed", () => {
    expect(analyzeThemes(THREE_THEMES, { seed: 7 })).toEqual(analyzeThemes(THREE_THEMES, { seed: 7 }));
    expect(analyzeThemes(THREE_THEMES, { k: 3, seed: 7 })).toEqual(result);
  });
});

describe("analyzeThemes edge cases", () => {
  it("empty input", () => {
    const result = analyzeThemes([]);
    expect(result).toMatchObject({ k: 0, assignments: [], clusters: [], unclustered: [] });
  });

  it("one text", () => {
    const result = analyzeThemes(["Our billing system double charges customers"]);
    expect(result.k).toBe(1);
    expect(result.assignments).toEqual([0]);
    expect(result.clusters[0].quotes).toEqual([0]);
  });

  it("all texts identical gives one cluster", () => {
    const result = analyzeThemes(new Array(30).fill("Invoices are wrong every month"), { k: 5 });
    expect(result.k).toBe(1);
    expect(result.clusters[0].size).toBe(30);
  });

  it("texts with no usable words go to unclustered, never into a cluster", () => {
    const texts = ["", "   ", "😀😀😀", "the and of we our", "!!!", "12345", ...THREE_THEMES];
    const result = analyzeThemes(texts, { k: 3 });
    expect(result.unclustered).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.assignments.slice(0, 6)).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(result.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(THREE_THEMES.length);
  });

  it("only stop words and emoji everywhere: no clusters, an explanation", () => {
    const result = analyzeThemes(["we really just", "🙂", "and the"]);
    expect(result.k).toBe(0);
    expect(result.unclustered).toEqual([0, 1, 2]);
    expect(result.quality.kSelection.method).toMatch(/no usable words/);
  });

  it("non-English text and a 100 KB answer do not crash", () => {
    const texts = [
      "数据泄露很严重",
      "Die Rechnung ist falsch",
      "Das Passwort funktioniert nicht",
      "La factura está mal",
      "x".repeat(10) + " breach ".repeat(14_000),
    ];
    const result = analyzeThemes(texts);
    expect(result.assignments).toHaveLength(texts.length);
    expect(result.k).toBeGreaterThanOrEqual(1);
  });

  it("forced k larger than the number of texts is capped", () => {
    const result = analyzeThemes(BILLING.slice(0, 3), { k: 10 });
    expect(result.k).toBeLessThanOrEqual(3);
  });

  it("rejects a non-positive k", () => {
    expect(() => analyzeThemes(THREE_THEMES, { k: 0 })).toThrow(RangeError);
  });

  it("reports progress", () => {
    const stages: string[] = [];
    analyzeThemes(THREE_THEMES, { k: 3, onProgress: (_, stage) => stages.push(stage) });
    expect(stages.at(-1)).toBe("label");
  });
});
