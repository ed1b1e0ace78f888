import { describe, expect, it } from "vitest";
import type { BoardTheme, Quote, ThemeStat } from "../../db/queries/board";
import type { AnalysisRun } from "../../db/schema";
import {
  boardCard,
  boardThemeLabel,
  countsFromStats,
  filterOptions,
  runChanges,
  sortCards,
  statsByThemeAndRun,
  visibleThemes,
  type BoardCard,
} from "../../app/board/board-cards";

const run = (id: number) => ({ id }) as AnalysisRun;
const theme = (id: number, extra: Partial<BoardTheme> = {}): BoardTheme => ({
  id,
  label: `analysis ${id}`,
  customLabel: null,
  summary: null,
  keywords: [],
  status: "active",
  pinned: false,
  version: 1,
  createdRunId: 1,
  ...extra,
});
const stat = (runId: number, themeId: number, share: number, extra: Partial<ThemeStat> = {}): ThemeStat => ({
  runId,
  themeId,
  memberCount: Math.round(share * 100),
  share,
  avgSeverity: 3,
  triggerMix: {},
  quoteAnswerIds: [],
  ...extra,
});
const quote = (answerId: number): Quote => ({
  answerId,
  text: `answer ${answerId}`,
  attribution: "Anonymous, Retail respondent",
  named: false,
  personId: null,
  personName: null,
  company: null,
  industry: "Retail",
  role: "respondent",
});

describe("boardThemeLabel", () => {
  it("prefers a marketer's label, ignoring a blank one", () => {
    expect(boardThemeLabel({ label: "a", customLabel: " Mine " })).toBe("Mine");
    expect(boardThemeLabel({ label: "a", customLabel: "  " })).toBe("a");
    expect(boardThemeLabel({ label: "a", customLabel: null })).toBe("a");
  });
});

describe("visibleThemes and countsFromStats", () => {
  it("shows active themes with respondents, and pinned ones even when empty; never hidden ones", () => {
    const stats = [stat(2, 1, 0.5), stat(2, 3, 0.1), stat(1, 4, 0.2)];
    const counts = countsFromStats(stats, 2);
    expect([...counts]).toEqual([
      [1, { respondents: 50, avgSeverity: 3 }],
      [3, { respondents: 10, avgSeverity: 3 }],
    ]);
    const themes = [theme(1), theme(2), theme(3, { status: "hidden" }), theme(4), theme(5, { pinned: true })];
    expect(visibleThemes(themes, counts).map((t) => t.id)).toEqual([1, 5]);
  });
});

describe("boardCard", () => {
  it("computes share against the filtered total, impact, the history oldest first, trend, mix order and quotes", () => {
    const runs = [run(3), run(2), run(1)];
    const stats = statsByThemeAndRun([
      stat(3, 7, 0.4, { triggerMix: { audit: 1, breach: 4 }, quoteAnswerIds: [11, 99, 12] }),
      stat(2, 7, 0.25),
      stat(1, 7, 0.1),
    ]);
    const card = boardCard(theme(7, { customLabel: "Phishing", createdRunId: 3, keywords: ["mail"] }), {
      run: runs[0],
      previousRun: runs[1],
      runs,
      stats,
      counts: new Map([[7, { respondents: 5, avgSeverity: 4 }]]),
      total: 20,
      quotes: new Map([
        [11, quote(11)],
        [12, quote(12)],
      ]),
      valuePropositions: new Map([
        [7, { id: 1, theme_id: 7, version: 2, statement: "We stop it", author_id: 1, author_name: "Ann", created_at: "2026-12-01" }],
      ]),
      unseenNotes: new Map([[7, 2]]),
    });
    expect(card).toEqual({
      themeId: 7,
      label: "Phishing",
      analysisLabel: "analysis 7",
      summary: null,
      keywords: ["mail"],
      pinned: false,
      version: 1,
      respondents: 5,
      share: 0.25,
      avgSeverity: 4,
      impact: 1,
      triggerMix: [
        { type: "breach", count: 4 },
        { type: "audit", count: 1 },
      ],
      trend: "growing",
      history: [0.1, 0.25, 0.4],
      quotes: [quote(11), quote(12)],
      valueProposition: { statement: "We stop it", version: 2, authorName: "Ann", createdAt: "2026-12-01" },
      unseenNotes: 2,
      isNewThisRun: true,
    });
  });

  it("calls a theme new when there is no previous run, and gives zero share when nobody was analysed", () => {
    const card = boardCard(theme(1), {
      run: run(1),
      previousRun: null,
      runs: [run(1)],
      stats: statsByThemeAndRun([stat(1, 1, 0.3)]),
      counts: new Map(),
      total: 0,
      quotes: new Map(),
      valuePropositions: new Map(),
      unseenNotes: new Map(),
    });
    expect([card.trend, card.share, card.respondents, card.avgSeverity, card.impact, card.valueProposition]).toEqual([
      "new",
      0,
      0,
      null,
      0,
      null,
    ]);
  });
});

