import { describe, expect, it } from "vitest";
import { keepsName, keywordSimilarity, matchClusters, resolveTheme, type ExistingTheme } from "../../app/themes/theme-matching";
import { trendOf } from "../../app/board/board-cards";

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const theme = (id: number, answerIds: number[], extra: Partial<ExistingTheme> = {}): ExistingTheme => ({
  id,
  label: `theme ${id}`,
  customLabel: null,
  keywords: [],
  status: "active",
  mergedIntoId: null,
  answerIds,
  ...extra,
});

describe("matchClusters", () => {
  it("continues a theme whose members mostly reappear in a cluster, even with new answers added", () => {
    const result = matchClusters({
      themes: [theme(1, range(0, 10)), theme(2, range(10, 20))],
      clusters: [
        { index: 0, label: "b", keywords: [], answerIds: [...range(10, 20), ...range(100, 106)] },
        { index: 1, label: "a", keywords: [], answerIds: [...range(0, 9), 200] },
      ],
      userAssignments: new Map(),
    });
    expect(result.clusters.map((c) => [c.cluster, c.themeId, c.reason])).toEqual([
      [0, 2, "overlap"],
      [1, 1, "overlap"],
    ]);
  });

  it("makes a cluster of new answers with new words a new theme, and matches one with a known label by keywords", () => {
    const result = matchClusters({
      themes: [theme(1, range(0, 10), { label: "security breach", keywords: ["breach", "ransomware"] })],
      clusters: [
        { index: 0, label: "hiring engineers", keywords: ["hiring", "turnover"], answerIds: range(50, 60) },
        { index: 1, label: "security breach", keywords: ["breach"], answerIds: range(60, 64) },
      ],
      userAssignments: new Map(),
    });
    expect(result.clusters[0]).toMatchObject({ themeId: null, reason: "new" });
    expect(result.clusters[1]).toMatchObject({ themeId: 1, reason: "keywords" });
    expect(result.assignments.filter((a) => "newCluster" in a.placement)).toHaveLength(10);
  });

  it("redirects clusters of a merged theme to its target and keeps answers a user placed", () => {
    const result = matchClusters({
      themes: [theme(1, []), theme(2, [...range(0, 10), ...range(10, 20)]), theme(3, [], { status: "merged", mergedIntoId: 2 })],
      clusters: [
        { index: 0, label: "x", keywords: [], answerIds: range(0, 10) },
        { index: 1, label: "y", keywords: [], answerIds: range(10, 20) },
      ],
      userAssignments: new Map([
        [5, 1],
        [15, 3],
      ]),
    });
    expect(result.clusters.every((c) => c.themeId === 2)).toBe(true);
    const placed = new Map(result.assignments.map((a) => [a.answerId, a]));
    expect(placed.get(5)).toMatchObject({ placement: { themeId: 1 }, by: "user" });
    // a user's placement into a theme that was later merged follows the merge
    expect(placed.get(15)).toMatchObject({ placement: { themeId: 2 }, by: "user" });
    expect(result.assignments).toHaveLength(20);
  });

  it("does not let a few old answers drag a mostly new cluster into an old theme", () => {
    const result = matchClusters({
      themes: [theme(1, range(0, 30), { label: "licence costs", keywords: ["licence", "costs"] })],
      clusters: [{ index: 0, label: "vendor lock-in", keywords: ["vendor", "lock"], answerIds: [0, 1, ...range(100, 120)] }],
      userAssignments: new Map(),
    });
    expect(result.clusters[0].themeId).toBeNull();
  });
});

describe("resolveTheme and similarity", () => {
  it("follows merge chains and survives cycles", () => {
    const themes = new Map([
      [1, { id: 1, status: "merged" as const, mergedIntoId: 2 }],
      [2, { id: 2, status: "merged" as const, mergedIntoId: 3 }],
      [3, { id: 3, status: "active" as const, mergedIntoId: null }],
      [4, { id: 4, status: "merged" as const, mergedIntoId: 5 }],
      [5, { id: 5, status: "merged" as const, mergedIntoId: 4 }],
    ]);
    expect(resolveTheme(themes, 1)).toBe(3);
    expect(resolveTheme(themes, 4)).toBeNull();
    expect(resolveTheme(themes, 99)).toBeNull();
  });

  it("scores keyword overlap", () => {
    expect(keywordSimilarity({ label: "Outage", keywords: [] }, { label: "outage", keywords: ["x"] })).toBe(1);
    expect(keywordSimilarity({ label: "server outage", keywords: ["downtime"] }, { label: "audit", keywords: ["evidence"] })).toBe(0);
  });

  it("classifies trends by relative change in share", () => {
    expect(trendOf(0.2, null)).toBe("new");
    expect(trendOf(0.3, 0.2)).toBe("growing");
    expect(trendOf(0.1, 0.2)).toBe("fading");
    expect(trendOf(0.21, 0.2)).toBe("steady");
  });
});

describe("keepsName", () => {
  it("keeps a name while at least half of the old members are at least half of the cluster", () => {
    expect(keepsName(range(0, 10), range(0, 12))).toBe(true);
    expect(keepsName(range(0, 10), range(5, 15))).toBe(true);
    expect(keepsName(range(0, 10), range(6, 16))).toBe(false);
    expect(keepsName(range(0, 10), [...range(0, 6), ...range(100, 110)])).toBe(false);
    expect(keepsName([], range(0, 3))).toBe(false);
  });
});
