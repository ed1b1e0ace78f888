/**
 * Recomputes the board's aggregates of one run from theme_members and response_facts: for the
 * given themes after an edit or a live placement, or for every theme of the run's scope (themeIds
 * null) when a run finishes. It takes the caller's Transaction: the figures change with the
 * members they count, or not at all.
 */
import type { Transaction } from "kysely";
import {
  clearAggregates,
  insertThemeStats,
  quoteCandidates,
  runRespondents,
  runScopeOf,
  scopePainThemeIds,
  themeFacetTotals,
  triggerMixByTheme,
  writeThemeFacets,
  writeTotalFacets,
} from "../../db/queries/theme-aggregates.js";
import type { Database } from "../../db/schema.js";
import { chooseQuotes, QUOTE_CANDIDATE_LIMITS, themeStat, themesWithRespondents } from "./theme-figures.js";

export async function recomputeAggregates(trx: Transaction<Database>, runId: number, themeIds: number[] | null): Promise<void> {
  const run = await runScopeOf(trx, runId);
  if (!run) return;
  const ids = themeIds ?? (await scopePainThemeIds(trx, run.scope));
  await clearAggregates(trx, runId, themeIds === null ? null : ids);
  if (themeIds === null) await writeTotalFacets(trx, runId);
  if (!ids.length) return;

  await writeThemeFacets(trx, runId, ids);
  const total = await runRespondents(trx, runId);
  const withStats = themesWithRespondents(await themeFacetTotals(trx, runId, ids));
  const statIds = withStats.map((t) => t.themeId);
  const mix = await triggerMixByTheme(trx, statIds);
  const candidates = await quoteCandidates(trx, statIds, QUOTE_CANDIDATE_LIMITS);
  await insertThemeStats(
    trx,
    runId,
    withStats.map((t) => themeStat(t, total, mix.get(t.themeId), chooseQuotes(candidates.get(t.themeId)!))),
  );
}
