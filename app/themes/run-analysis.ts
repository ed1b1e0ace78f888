/**
 * One analysis run, start to finish: load the answers in scope, cluster pain stories, detect
 * triggers, match clusters to existing themes (keeping a marketer's decisions), then write
 * everything and the board's aggregates in one transaction. Any error marks the run failed and
 * changes nothing else. Used by the worker thread, the demo loader and the tests alike.
 */
import type { Kysely } from "kysely";
import { analyzeThemesSampled, DEFAULT_SAMPLE, serializeThemeModel, type SampleOptions } from "../../analysis/index.js";
import { correctionsForAnswers } from "../../db/queries/trigger-corrections.js";
import { correctedTriggers } from "../triggers/corrected-triggers.server.js";
import {
  completeResponsesSince,
  createRun,
  getRun,
  latestRun,
  markFailed,
  markRunning,
  setProgress,
  type RunScope,
} from "../../db/queries/analysis-runs.js";
import { completeResponseSlices } from "../../db/queries/run-slices.js";
import { loadRoleAnswers, loadScopeResponses, loadScopeThemes, type RunResults } from "../../db/queries/run-results.js";
import { saveRunResults } from "./save-run.server.js";
import { parseJson, parseStringList } from "../../db/queries/util.js";
import type { Database } from "../../db/schema.js";
import { buildResponseFacts, FACT_ROLES } from "./response-facts.js";
import { keepsName, matchClusters, type ExistingTheme, type NewCluster } from "./theme-matching.js";
import { CHOICE_KINDS, THEME_TEXT_ROLES, TRIGGER_TEXT_ROLES, type QuestionKind } from "../surveys/questions.js";
import { choiceTriggers } from "../surveys/template.js";

export interface ExecuteOptions {
  /** Progress during the synchronous clustering (the worker posts it to its parent); the phases before and after write their own. */
  onProgress?: (progress: number, stage: string) => void;
  seed?: number;
  k?: number;
  /**
   * Above sample.sampleAbove pain answers the theme model is fitted on a seeded sample and every
   * other answer is placed with it (analysis/sampled.ts); tests lower the threshold.
   */
  sample?: SampleOptions;
}

/** A run that cannot succeed however often it is retried (not enough answers): its job fails at once. */
export class RunRefused extends Error {}

