/**
 * An analysis run's rows: what it reads (answers with roles, responses, the scope's themes) and
 * what a successful run writes. SQL and row mapping only; the run itself is app/themes/run-analysis.ts.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, Theme } from "../schema.js";
import { scopeFilter, type RunScope } from "./analysis-runs.js";
import { chunks } from "./util.js";

type Db = Kysely<Database>;

export interface RoleAnswer {
  answer_id: number;
  response_id: number;
  survey_id: number;
  role: string | null;
  kind: string;
  value_text: string | null;
  value_number: number | null;
  value_json: string | null;
}

/** Answers with the given question roles from complete responses in scope (or of one response), in answer-id order. */
/** Which responses a run's loader reads: one, or those with ids in [from, to] (a run reads a large scope in slices). */
export interface ResponseSlice {
  responseId?: number;
  responseIds?: { from: number; to: number };
}

export async function loadRoleAnswers(db: Db, scope: RunScope, roles: readonly string[], only: ResponseSlice = {}): Promise<RoleAnswer[]> {
  if (!roles.length) return [];
  let query = db
    .selectFrom("answers as a")
    .innerJoin("questions as q", "q.id", "a.question_id")
    .innerJoin("responses as r", "r.id", "a.response_id")
    .select(["a.id as answer_id", "a.response_id", "r.survey_id", "q.role", "q.kind", "a.value_text", "a.value_number", "a.value_json"])
    .where("r.status", "=", "complete")
    .where("q.role", "in", [...roles]);
  if (scope !== null) query = query.where("r.survey_id", "=", scope);
  if (only.responseId !== undefined) query = query.where("r.id", "=", only.responseId);
  if (only.responseIds) query = query.where("r.id", ">=", only.responseIds.from).where("r.id", "<=", only.responseIds.to);
  return query.orderBy("a.id").execute();
}

export interface ScopeResponse {
  id: number;
  survey_id: number;
  person_id: number | null;
  source: string;
  industry: string | null;
  region: string | null;
}

/** Complete responses in scope with their company's industry and region (a fallback for the answers). */
export async function loadScopeResponses(db: Db, scope: RunScope, only: ResponseSlice = {}): Promise<ScopeResponse[]> {
  let query = db
    .selectFrom("responses as r")
    .leftJoin("people as p", "p.id", "r.person_id")
    .leftJoin("companies as c", "c.id", "p.company_id")
    .select(["r.id", "r.survey_id", "r.person_id", "r.source", "c.industry", "c.region"])
    .where("r.status", "=", "complete");
  if (scope !== null) query = query.where("r.survey_id", "=", scope);
  if (only.responseId !== undefined) query = query.where("r.id", "=", only.responseId);
  if (only.responseIds) query = query.where("r.id", ">=", only.responseIds.from).where("r.id", "<=", only.responseIds.to);
  return query.orderBy("r.id").execute();
}

export interface ScopeTheme extends Theme {
  members: Array<{ answer_id: number; assigned_by: "analysis" | "user" }>;
}

/** Pain themes of a scope with their current members (the input of theme matching). */
export async function loadScopeThemes(db: Db, scope: RunScope): Promise<ScopeTheme[]> {
  const themes = await db.selectFrom("themes").selectAll().where("kind", "=", "pain").where(scopeFilter(scope)).orderBy("id").execute();
  if (!themes.length) return [];
  const members = await db
    .selectFrom("theme_members as tm")
    .innerJoin("themes as t", "t.id", "tm.theme_id")
    .select(["tm.theme_id", "tm.answer_id", "tm.assigned_by"])
    .where("t.kind", "=", "pain")
    .where(scopeFilter(scope, "t.survey_id"))
    .execute();
  const byTheme = new Map<number, ScopeTheme["members"]>();
  for (const m of members) {
    let list = byTheme.get(m.theme_id);
    if (!list) byTheme.set(m.theme_id, (list = []));
    list.push({ answer_id: m.answer_id, assigned_by: m.assigned_by });
  }
  return themes.map((t) => ({ ...t, members: byTheme.get(t.id) ?? [] }));
}

export interface RunResults {
  runId: number;
  scope: RunScope;
  responseCount: number;
  quality: unknown;
  /** Existing themes the run continued: the analysis label and keywords are refreshed (a custom label still wins). */
  themeUpdates: Array<{ themeId: number; label: string; keywords: string[]; summary: string | null }>;
  /** Clusters that are new themes, keyed by cluster index. */
  newThemes: Array<{ cluster: number; label: string; keywords: string[]; summary: string | null }>;
  /** The fitted theme model (serialised) and, per cluster index, the theme it went to: stored with the run. */
  model: { json: string; clusters: Array<{ themeId: number } | { newCluster: number }> } | null;
  members: Array<{ answerId: number; target: { themeId: number } | { newCluster: number }; quoteRank: number; by: "analysis" | "user" }>;
  triggerMentions: Array<{
    answerId: number;
    responseId: number;
    type: string;
    timing: "past" | "upcoming" | "unknown";
    phrase: string;
    origin: "text" | "choice" | "correction";
    confidence: number;
  }>;
  facts: Array<{
    responseId: number;
    surveyId: number;
    industry: string;
    region: string;
    buyingRole: string;
    source: string;
    severity: number | null;
  }>;
}

