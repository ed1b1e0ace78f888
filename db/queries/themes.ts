import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, Theme } from "../schema.js";
import { scopeFilter, type RunScope } from "./analysis-runs.js";
import { chunks, parseJson } from "./util.js";

type Db = Kysely<Database>;

export function themeLabel(theme: Pick<Theme, "label" | "custom_label">): string {
  return theme.custom_label?.trim() || theme.label;
}

// ---------------------------------------------------------------------------------------------
// What an analysis run reads
// ---------------------------------------------------------------------------------------------

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

/** Which responses a run's loader reads: one, or those with ids in [from, to] (a run reads a large scope in slices). */
export interface ResponseSlice {
  responseId?: number;
  responseIds?: { from: number; to: number };
}

/** Answers with the given question roles from complete responses in scope (or of one response), in answer-id order. */
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

// ---------------------------------------------------------------------------------------------
// What a successful run writes (one transaction: a failed run changes nothing)
// ---------------------------------------------------------------------------------------------

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

export async function saveRunResults(db: Db, results: RunResults): Promise<Map<number, number>> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
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

    await recomputeAggregates(trx, results.runId, null);

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
    return created;
  });
}

/** theme_facets: one row per (run, theme, filter combination); theme 0 holds everyone analysed. */
const FACET_COLUMNS = [
  "run_id",
  "theme_id",
  "survey_id",
  "industry",
  "region",
  "buying_role",
  "source",
  "respondents",
  "severity_sum",
  "severity_n",
] as const;
/** The filter columns of response_facts (alias `f`) a facet row is grouped by. */
const FACET_KEYS = ["f.survey_id", "f.industry", "f.region", "f.buying_role", "f.source"] as const;
/** What a facet row counts over its group of response_facts (alias `f`). */
function facetSums() {
  return [
    sql<number>`count(*)`.as("respondents"),
    sql<number>`coalesce(sum(f.severity), 0)`.as("severity_sum"),
    sql<number>`count(f.severity)`.as("severity_n"),
  ] as const;
}

/** Facet rows added up per theme (a run's totals, or the rows that match the board's filters). */
export function facetRollup() {
  return [
    sql<number>`sum(respondents)`.as("respondents"),
    sql<number>`sum(severity_sum)`.as("severity_sum"),
    sql<number>`sum(severity_n)`.as("severity_n"),
  ] as const;
}

/** Mean severity of a rolled-up facet row; null when nobody rated it. */
export function averageSeverity(row: { severity_sum: number | string; severity_n: number | string }): number | null {
  return Number(row.severity_n) > 0 ? Number(row.severity_sum) / Number(row.severity_n) : null;
}

/**
 * Recomputes the board's aggregates of one run from theme_members and response_facts: for the
 * given themes after an edit, or for every theme of the run's scope (themeIds null) when it finishes.
 */
