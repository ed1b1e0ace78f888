/**
 * The board's precomputed aggregates: theme_facets (respondents and severity per run, theme and
 * filter combination) and theme_stats (a theme's figures in a run). SQL and row mapping only;
 * which quotes a theme shows and how its figures are computed are app/themes/theme-figures.ts,
 * and the recompute that ties them together is app/themes/theme-aggregates.server.ts.
 */
import { sql, type Transaction } from "kysely";
import type { Database } from "../schema.js";
import { scopeFilter, type RunScope } from "./analysis-runs.js";
import { chunks } from "./util.js";

type Trx = Transaction<Database>;

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

/** The scope of a run, or undefined when there is no such run. */
export async function runScopeOf(trx: Trx, runId: number): Promise<{ scope: RunScope } | undefined> {
  const run = await trx.selectFrom("analysis_runs").select(["survey_id"]).where("id", "=", runId).executeTakeFirst();
  return run ? { scope: run.survey_id } : undefined;
}

/** Every pain theme of a scope, whatever its status. */
export async function scopePainThemeIds(trx: Trx, scope: RunScope): Promise<number[]> {
  const rows = await trx.selectFrom("themes").select("id").where("kind", "=", "pain").where(scopeFilter(scope)).execute();
  return rows.map((r) => r.id);
}

/** Drops a run's aggregates: all of them (themeIds null) or those of the given themes. */
export async function clearAggregates(trx: Trx, runId: number, themeIds: number[] | null): Promise<void> {
  if (themeIds === null) {
    await trx.deleteFrom("theme_stats").where("run_id", "=", runId).execute();
    await trx.deleteFrom("theme_facets").where("run_id", "=", runId).execute();
    return;
  }
  if (!themeIds.length) return;
  await trx.deleteFrom("theme_stats").where("run_id", "=", runId).where("theme_id", "in", themeIds).execute();
  await trx.deleteFrom("theme_facets").where("run_id", "=", runId).where("theme_id", "in", themeIds).execute();
}

/** Everyone analysed, per filter combination (theme 0): the denominator of every (filtered) share. */
export async function writeTotalFacets(trx: Trx, runId: number): Promise<void> {
  await trx
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
}

/** The facet rows of the given themes, from their members and the run's response facts. */
export async function writeThemeFacets(trx: Trx, runId: number, themeIds: number[]): Promise<void> {
  for (const idChunk of chunks(themeIds, 200)) {
    // One row per (theme, respondent): a respondent counts once per theme whatever they wrote.
    const pairs = trx
      .selectFrom("theme_members as tm")
      .innerJoin("answers as a", "a.id", "tm.answer_id")
      .select(["tm.theme_id", "a.response_id"])
      .distinct()
      .where("tm.theme_id", "in", idChunk);
    await trx
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
}

/** Everyone analysed in the run (the sum of the theme-0 facets). */
export async function runRespondents(trx: Trx, runId: number): Promise<number> {
  const row = await trx
    .selectFrom("theme_facets")
    .select(sql<number>`coalesce(sum(respondents), 0)`.as("n"))
    .where("run_id", "=", runId)
    .where("theme_id", "=", 0)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface ThemeFacetTotal {
  themeId: number;
  respondents: number;
  avgSeverity: number | null;
}

/** Per theme, its facet rows added up over every filter combination. */
export async function themeFacetTotals(trx: Trx, runId: number, themeIds: number[]): Promise<ThemeFacetTotal[]> {
  const rows = await trx
    .selectFrom("theme_facets")
    .select(["theme_id", ...facetRollup()])
    .where("run_id", "=", runId)
    .where("theme_id", "in", themeIds)
    .groupBy("theme_id")
    .execute();
  return rows.map((r) => ({ themeId: r.theme_id, respondents: Number(r.respondents), avgSeverity: averageSeverity(r) }));
}

/** Per theme, how many of its respondents mentioned each trigger type. */
export async function triggerMixByTheme(trx: Trx, themeIds: number[]): Promise<Map<number, Record<string, number>>> {
  const mix = new Map<number, Record<string, number>>();
  for (const idChunk of chunks(themeIds, 200)) {
    const rows = await trx
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
  return mix;
}

export interface QuoteCandidates {
  /** the members with the highest quote rank (theme_members.similarity), highest first, then by answer id */
  byRank: Array<{ answerId: number; quoteRank: number }>;
  /** the members with the longest answers, longest first, then by answer id */
  byLength: number[];
}

/**
 * Per theme, the `limits.byRank` members of highest quote rank and the `limits.byLength` longest:
 * the candidates a theme's quotes are chosen from (the choice is app/themes/theme-figures.ts).
 */
export async function quoteCandidates(
  trx: Trx,
  themeIds: number[],
  limits: { byRank: number; byLength: number },
): Promise<Map<number, QuoteCandidates>> {
  const out = new Map<number, QuoteCandidates>();
  for (const id of themeIds) out.set(id, { byRank: [], byLength: [] });
  for (const idChunk of chunks(themeIds, 200)) {
    const ranked = trx
      .selectFrom("theme_members as tm")
      .innerJoin("answers as a", "a.id", "tm.answer_id")
      .select([
        "tm.theme_id",
        "tm.answer_id",
        "tm.similarity",
        sql<number>`row_number() over (partition by tm.theme_id order by tm.similarity desc, tm.answer_id)`.as("by_rank"),
        sql<number>`row_number() over (partition by tm.theme_id order by length(a.value_text) desc, tm.answer_id)`.as("by_length"),
      ])
      .where("tm.theme_id", "in", idChunk);
    const rows = await trx
      .selectFrom(ranked.as("m"))
      .selectAll()
      .where((eb) => eb.or([eb("m.by_rank", "<=", limits.byRank), eb("m.by_length", "<=", limits.byLength)]))
      .execute();
    const rankPos = (r: (typeof rows)[number]) => Number(r.by_rank);
    const lengthPos = (r: (typeof rows)[number]) => Number(r.by_length);
    for (const r of [...rows].sort((a, b) => rankPos(a) - rankPos(b)))
      if (rankPos(r) <= limits.byRank) out.get(r.theme_id)!.byRank.push({ answerId: r.answer_id, quoteRank: Number(r.similarity) });
    for (const r of [...rows].sort((a, b) => lengthPos(a) - lengthPos(b)))
      if (lengthPos(r) <= limits.byLength) out.get(r.theme_id)!.byLength.push(r.answer_id);
  }
  return out;
}

export interface ThemeStatRow {
  themeId: number;
  memberCount: number;
  share: number;
  avgSeverity: number | null;
  triggerMix: Record<string, number>;
  quoteAnswerIds: number[];
}

export async function insertThemeStats(trx: Trx, runId: number, stats: ThemeStatRow[]): Promise<void> {
  const now = new Date().toISOString();
  const rows = stats.map((s) => ({
    run_id: runId,
    theme_id: s.themeId,
    member_count: s.memberCount,
    share: s.share,
    avg_severity: s.avgSeverity,
    trigger_mix: JSON.stringify(s.triggerMix),
    quote_answer_ids: JSON.stringify(s.quoteAnswerIds),
    created_at: now,
  }));
  for (const chunk of chunks(rows, 200)) await trx.insertInto("theme_stats").values(chunk).execute();
}
