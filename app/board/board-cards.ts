/**
 * The board's rules, as plain functions over the rows db/queries/board.ts returns: what a card
 * shows, how a trend is called, the order of the cards and what changed since the previous run.
 * No database here, so each rule is tested on hand-built rows (test/unit/board-cards.test.ts).
 */
import type { BoardTheme, FacetCount, Quote, ThemeStat } from "../../db/queries/board.js";
import type { ValuePropositionVersion } from "../../db/queries/value-propositions.js";
import type { AnalysisRun } from "../../db/schema.js";

export type BoardSort = "impact" | "share" | "severity" | "respondents";
export type Trend = "new" | "growing" | "steady" | "fading";

export interface BoardCard {
  themeId: number;
  label: string;
  analysisLabel: string;
  /** the analysis' one-line summary of the theme (null for a theme a marketer split out) */
  summary: string | null;
  keywords: string[];
  pinned: boolean;
  version: number;
  respondents: number;
  share: number;
  avgSeverity: number | null;
  impact: number;
  triggerMix: Array<{ type: string; count: number }>;
  trend: Trend;
  /** share per run, oldest first (the sparkline) */
  history: number[];
  quotes: Quote[];
  valueProposition: { statement: string; version: number; authorName: string | null; createdAt: string } | null;
  unseenNotes: number;
  isNewThisRun: boolean;
}

export interface BoardChanges {
  added: string[];
  growing: string[];
  fading: string[];
  gone: string[];
  edited: string[];
}

export interface BoardOptions {
  surveys: Array<{ id: number; title: string }>;
  industry: string[];
  region: string[];
  buyingRole: string[];
  source: string[];
}

export interface BoardData {
  run: AnalysisRun | null;
  previousRun: AnalysisRun | null;
  totalRespondents: number;
  cards: BoardCard[];
  /** since the previous run; `edited` is filled in by app/themes/run-changes.server.ts from the edit log */
  changes: BoardChanges;
  hidden: Array<{ id: number; label: string }>;
  options: BoardOptions;
}

/** A marketer's label wins over the analysis' one. */
export function boardThemeLabel(theme: Pick<BoardTheme, "label" | "customLabel">): string {
  return theme.customLabel?.trim() || theme.label;
}

/** Relative change of share against the previous run: more than 20% either way is a trend. */
export function trendOf(current: number, previous: number | null | undefined): Trend {
  if (previous === null || previous === undefined) return "new";
  if (previous <= 0) return current > 0 ? "growing" : "steady";
  const change = (current - previous) / previous;
  if (change > 0.2) return "growing";
  if (change < -0.2) return "fading";
  return "steady";
}

/** Stats indexed by theme, then run: the share history and the current figures come from here. */
export function statsByThemeAndRun(stats: ThemeStat[]): Map<number, Map<number, ThemeStat>> {
  const out = new Map<number, Map<number, ThemeStat>>();
  for (const s of stats) {
    let m = out.get(s.themeId);
    if (!m) out.set(s.themeId, (m = new Map()));
    m.set(s.runId, s);
  }
  return out;
}

/** The unfiltered counts are the current run's stats; a filtered board counts from the facets instead. */
export function countsFromStats(stats: ThemeStat[], runId: number): Map<number, FacetCount> {
  return new Map(
    stats.filter((s) => s.runId === runId).map((s) => [s.themeId, { respondents: s.memberCount, avgSeverity: s.avgSeverity }]),
  );
}

/** Active themes someone in the filtered set belongs to, and pinned ones even when empty. */
export function visibleThemes(themes: BoardTheme[], counts: Map<number, FacetCount>): BoardTheme[] {
  return themes.filter((t) => t.status === "active" && ((counts.get(t.id)?.respondents ?? 0) > 0 || t.pinned));
}