export async function recomputeAggregates(db: Db, runId: number, themeIds: number[] | null): Promise<void> {
  const run = await db.selectFrom("analysis_runs").select(["id", "survey_id"]).where("id", "=", runId).executeTakeFirst();
  if (!run) return;
  let ids = themeIds;
  if (ids === null) {
    const rows = await db.selectFrom("themes").select("id").where("kind", "=", "pain").where(scopeFilter(run.survey_id)).execute();
    ids = rows.map((r) => r.id);
    await db.deleteFrom("theme_stats").where("run_id", "=", runId).execute();
    await db.deleteFrom("theme_facets").where("run_id", "=", runId).execute();
    // Everyone analysed, per filter combination: the denominator of every (filtered) share.
    await db
      .insertInto("theme_facets")
      .columns(FACET_COLUMNS)
      .expression((eb) =>
        eb
          .selectFrom("response_facts as f")
          .select([sql<number>`${runId}`.as("run_id"), sql<number>`0`.as("theme_id"), ...FACET_KEYS, ...facetSums()])
          .where("f.run_id", "=", runId)
          .groupBy([...FACET_KEYS]),
      )
      .execute();
  } else if (ids.length) {
    await db.deleteFrom("theme_stats").where("run_id", "=", runId).where("theme_id", "in", ids).execute();
    await db.deleteFrom("theme_facets").where("run_id", "=", runId).where("theme_id", "in", ids).execute();
  }
  if (!ids.length) return;

  for (const idChunk of chunks(ids, 200)) {
    // One row per (theme, respondent): a respondent counts once per theme whatever they wrote.
    const pairs = db
      .selectFrom("theme_members as tm")
      .innerJoin("answers as a", "a.id", "tm.answer_id")
      .select(["tm.theme_id", "a.response_id"])
      .distinct()
      .where("tm.theme_id", "in", idChunk);
    await db
      .insertInto("theme_facets")
      .columns(FACET_COLUMNS)
      .expression((eb) =>
        eb
          .selectFrom(pairs.as("p"))
          .innerJoin("response_facts as f", (join) => join.onRef("f.response_id", "=", "p.response_id").on("f.run_id", "=", runId))
          .select([sql<number>`${runId}`.as("run_id"), "p.theme_id", ...FACET_KEYS, ...facetSums()])
          .groupBy(["p.theme_id", ...FACET_KEYS]),
      )
      .execute();
  }

  const totalRow = await db
    .selectFrom("theme_facets")
    .select(sql<number>`coalesce(sum(respondents), 0)`.as("n"))
    .where("run_id", "=", runId)
    .where("theme_id", "=", 0)
    .executeTakeFirst();
  const total = Number(totalRow?.n ?? 0);
  const perTheme = await db
    .selectFrom("theme_facets")
    .select(["theme_id", ...facetRollup()])
    .where("run_id", "=", runId)
    .where("theme_id", "in", ids)
    .groupBy("theme_id")
    .execute();
  // Only themes someone belongs to get a stats row; merged and emptied themes need no mix or quotes.
  const withStats = perTheme.filter((row) => Number(row.respondents) > 0);
  const statIds = withStats.map((row) => row.theme_id);
  const mix = new Map<number, Record<string, number>>();
  for (const idChunk of chunks(statIds, 200)) {
    const rows = await db
      .selectFrom("theme_members as tm")
      .innerJoin("answers as a", "a.id", "tm.answer_id")
      .innerJoin("trigger_mentions as tr", "tr.response_id", "a.response_id")
      .select(["tm.theme_id", "tr.trigger_type", sql<number>`count(distinct tr.response_id)`.as("n")])
      .where("tm.theme_id", "in", idChunk)
      .groupBy(["tm.theme_id", "tr.trigger_type"])
      .execute();
    for (const row of rows) {
      const entry = mix.get(row.theme_id) ?? {};
      entry[row.trigger_type] = Number(row.n);
      mix.set(row.theme_id, entry);
    }
  }
  const quotes = new Map<number, number[]>();
  for (const idChunk of chunks(statIds, 200)) {
    // Best quotes: the analysis' most central answers (highest quote rank, stored as `similarity`), then the longest.
    const rows = await db
      .selectFrom("theme_members as tm")
      .select(["tm.theme_id", "tm.answer_id", "tm.similarity"])
      .where("tm.theme_id", "in", idChunk)
      .where("tm.similarity", ">=", 0.8)
      .orderBy("tm.similarity", "desc")
      .orderBy("tm.answer_id")
      .execute();
    for (const row of rows) {
      const list = quotes.get(row.theme_id) ?? [];
      if (list.length < 3) list.push(row.answer_id);
      quotes.set(row.theme_id, list);
    }
  }
  for (const id of statIds) {
    if ((quotes.get(id)?.length ?? 0) >= 3) continue;
    const have = quotes.get(id) ?? [];
    const more = await db
      .selectFrom("theme_members as tm")
      .innerJoin("answers as a", "a.id", "tm.answer_id")
      .select("tm.answer_id")
      .where("tm.theme_id", "=", id)
      .$if(have.length > 0, (q) => q.where("tm.answer_id", "not in", have))
      .orderBy(sql`length(a.value_text)`, "desc")
      .orderBy("tm.answer_id")
      .limit(3 - have.length)
      .execute();
    quotes.set(id, [...have, ...more.map((r) => r.answer_id)]);
  }

  const now = new Date().toISOString();
  const statRows = withStats.map((row) => ({
    run_id: runId,
    theme_id: row.theme_id,
    member_count: Number(row.respondents),
    share: total > 0 ? Number(row.respondents) / total : 0,
    avg_severity: averageSeverity(row),
    trigger_mix: JSON.stringify(mix.get(row.theme_id) ?? {}),
    quote_answer_ids: JSON.stringify(quotes.get(row.theme_id) ?? []),
    created_at: now,
  }));
  for (const chunk of chunks(statRows, 200)) await db.insertInto("theme_stats").values(chunk).execute();
}

