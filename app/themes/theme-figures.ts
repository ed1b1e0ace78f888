/**
 * A theme's figures in a run, as plain functions: which answers are its quotes, its share of
 * everyone analysed, and which themes get a stats row at all. Tested on hand-built rows in
 * test/unit/theme-figures.test.ts; the SQL that feeds them is db/queries/theme-aggregates.ts.
 */
import type { QuoteCandidates, ThemeFacetTotal, ThemeStatRow } from "../../db/queries/theme-aggregates.js";

const QUOTES_PER_THEME = 3;
/** A member this central to its theme (quote rank, theme_members.similarity) is quotable as such. */
const CENTRAL_QUOTE_RANK = 0.8;

/** How many candidates of each list the choice can need: a long answer may already be chosen for its rank. */
export const QUOTE_CANDIDATE_LIMITS = { byRank: QUOTES_PER_THEME, byLength: QUOTES_PER_THEME * 2 };

/**
 * A theme's quotes: the analysis' most central answers (quote rank at least CENTRAL_QUOTE_RANK,
 * highest first), then the longest answers not already chosen, up to QUOTES_PER_THEME.
 */
export function chooseQuotes(candidates: QuoteCandidates): number[] {
  const chosen = candidates.byRank
    .filter((c) => c.quoteRank >= CENTRAL_QUOTE_RANK)
    .sort((a, b) => b.quoteRank - a.quoteRank || a.answerId - b.answerId)
    .slice(0, QUOTES_PER_THEME)
    .map((c) => c.answerId);
  for (const id of candidates.byLength) {
    if (chosen.length >= QUOTES_PER_THEME) break;
    if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

/** Only themes someone belongs to get a stats row; merged and emptied themes need no mix or quotes. */
export function themesWithRespondents(totals: ThemeFacetTotal[]): ThemeFacetTotal[] {
  return totals.filter((t) => t.respondents > 0);
}

/** A theme's stats row: its respondents' share of everyone analysed in the run (0 when nobody was). */
export function themeStat(
  theme: ThemeFacetTotal,
  runRespondents: number,
  triggerMix: Record<string, number> | undefined,
  quoteAnswerIds: number[] | undefined,
): ThemeStatRow {
  return {
    themeId: theme.themeId,
    memberCount: theme.respondents,
    share: runRespondents > 0 ? theme.respondents / runRespondents : 0,
    avgSeverity: theme.avgSeverity,
    triggerMix: triggerMix ?? {},
    quoteAnswerIds: quoteAnswerIds ?? [],
  };
}