describe("sortCards", () => {
  const card = (themeId: number, extra: Partial<BoardCard>) =>
    ({ themeId, pinned: false, share: 0, avgSeverity: null, respondents: 0, impact: 0, ...extra }) as BoardCard;
  const cards = () => [
    card(1, { impact: 0.5, share: 0.1, respondents: 9, avgSeverity: 5 }),
    card(2, { impact: 0.9, share: 0.3, respondents: 3, avgSeverity: 3 }),
    card(3, { impact: 0.1, share: 0.3, respondents: 1, pinned: true }),
    card(4, { impact: 0.9, share: 0.2, respondents: 3, avgSeverity: 4.5 }),
  ];
  it("puts pinned cards first, then sorts by the chosen figure with the theme id breaking ties", () => {
    expect(sortCards(cards()).map((c) => c.themeId)).toEqual([3, 2, 4, 1]);
    expect(sortCards(cards(), "share").map((c) => c.themeId)).toEqual([3, 2, 4, 1]);
    expect(sortCards(cards(), "respondents").map((c) => c.themeId)).toEqual([3, 1, 2, 4]);
    expect(sortCards(cards(), "severity").map((c) => c.themeId)).toEqual([3, 1, 4, 2]);
  });
});

describe("runChanges", () => {
  it("names added, gone, growing and fading active themes by their shown label; nothing without a previous run", () => {
    const themes = [theme(1, { customLabel: "New one" }), theme(2), theme(3), theme(4), theme(5), theme(6, { status: "hidden" })];
    const stats = statsByThemeAndRun([
      stat(2, 1, 0.2),
      stat(1, 2, 0.2),
      stat(2, 3, 0.3),
      stat(1, 3, 0.2),
      stat(2, 4, 0.1),
      stat(1, 4, 0.2),
      stat(2, 5, 0.21),
      stat(1, 5, 0.2),
      stat(2, 6, 0.5),
    ]);
    expect(runChanges(themes, stats, run(2), run(1))).toEqual({
      added: ["New one"],
      growing: ["analysis 3"],
      fading: ["analysis 4"],
      gone: ["analysis 2"],
      edited: [],
    });
    expect(runChanges(themes, stats, run(2), null)).toEqual({ added: [], growing: [], fading: [], gone: [], edited: [] });
  });
});

describe("filterOptions", () => {
  it("lists each filter's distinct values alphabetically", () => {
    const combos = [
      { industry: "Retail", region: "Europe", buyingRole: "User", source: "sales" },
      { industry: "Healthcare", region: "Europe", buyingRole: "Champion", source: "marketing" },
      { industry: "Retail", region: "Asia", buyingRole: "User", source: "sales" },
    ];
    expect(filterOptions([{ id: 2, title: "Study" }], combos)).toEqual({
      surveys: [{ id: 2, title: "Study" }],
      industry: ["Healthcare", "Retail"],
      region: ["Asia", "Europe"],
      buyingRole: ["Champion", "User"],
      source: ["marketing", "sales"],
    });
  });
});