// ---------------------------------------------------------------------------------------------
// A theme and its members
// ---------------------------------------------------------------------------------------------

export async function getTheme(db: Db, id: number): Promise<Theme | undefined> {
  return db.selectFrom("themes").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Themes a member could be moved to or a theme merged into: live themes of the same scope (not
 * merged, holding answers now; hidden ones included). A theme the latest run no longer found is
 * not offered: merging into it would hide answers in a theme the board does not show.
 */
export async function siblingThemes(
  db: Db,
  theme: Pick<Theme, "id" | "survey_id">,
): Promise<Array<{ id: number; label: string; status: string }>> {
  const rows = await db
    .selectFrom("themes")
    .select(["id", "label", "custom_label", "status"])
    .where("kind", "=", "pain")
    .where("status", "<>", "merged")
    .where("id", "<>", theme.id)
    .where(scopeFilter(theme.survey_id))
    .where(({ exists, selectFrom }) => exists(selectFrom("theme_members as tm").select("tm.id").whereRef("tm.theme_id", "=", "themes.id")))
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, label: themeLabel(r), status: r.status }));
}

export interface MemberRow {
  answer_id: number;
  response_id: number;
  text: string;
  assigned_by: "analysis" | "user";
  person_id: number | null;
  person_name: string | null;
  job_title: string | null;
  company: string | null;
  company_industry: string | null;
}

export async function themeMembers(db: Db, themeId: number, limit = 500): Promise<MemberRow[]> {
  return db
    .selectFrom("theme_members as tm")
    .innerJoin("answers as a", "a.id", "tm.answer_id")
    .innerJoin("responses as r", "r.id", "a.response_id")
    .leftJoin("people as p", "p.id", "r.person_id")
    .leftJoin("companies as c", "c.id", "p.company_id")
    .select([
      "tm.answer_id",
      "a.response_id",
      sql<string>`coalesce(a.value_text, '')`.as("text"),
      "tm.assigned_by",
      "r.person_id",
      "p.name as person_name",
      "p.job_title",
      "c.name as company",
      "c.industry as company_industry",
    ])
    .where("tm.theme_id", "=", themeId)
    .orderBy("tm.similarity", "desc")
    .orderBy("tm.answer_id")
    .limit(limit)
    .execute();
}

/** Answers with these roles for these responses: role -> response id -> display value. */
export async function roleTextsByResponse(
  db: Db,
  responseIds: number[],
  roles: readonly string[],
): Promise<Map<string, Map<number, string>>> {
  const out = new Map<string, Map<number, string>>();
  for (const role of roles) out.set(role, new Map());
  for (const idChunk of chunks(responseIds)) {
    const rows = await db
      .selectFrom("answers as a")
      .innerJoin("questions as q", "q.id", "a.question_id")
      .select(["a.response_id", "q.role", "a.value_text", "a.value_number", "a.value_json"])
      .where("a.response_id", "in", idChunk)
      .where("q.role", "in", [...roles])
      .execute();
    for (const row of rows) {
      const value = answerDisplay(row);
      if (value && row.role) out.get(row.role)?.set(row.response_id, value);
    }
  }
  return out;
}

export function answerDisplay(row: { value_text: string | null; value_number: number | null; value_json: string | null }): string {
  if (row.value_text && row.value_text.trim()) return row.value_text.trim();
  if (row.value_number !== null && row.value_number !== undefined) return String(row.value_number);
  const list = parseJson<unknown>(row.value_json, null);
  if (Array.isArray(list)) return list.map(String).join(", ");
  if (typeof list === "string" || typeof list === "number" || typeof list === "boolean") return String(list);
  return "";
}

// ---------------------------------------------------------------------------------------------
// A marketer's edits. Each checks the theme's version and bumps it (optimistic concurrency).
// ---------------------------------------------------------------------------------------------

export class ThemeConflict extends Error {}

