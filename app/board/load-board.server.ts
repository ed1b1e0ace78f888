/**
 * The board's data: the queries of db/queries/board.ts read the rows, the rules of
 * board-cards.ts turn them into cards, trends and changes. Naming people is not done here
 * (board-view.server.ts applies the consent rule on top).
 */
import type { Kysely } from "kysely";
import { doneRuns, type RunScope } from "../../db/queries/analysis-runs.js";
import {
  boardFilterValues,
  boardThemes,
  facetCountsByTheme,
  facetTotal,
  loadQuotes,
  themeStatsOfRuns,
  type BoardFilters,
} from "../../db/queries/board.js";
import { unseenNoteCounts } from "../../db/queries/notes.js";
import { currentValuePropositions } from "../../db/queries/value-propositions.js";
import type { AnalysisRun, Database } from "../../db/schema.js";
import {
  boardCard,
  boardThemeLabel,
  countsFromStats,
  filterOptions,
  runChanges,
  sortCards,
  statsByThemeAndRun,
  visibleThemes,
  type BoardData,
  type BoardSort,
} from "./board-cards.js";

function isFiltered(f: BoardFilters): boolean {
  return Boolean(f.surveyId || f.industry || f.region || f.buyingRole || f.source);
}

export async function loadBoard(
  db: Kysely<Database>,
  input: { scope: RunScope; filters?: BoardFilters; sort?: BoardSort; userId?: number; runs?: AnalysisRun[] },
): Promise<BoardData> {
  const filters = input.filters ?? {};
  const runs = input.runs ?? (await doneRuns(db, input.scope, 6));
  const run = runs[0] ?? null;
  const previousRun = runs[1] ?? null;
  if (!run)
    return {
      run,
      previousRun,
      totalRespondents: 0,
      cards: [],
      changes: { added: [], growing: [], fading: [], gone: [], edited: [] },
      hidden: [],
      options: { surveys: [], industry: [], region: [], buyingRole: [], source: [] },
    };

  const themes = await boardThemes(db, input.scope);
  const statRows = await themeStatsOfRuns(
    db,
    runs.map((r) => r.id),
  );
  const stats = statsByThemeAndRun(statRows);
  const total = await facetTotal(db, run.id, filters);
  const counts = isFiltered(filters) ? await facetCountsByTheme(db, run.id, filters) : countsFromStats(statRows, run.id);

  const visible = visibleThemes(themes, counts);
  const visibleIds = visible.map((t) => t.id);
  const quoteIds = visible.flatMap((t) => stats.get(t.id)?.get(run.id)?.quoteAnswerIds ?? []);
  const [valuePropositions, unseenNotes, quotes] = await Promise.all([
    currentValuePropositions(db, visibleIds),
    input.userId ? unseenNoteCounts(db, input.userId, visibleIds) : Promise.resolve(new Map<number, number>()),
    loadQuotes(db, quoteIds, run.id),
  ]);
  const cards = visible.map((t) => boardCard(t, { run, previousRun, runs, stats, counts, total, quotes, valuePropositions, unseenNotes }));
  const values = await boardFilterValues(db, run.id);

  return {
    run,
    previousRun,
    totalRespondents: total,
    cards: sortCards(cards, input.sort),
    changes: runChanges(themes, stats, run, previousRun),
    hidden: themes.filter((t) => t.status === "hidden").map((t) => ({ id: t.id, label: boardThemeLabel(t) })),
    options: filterOptions(values.surveys, values.combinations),
  };
}
