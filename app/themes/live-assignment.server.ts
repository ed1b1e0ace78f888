/**
 * New answers join the current themes as they arrive (issue 10): after a response completes, its
 * pain answers are placed with the latest run's stored theme model (analysis/assign.ts) into the
 * themes that run produced (following any merge since), and the run's figures for those themes
 * are recomputed in the same transaction, so the board's counts, shares and quotes move without
 * a full run and no reader sees a new member with old figures. The next full run re-clusters
 * everything and theme matching keeps identities.
 *
 * A plain function of (db, responseId): after-completion calls it today; it can move onto a job
 * queue unchanged. It is idempotent: an answer already in a theme of the scope is left alone.
 */
import type { Kysely } from "kysely";
import { assignToThemes, parseThemeModel, type ThemeModel } from "../../analysis/index.js";
import type { RunScope } from "../../db/queries/analysis-runs.js";
import {
  addRespondentToRun,
  addThemeMembers,
  answersInScopeThemes,
  anyRunModel,
  hasResponseFact,
  latestRunModel,
  refreshShares,
  runModel,
  scopeThemeStates,
} from "../../db/queries/live-themes.js";
import { loadRoleAnswers, loadScopeResponses } from "../../db/queries/run-results.js";
import { recomputeAggregates } from "./theme-aggregates.server.js";
import type { Database } from "../../db/schema.js";
import { THEME_TEXT_ROLES } from "../surveys/questions.js";
import { buildResponseFacts, FACT_ROLES } from "./response-facts.js";
import { resolveTheme } from "./theme-matching.js";

/**
 * Quote rank of a live member: below every answer the run ranked as a quote (>= 0.8) and below a
 * marketer's placement (0.5), so a new answer becomes a quote only where a theme had fewer than three.
 */
const LIVE_QUOTE_RANK = 0.4;

export interface LiveAssignment {
  scope: RunScope;
  runId: number;
  /** answer id -> theme id; answers the model left unassigned are absent */
  placed: Map<number, number>;
}

/** Parsed models by run id: a run's model is parsed once, not once per submission. */
const models = new Map<number, { model: ThemeModel; themeIds: number[] }>();
const MODEL_CACHE_SIZE = 4;

async function loadModel(db: Kysely<Database>, runId: number) {
  const cached = models.get(runId);
  if (cached) return cached;
  const stored = await runModel(db, runId);
  if (!stored) return undefined;
  const entry = { model: parseThemeModel(stored.json), themeIds: stored.themeIds };
  models.set(runId, entry);
  while (models.size > MODEL_CACHE_SIZE) models.delete(models.keys().next().value!);
  return entry;
}

/**
 * Places the response's pain answers in the themes of every scope it belongs to (its survey's,
 * and all surveys') whose latest run has a model. Returns what it did per scope.
 */
export async function assignResponseToThemes(db: Kysely<Database>, responseId: number): Promise<LiveAssignment[]> {
  // Before any run has a model (a new install, a study not analysed yet) a completion costs one small read.
  if (!(await anyRunModel(db))) return [];
  const painAnswers = (await loadRoleAnswers(db, null, [...THEME_TEXT_ROLES], { responseId })).filter((a) => a.value_text?.trim());
  if (!painAnswers.length) return [];
  const surveyId = painAnswers[0].survey_id;
  const out: LiveAssignment[] = [];
  for (const scope of [surveyId, null] as RunScope[]) {
    const done = await assignInScope(db, scope, responseId, painAnswers);
    if (done) out.push(done);
  }
  return out;
}

async function assignInScope(
  db: Kysely<Database>,
  scope: RunScope,
  responseId: number,
  painAnswers: Awaited<ReturnType<typeof loadRoleAnswers>>,
): Promise<LiveAssignment | null> {
  const latest = await latestRunModel(db, scope);
  if (!latest?.hasModel) return null;
  const stored = await loadModel(db, latest.runId);
  if (!stored) return null;
  const placements = assignToThemes(
    stored.model,
    painAnswers.map((a) => a.value_text ?? ""),
  );
  const themes = new Map((await scopeThemeStates(db, scope)).map((t) => [t.id, t]));
  const [responses, factAnswers] = await Promise.all([
    loadScopeResponses(db, scope, { responseId }),
    loadRoleAnswers(db, scope, FACT_ROLES, { responseId }),
  ]);
  const [fact] = buildResponseFacts(responses, factAnswers, new Set([responseId]));
  if (!fact) return null;

  return db.transaction().execute(async (trx) => {
    // A run that finished meanwhile owns the themes now; it placed this response itself or the
    // next completion's assignment will use its model.
    const current = await latestRunModel(trx, scope);
    if (current?.runId !== latest.runId) return null;
    const already = await answersInScopeThemes(
      trx,
      scope,
      painAnswers.map((a) => a.answer_id),
    );
    const placed = new Map<number, number>();
    painAnswers.forEach((answer, i) => {
      const cluster = placements[i].theme;
      if (cluster < 0 || already.has(answer.answer_id)) return;
      const themeId = stored.themeIds[cluster];
      const live = themeId === undefined ? null : resolveTheme(themes, themeId);
      if (live !== null) placed.set(answer.answer_id, live);
    });
    // The respondent counts as analysed like in a run (with or without a theme), once.
    const newRespondent = !(await hasResponseFact(trx, latest.runId, responseId));
    if (newRespondent) await addRespondentToRun(trx, latest.runId, fact);
    await addThemeMembers(
      trx,
      latest.runId,
      [...placed].map(([answerId, themeId]) => ({ answerId, themeId, quoteRank: LIVE_QUOTE_RANK })),
    );
    const touched = [...new Set(placed.values())];
    if (touched.length) await recomputeAggregates(trx, latest.runId, touched);
    if (newRespondent) await refreshShares(trx, latest.runId);
    return { scope, runId: latest.runId, placed };
  });
}