async function bump(trx: Db, themeId: number, version: number, set: Record<string, unknown> = {}): Promise<void> {
  const result = await trx
    .updateTable("themes")
    .set((eb) => ({ ...set, updated_at: new Date().toISOString(), version: eb("version", "+", 1) }))
    .where("id", "=", themeId)
    .where("version", "=", version)
    .where("status", "<>", "merged")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new ThemeConflict("Someone else changed this theme; reload to see their change.");
}

// Rename and status edits are one UPDATE each; the caller's transaction also logs the edit.
export async function renameTheme(trx: Transaction<Database>, themeId: number, version: number, label: string | null): Promise<void> {
  await bump(trx, themeId, version, { custom_label: label });
}

export async function setThemeStatus(
  trx: Transaction<Database>,
  themeId: number,
  version: number,
  change: { status?: "active" | "hidden"; pinned?: 0 | 1 },
): Promise<void> {
  await bump(trx, themeId, version, change);
}

// Merge, split and move change which answers a theme holds, so its figures (theme_stats) must be
// recomputed in the same transaction: they take the caller's Transaction and open none themselves.

/** Moves every member of `sourceId` into `targetId` (as the user's decision) and marks the source merged. */
export async function mergeThemes(trx: Transaction<Database>, sourceId: number, sourceVersion: number, targetId: number): Promise<void> {
  const target = await trx.selectFrom("themes").select(["id", "status", "version"]).where("id", "=", targetId).executeTakeFirst();
  if (!target || target.status === "merged") throw new ThemeConflict("The theme to merge into no longer exists; reload the page.");
  await bump(trx, sourceId, sourceVersion, { status: "merged", merged_into_id: targetId, pinned: 0 });
  await trx.updateTable("theme_members").set({ theme_id: targetId }).where("theme_id", "=", sourceId).execute();
  // Anything that pointed at the source now points at the target.
  await trx.updateTable("themes").set({ merged_into_id: targetId }).where("merged_into_id", "=", sourceId).execute();
  await trx
    .updateTable("themes")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date().toISOString() }))
    .where("id", "=", targetId)
    .execute();
}

/** Moves the chosen answers to a new theme; they stay there on every later run (assigned by the user). */
export async function splitTheme(
  trx: Transaction<Database>,
  themeId: number,
  version: number,
  answerIds: number[],
  label: string,
  runId: number | null,
): Promise<number> {
  const theme = await trx.selectFrom("themes").selectAll().where("id", "=", themeId).executeTakeFirst();
  if (!theme) throw new ThemeConflict("That theme no longer exists; reload the page.");
  await bump(trx, themeId, version);
  const members = await trx
    .selectFrom("theme_members")
    .select("answer_id")
    .where("theme_id", "=", themeId)
    .where("answer_id", "in", answerIds)
    .execute();
  if (members.length !== new Set(answerIds).size)
    throw new ThemeConflict("Some of those answers are no longer in this theme; reload the page.");
  const now = new Date().toISOString();
  const { id } = await trx
    .insertInto("themes")
    .values({
      kind: "pain",
      survey_id: theme.survey_id,
      label,
      custom_label: label,
      keywords: "[]",
      status: "active",
      merged_into_id: null,
      pinned: 0,
      centroid: null,
      created_run_id: runId,
      last_run_id: runId,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("theme_members")
    .set({ theme_id: id, assigned_by: "user", similarity: 0.5 })
    .where("theme_id", "=", themeId)
    .where("answer_id", "in", answerIds)
    .execute();
  return id;
}

/** Moves one answer to another theme, as the user's decision. */
export async function moveAnswer(
  trx: Transaction<Database>,
  fromId: number,
  version: number,
  answerId: number,
  toId: number,
): Promise<void> {
  const target = await trx.selectFrom("themes").select(["id", "status"]).where("id", "=", toId).executeTakeFirst();
  if (!target || target.status === "merged") throw new ThemeConflict("The theme to move to no longer exists; reload the page.");
  await bump(trx, fromId, version);
  const moved = await trx
    .updateTable("theme_members")
    .set({ theme_id: toId, assigned_by: "user", similarity: 0.5 })
    .where("theme_id", "=", fromId)
    .where("answer_id", "=", answerId)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new ThemeConflict("That answer is no longer in this theme; reload the page.");
}