/**
 * Writes what a successful run found: new themes, refreshed ones, every member, trigger mention
 * and fact of the scope. The caller's transaction also recomputes the figures and marks the run
 * done (app/themes/save-run.server.ts), so a failed run changes nothing. Returns cluster -> new theme id.
 */
export async function writeRunResults(trx: Transaction<Database>, results: RunResults): Promise<Map<number, number>> {
  const now = new Date().toISOString();
  const run = await trx.selectFrom("analysis_runs").select(["status"]).where("id", "=", results.runId).executeTakeFirst();
  if (!run || run.status !== "running") throw new Error("The run was cancelled or already finished.");
  const created = new Map<number, number>();
  for (const theme of results.newThemes) {
    const row = await trx
      .insertInto("themes")
      .values({
        kind: "pain",
        survey_id: results.scope,
        label: theme.label,
        custom_label: null,
        keywords: JSON.stringify(theme.keywords),
        summary: theme.summary,
        status: "active",
        merged_into_id: null,
        pinned: 0,
        centroid: null,
        created_run_id: results.runId,
        last_run_id: results.runId,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    created.set(theme.cluster, row.id);
  }
  for (const update of results.themeUpdates) {
    // The version moves on: an edit form opened before this run must reload first.
    await trx
      .updateTable("themes")
      .set((eb) => ({
        label: update.label,
        keywords: JSON.stringify(update.keywords),
        summary: update.summary,
        last_run_id: results.runId,
        updated_at: now,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", update.themeId)
      .execute();
  }

  const scopeThemeIds = trx.selectFrom("themes").select("id").where("kind", "=", "pain").where(scopeFilter(results.scope));
  await trx.deleteFrom("theme_members").where("theme_id", "in", scopeThemeIds).execute();
  const memberRows = results.members.map((m) => ({
    theme_id: "themeId" in m.target ? m.target.themeId : created.get(m.target.newCluster)!,
    answer_id: m.answerId,
    run_id: results.runId,
    similarity: m.quoteRank,
    assigned_by: m.by,
  }));
  for (const chunk of chunks(memberRows)) await trx.insertInto("theme_members").values(chunk).execute();

  const scopeResponses = trx
    .selectFrom("responses")
    .select("id")
    .$if(results.scope !== null, (q) => q.where("survey_id", "=", results.scope!));
  await trx.deleteFrom("trigger_mentions").where("response_id", "in", scopeResponses).execute();
  const mentionRows = results.triggerMentions.map((m) => ({
    answer_id: m.answerId,
    response_id: m.responseId,
    run_id: results.runId,
    trigger_type: m.type,
    timing: m.timing,
    phrase: m.phrase.slice(0, 300),
    origin: m.origin,
    confidence: m.confidence,
  }));
  for (const chunk of chunks(mentionRows)) await trx.insertInto("trigger_mentions").values(chunk).execute();

  // Facts of older runs of this scope are not read any more.
  const olderRuns = trx.selectFrom("analysis_runs").select("id").where("id", "<>", results.runId).where(scopeFilter(results.scope));
  await trx.deleteFrom("response_facts").where("run_id", "in", olderRuns).execute();
  const factRows = results.facts.map((f) => ({
    run_id: results.runId,
    response_id: f.responseId,
    survey_id: f.surveyId,
    industry: f.industry,
    region: f.region,
    buying_role: f.buyingRole,
    source: f.source,
    severity: f.severity,
  }));
  for (const chunk of chunks(factRows)) await trx.insertInto("response_facts").values(chunk).execute();
  return created;
}

/** Marks the run done with its counts, quality and model (the theme ids its clusters went to). */
export async function finishRun(trx: Transaction<Database>, results: RunResults, created: Map<number, number>): Promise<void> {
  await trx
    .updateTable("analysis_runs")
    .set({
      status: "done",
      progress: 1,
      stage: "done",
      response_count: results.responseCount,
      quality: JSON.stringify(results.quality ?? null),
      theme_model: results.model?.json ?? null,
      model_theme_ids: results.model
        ? JSON.stringify(results.model.clusters.map((c) => ("themeId" in c ? c.themeId : created.get(c.newCluster)!)))
        : null,
      finished_at: new Date().toISOString(),
    })
    .where("id", "=", results.runId)
    .execute();
}
