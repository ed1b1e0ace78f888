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
  return assignResponsesToThemes(db, [responseId]);
}

/**
 * The same for a batch of responses (the after-completion job's): the placements of the whole
 * batch are written in one transaction and each touched run's figures are recomputed once for the
 * union of the themes it touched, not once per response (issue 15). The figures are a function of
 * the members and respondents alone, so they come out as a response-by-response recompute leaves
 * them. Should the batch fail, each response is tried alone, so one bad response holds back no other.
 */
export async function assignResponsesToThemes(db: Kysely<Database>, responseIds: readonly number[]): Promise<LiveAssignment[]> {
  // Before any run has a model (a new install, a study not analysed yet) a completion costs one small read.
  if (!responseIds.length || !(await anyRunModel(db))) return [];
  const prepared: Prepared[] = [];
  const scopes = new Map<RunScope, Promise<ScopeModel | null>>();
  for (const responseId of responseIds)
    try {
      prepared.push(...(await prepareResponse(db, responseId, scopes)));
    } catch (error) {
      if (responseIds.length === 1) throw error;
      console.error(`themes: could not place response ${responseId} in the current themes: ${String(error)}`);
    }
  if (!prepared.length) return [];
  if (new Set(prepared.map((p) => p.responseId)).size === 1) return writePlacements(db, prepared);
  try {
    return await writePlacements(db, prepared);
  } catch (error) {
    console.error(`themes: placing ${responseIds.length} responses together failed (${String(error)}); placing them one by one`);
    const out: LiveAssignment[] = [];
    for (const responseId of new Set(prepared.map((p) => p.responseId)))
      try {
        out.push(
          ...(await writePlacements(
            db,
            prepared.filter((p) => p.responseId === responseId),
          )),
        );
      } catch (alone) {
        console.error(`themes: could not place response ${responseId} in the current themes: ${String(alone)}`);
      }
    return out;
  }
}

/** A scope's latest run with a model, and its themes as they stand, read once per batch. */
interface ScopeModel {
  runId: number;
  stored: { model: ThemeModel; themeIds: number[] };
  themes: Map<number, Awaited<ReturnType<typeof scopeThemeStates>>[number]>;
}

/** What one response brings to one scope, computed before the write transaction. */
interface Prepared {
  scope: RunScope;
  responseId: number;
  model: ScopeModel;
  painAnswers: Awaited<ReturnType<typeof loadRoleAnswers>>;
  placements: ReturnType<typeof assignToThemes>;
  fact: ReturnType<typeof buildResponseFacts>[number];
}

async function scopeModel(db: Kysely<Database>, scope: RunScope): Promise<ScopeModel | null> {
  const latest = await latestRunModel(db, scope);
  if (!latest?.hasModel) return null;
  const stored = await loadModel(db, latest.runId);
  if (!stored) return null;
  const themes = new Map((await scopeThemeStates(db, scope)).map((t) => [t.id, t]));
  return { runId: latest.runId, stored, themes };
}

async function prepareResponse(
  db: Kysely<Database>,
  responseId: number,
  scopes: Map<RunScope, Promise<ScopeModel | null>>,
): Promise<Prepared[]> {
  const painAnswers = (await loadRoleAnswers(db, null, [...THEME_TEXT_ROLES], { responseId })).filter((a) => a.value_text?.trim());
  if (!painAnswers.length) return [];
  const surveyId = painAnswers[0].survey_id;
  const out: Prepared[] = [];
  for (const scope of [surveyId, null] as RunScope[]) {
    if (!scopes.has(scope)) scopes.set(scope, scopeModel(db, scope));
    const model = await scopes.get(scope)!;
    if (!model) continue;
    const placements = assignToThemes(
      model.stored.model,
      painAnswers.map((a) => a.value_text ?? ""),
    );
    const [responses, factAnswers] = await Promise.all([
      loadScopeResponses(db, scope, { responseId }),
      loadRoleAnswers(db, scope, FACT_ROLES, { responseId }),
    ]);
    const [fact] = buildResponseFacts(responses, factAnswers, new Set([responseId]));
    if (fact) out.push({ scope, responseId, model, painAnswers, placements, fact });
  }
  return out;
}

function writePlacements(db: Kysely<Database>, prepared: readonly Prepared[]): Promise<LiveAssignment[]> {
  return db.transaction().execute(async (trx) => {
    const out: LiveAssignment[] = [];
    const touched = new Map<number, Set<number>>();
    const newRespondents = new Set<number>();
    const currentRuns = new Map<RunScope, number | undefined>();
    for (const { scope, responseId, model, painAnswers, placements, fact } of prepared) {
      // A run that finished meanwhile owns the themes now; it placed this response itself or the
      // next completion's assignment will use its model.
      if (!currentRuns.has(scope)) currentRuns.set(scope, (await latestRunModel(trx, scope))?.runId);
      if (currentRuns.get(scope) !== model.runId) continue;
      const already = await answersInScopeThemes(
        trx,
        scope,
        painAnswers.map((a) => a.answer_id),
      );
      const placed = new Map<number, number>();
      painAnswers.forEach((answer, i) => {
        const cluster = placements[i].theme;
        if (cluster < 0 || already.has(answer.answer_id)) return;
        const themeId = model.stored.themeIds[cluster];
        const live = themeId === undefined ? null : resolveTheme(model.themes, themeId);
        if (live !== null) placed.set(answer.answer_id, live);
      });
      // The respondent counts as analysed like in a run (with or without a theme), once.
      if (!(await hasResponseFact(trx, model.runId, responseId))) {
        await addRespondentToRun(trx, model.runId, fact);
        newRespondents.add(model.runId);
      }
      await addThemeMembers(
        trx,
        model.runId,
        [...placed].map(([answerId, themeId]) => ({ answerId, themeId, quoteRank: LIVE_QUOTE_RANK })),
      );
      const themes = touched.get(model.runId) ?? new Set<number>();
      for (const themeId of placed.values()) themes.add(themeId);
      touched.set(model.runId, themes);
      out.push({ scope, runId: model.runId, placed });
    }
    for (const [runId, themes] of touched) if (themes.size) await recomputeAggregates(trx, runId, [...themes]);
    for (const runId of newRespondents) await refreshShares(trx, runId);
    return out;
  });
}