export async function executeRun(db: Kysely<Database>, runId: number, options: ExecuteOptions = {}): Promise<void> {
  try {
    await runSteps(db, runId, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markFailed(db, runId, message || "The analysis failed.");
  }
}

/**
 * One attempt of a run for the job queue: throws instead of marking the run failed, so the queue
 * decides between a retry and failing for good (then the job's onFailed records the error).
 * A run already finished (a replayed job whose first attempt committed) is left as it is.
 */
export async function executeRunAttempt(db: Kysely<Database>, runId: number, options: ExecuteOptions = {}): Promise<void> {
  const run = await getRun(db, runId);
  if (!run) throw new RunRefused(`Run ${runId} does not exist.`);
  if (run.status === "done" || run.status === "failed") return;
  await runSteps(db, runId, options);
}

async function runSteps(db: Kysely<Database>, runId: number, options: ExecuteOptions): Promise<void> {
  const run = await getRun(db, runId);
  if (!run) throw new Error(`Run ${runId} does not exist.`);
  await markRunning(db, runId);
  const scope = run.survey_id;
  const params = parseJson<{ k?: number; seed?: number }>(run.parameters, {});
  const seed = options.seed ?? params.seed ?? 42;
  const k = options.k ?? params.k;

  const themeAnswers = (await loadRoleAnswers(db, scope, [...THEME_TEXT_ROLES])).filter((a) => a.value_text && a.value_text.trim());
  if (themeAnswers.length < 2) {
    throw new RunRefused("Not enough complete responses with a pain story to analyse yet (at least 2 are needed).");
  }
  await setProgress(db, runId, 0.05, `clustering ${themeAnswers.length} answers`);

  let lastSent = 0;
  const result = analyzeThemesSampled(
    themeAnswers.map((a) => a.value_text ?? ""),
    {
      seed,
      k,
      onProgress: (fraction, stage) => {
        const now = Date.now();
        if (now - lastSent < 200 && fraction < 1) return;
        lastSent = now;
        options.onProgress?.(0.05 + 0.75 * fraction, stage);
      },
    },
    options.sample ?? DEFAULT_SAMPLE,
  );
  if (!result.clusters.length) throw new RunRefused("The answers had no usable words to group into themes.");

  await setProgress(db, runId, 0.8, "finding buying triggers");
  // Trigger and fact answers are read a slice of responses at a time (4 fact answers and 2
  // trigger answers per response would be millions of row objects at once in a large scope).
  const slices = await completeResponseSlices(db, scope, SLICE_RESPONSES);
  const mentions: RunResults["triggerMentions"] = [];
  for (const slice of slices) for (const m of await sliceTriggerMentions(db, scope, slice)) mentions.push(m);

  await setProgress(db, runId, 0.85, "matching themes");
  const analysed = new Set(themeAnswers.map((a) => a.response_id));
  const facts: RunResults["facts"] = [];
  for (const slice of slices) {
    const [responses, factAnswers] = await Promise.all([
      loadScopeResponses(db, scope, { responseIds: slice }),
      loadRoleAnswers(db, scope, FACT_ROLES, { responseIds: slice }),
    ]);
    for (const fact of buildResponseFacts(responses, factAnswers, analysed)) facts.push(fact);
  }

  const existing = await loadScopeThemes(db, scope);
  const userAssignments = new Map<number, number>();
  const themes: ExistingTheme[] = existing.map((t) => {
    for (const m of t.members) if (m.assigned_by === "user") userAssignments.set(m.answer_id, t.id);
    return {
      id: t.id,
      label: t.label,
      customLabel: t.custom_label,
      keywords: parseJson<string[]>(t.keywords, []),
      status: t.status,
      mergedIntoId: t.merged_into_id,
      answerIds: t.members.map((m) => m.answer_id),
    };
  });
  const clusters: NewCluster[] = result.clusters.map((c) => ({ index: c.id, label: c.label, keywords: c.keywords, answerIds: [] }));
  const clusterByIndex = new Map(clusters.map((c) => [c.index, c]));
  result.assignments.forEach((cluster, row) => {
    if (cluster >= 0) clusterByIndex.get(cluster)?.answerIds.push(themeAnswers[row].answer_id);
  });
  const match = matchClusters({ themes, clusters, userAssignments });

  // The most central answers of each cluster rank first as quotes.
  // The quote rank stored in theme_members.similarity (see db/schema.ts).
  const quoteRank = new Map<number, number>();
  for (const c of result.clusters) {
    c.quotes.forEach((row, rank) => quoteRank.set(themeAnswers[row].answer_id, 1 - rank * 0.05));
  }
  const themeUpdates = new Map<number, RunResults["themeUpdates"][number]>();
  const themeById = new Map(themes.map((t) => [t.id, t]));
  // A cluster that continues a theme by its members names it before one that joined it by words
  // only (through a merged theme's words, say): the theme is still what its answers were about.
  const naming = [...match.clusters].sort((a, b) => Number(a.reason !== "overlap") - Number(b.reason !== "overlap"));
  for (const m of naming) {
    const cluster = result.clusters.find((c) => c.id === m.cluster)!;
    // Clusters come largest first: the largest one that continues a theme names it, and keeps
    // the theme's name while most members are the same answers.
    if (m.themeId !== null && !themeUpdates.has(m.themeId)) {
      const previous = themeById.get(m.themeId);
      const same = previous !== undefined && keepsName(previous.answerIds, clusterByIndex.get(cluster.id)?.answerIds ?? []);
      themeUpdates.set(m.themeId, {
        themeId: m.themeId,
        label: same ? previous.label : cluster.label,
        keywords: cluster.keywords,
        summary: cluster.summary || null,
      });
    }
  }
  const newThemes = match.clusters
    .filter((m) => m.themeId === null)
    .map((m) => {
      const cluster = result.clusters.find((c) => c.id === m.cluster)!;
      return { cluster: cluster.id, label: cluster.label, keywords: cluster.keywords, summary: cluster.summary || null };
    });
  // Cluster i of the model is the theme cluster i continued or became: what live assignment reads.
  const clusterTheme = new Map(match.clusters.map((m) => [m.cluster, m.themeId]));
  const model: RunResults["model"] = result.model
    ? {
        json: serializeThemeModel(result.model),
        clusters: result.clusters.map((c) => {
          const themeId = clusterTheme.get(c.id) ?? null;
          return themeId === null ? { newCluster: c.id } : { themeId };
        }),
      }
    : null;

  await setProgress(db, runId, 0.9, "saving results");
  await saveRunResults(db, {
    runId,
    scope,
    responseCount: analysed.size,
    quality: {
      ...result.quality,
      k: result.k,
      matched: match.clusters.map((m) => ({ cluster: m.cluster, themeId: m.themeId, reason: m.reason })),
    },
    themeUpdates: [...themeUpdates.values()],
    newThemes,
    model,
    members: match.assignments.map((a) => ({
      answerId: a.answerId,
      target: "themeId" in a.placement ? { themeId: a.placement.themeId } : { newCluster: a.placement.newCluster },
      quoteRank: a.by === "user" ? 0.5 : (quoteRank.get(a.answerId) ?? 0.5),
      by: a.by,
    })),
    triggerMentions: mentions,
    facts,
  });
}

/** The demo loader: one analysis in this process when there is none yet, so a new board is not empty. */
export async function runFirstAnalysis(db: Kysely<Database>): Promise<string | null> {
  if (await latestRun(db)) return null;
  if ((await completeResponsesSince(db, null, null)) === 0) return null;
  const runId = await createRun(db, { surveyId: null, trigger: "manual", createdBy: null });
  await executeRun(db, runId);
  const run = await getRun(db, runId);
  return run?.status === "done"
    ? `analysis run #${runId}: ${run.response_count} responses grouped into themes`
    : `analysis run #${runId} failed: ${run?.error ?? "unknown error"}`;
}

/** Responses per slice when a run reads trigger and fact answers. */
const SLICE_RESPONSES = 20_000;

/** Buying triggers of one slice of responses: detected in text (with marketers' corrections) and read from choices. */
async function sliceTriggerMentions(
  db: Kysely<Database>,
  scope: RunScope,
  slice: { from: number; to: number },
): Promise<RunResults["triggerMentions"]> {
  const triggerAnswers = await loadRoleAnswers(db, scope, [...TRIGGER_TEXT_ROLES], { responseIds: slice });
  const mentions: RunResults["triggerMentions"] = [];
  const textual = triggerAnswers.filter((a) => !CHOICE_KINDS.has(a.kind as QuestionKind) && a.value_text && a.value_text.trim());
  // Marketers' corrections outlive every run: applied to what the detector found, answer by answer.
  const corrections = await correctionsForAnswers(
    db,
    textual.map((a) => a.answer_id),
  );
  textual.forEach((answer) => {
    for (const m of correctedTriggers(answer.value_text ?? "", corrections.get(answer.answer_id) ?? [])) {
      mentions.push({
        answerId: answer.answer_id,
        responseId: answer.response_id,
        type: m.type,
        timing: m.timing,
        phrase: m.phrase,
        origin: m.corrected ? "correction" : "text",
        confidence: m.confidence,
      });
    }
  });
  for (const answer of triggerAnswers) {
    if (!CHOICE_KINDS.has(answer.kind as QuestionKind)) continue;
    const options = parseStringList(answer.value_json) ?? (answer.value_text ? [answer.value_text] : []);
    for (const t of choiceTriggers(options))
      mentions.push({ answerId: answer.answer_id, responseId: answer.response_id, ...t, confidence: 1 });
  }
  return mentions;
}