export interface CardInputs {
  run: AnalysisRun;
  previousRun: AnalysisRun | null;
  /** newest first, `run` first */
  runs: AnalysisRun[];
  stats: Map<number, Map<number, ThemeStat>>;
  counts: Map<number, FacetCount>;
  total: number;
  quotes: Map<number, Quote>;
  valuePropositions: Map<number, ValuePropositionVersion>;
  unseenNotes: Map<number, number>;
}

export function boardCard(t: BoardTheme, input: CardInputs): BoardCard {
  const c = input.counts.get(t.id) ?? { respondents: 0, avgSeverity: null };
  const share = input.total > 0 ? c.respondents / input.total : 0;
  const byRun = input.stats.get(t.id);
  const s = byRun?.get(input.run.id);
  const history = [...input.runs].reverse().map((r) => byRun?.get(r.id)?.share ?? 0);
  const prev = input.previousRun ? byRun?.get(input.previousRun.id)?.share : undefined;
  const vp = input.valuePropositions.get(t.id);
  return {
    themeId: t.id,
    label: boardThemeLabel(t),
    analysisLabel: t.label,
    summary: t.summary,
    keywords: t.keywords,
    pinned: t.pinned,
    version: t.version,
    respondents: c.respondents,
    share,
    avgSeverity: c.avgSeverity,
    impact: share * (c.avgSeverity ?? 0),
    triggerMix: Object.entries(s?.triggerMix ?? {})
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count),
    trend: trendOf(s?.share ?? 0, input.previousRun ? (prev ?? null) : null),
    history,
    quotes: (s?.quoteAnswerIds ?? []).map((id) => input.quotes.get(id)).filter((q): q is Quote => Boolean(q)),
    valueProposition: vp ? { statement: vp.statement, version: vp.version, authorName: vp.author_name, createdAt: vp.created_at } : null,
    unseenNotes: input.unseenNotes.get(t.id) ?? 0,
    isNewThisRun: t.createdRunId === input.run.id,
  };
}

/** Pinned first, then by the chosen figure (highest first), then by theme id so ties keep one order. */
export function sortCards(cards: BoardCard[], sort: BoardSort = "impact"): BoardCard[] {
  const key = (c: BoardCard) =>
    sort === "share" ? c.share : sort === "severity" ? (c.avgSeverity ?? 0) : sort === "respondents" ? c.respondents : c.impact;
  return cards.sort((a, b) => Number(b.pinned) - Number(a.pinned) || key(b) - key(a) || a.themeId - b.themeId);
}

/** Active themes that appeared, grew, faded or went since the previous run (`edited` comes from the edit log). */
export function runChanges(
  themes: BoardTheme[],
  stats: Map<number, Map<number, ThemeStat>>,
  run: AnalysisRun,
  previousRun: AnalysisRun | null,
): BoardChanges {
  const changes: BoardChanges = { added: [], growing: [], fading: [], gone: [], edited: [] };
  if (!previousRun) return changes;
  for (const t of themes) {
    if (t.status !== "active") continue;
    const now = stats.get(t.id)?.get(run.id);
    const before = stats.get(t.id)?.get(previousRun.id)?.share;
    if (now && before === undefined) changes.added.push(boardThemeLabel(t));
    else if (!now && before !== undefined) changes.gone.push(boardThemeLabel(t));
    else if (now && before !== undefined) {
      const trend = trendOf(now.share, before);
      if (trend === "growing") changes.growing.push(boardThemeLabel(t));
      if (trend === "fading") changes.fading.push(boardThemeLabel(t));
    }
  }
  return changes;
}

/** Each filter's distinct values, in alphabetical order. */
export function filterOptions(
  surveys: BoardOptions["surveys"],
  combinations: Array<{ industry: string; region: string; buyingRole: string; source: string }>,
): BoardOptions {
  const uniq = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    surveys,
    industry: uniq(combinations.map((r) => r.industry)),
    region: uniq(combinations.map((r) => r.region)),
    buyingRole: uniq(combinations.map((r) => r.buyingRole)),
    source: uniq(combinations.map((r) => r.source)),
  };
}
