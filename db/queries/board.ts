import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import { scopeFilter, type RunScope } from "./analysis-runs.js";
import { averageSeverity, facetRollup } from "./theme-aggregates.js";
import { parseJson } from "./util.js";

type Db = Kysely<Database>;

export interface BoardFilters {
  surveyId?: number;
  industry?: string;
  region?: string;
  buyingRole?: string;
  source?: string;
}

/**
 * A quote with the plain facts about who said it. `attribution` comes out anonymous ("Anonymous,
 * Retail it lead"); only app/consent's rule may replace it with a name (app/board/board-view.server.ts).
 */
export interface Quote {
  answerId: number;
  text: string;
  attribution: string;
  named: boolean;
  personId: number | null;
  personName: string | null;
  company: string | null;
  industry: string;
  role: string;
}

/** A pain theme of the board's scope (merged ones are left out). */
export interface BoardTheme {
  id: number;
  label: string;
  customLabel: string | null;
  summary: string | null;
  keywords: string[];
  status: "active" | "hidden" | "merged";
  pinned: boolean;
  version: number;
  createdRunId: number | null;
}

export async function boardThemes(db: Db, scope: RunScope): Promise<BoardTheme[]> {
  const rows = await db
    .selectFrom("themes")
    .select(["id", "label", "custom_label", "summary", "keywords", "status", "pinned", "version", "created_run_id"])
    .where("kind", "=", "pain")
    .where(scopeFilter(scope))
    .where("status", "<>", "merged")
    .execute();
  return rows.map((t) => ({
    id: t.id,
    label: t.label,
    customLabel: t.custom_label,
    summary: t.summary,
    keywords: parseJson<string[]>(t.keywords, []),
    status: t.status,
    pinned: t.pinned === 1,
    version: t.version,
    createdRunId: t.created_run_id,
  }));
}

/** A theme's figures in one run (theme_stats). */
export interface ThemeStat {
  runId: number;
  themeId: number;
  memberCount: number;
  share: number;
  avgSeverity: number | null;
  triggerMix: Record<string, number>;
  quoteAnswerIds: number[];
}

export async function themeStatsOfRuns(db: Db, runIds: number[]): Promise<ThemeStat[]> {
  if (!runIds.length) return [];
  const rows = await db
    .selectFrom("theme_stats")
    .select(["run_id", "theme_id", "member_count", "share", "avg_severity", "trigger_mix", "quote_answer_ids"])
    .where("run_id", "in", runIds)
    .execute();
  return rows.map((s) => ({
    runId: s.run_id,
    themeId: s.theme_id,
    memberCount: Number(s.member_count),
    share: Number(s.share),
    avgSeverity: s.avg_severity === null ? null : Number(s.avg_severity),
    triggerMix: parseJson<Record<string, number>>(s.trigger_mix, {}),
    quoteAnswerIds: parseJson<number[]>(s.quote_answer_ids, []),
  }));
}

export interface FacetCount {
  respondents: number;
  avgSeverity: number | null;
}

function facetQuery(db: Db, runId: number, filters: BoardFilters, which: "totals" | "themes") {
  let q = db
    .selectFrom("theme_facets")
    .select(["theme_id", ...facetRollup()])
    .where("run_id", "=", runId);
  q = which === "totals" ? q.where("theme_id", "=", 0) : q.where("theme_id", "<>", 0);
  if (filters.surveyId) q = q.where("survey_id", "=", filters.surveyId);
  if (filters.industry) q = q.where("industry", "=", filters.industry);
  if (filters.region) q = q.where("region", "=", filters.region);
  if (filters.buyingRole) q = q.where("buying_role", "=", filters.buyingRole);
  if (filters.source) q = q.where("source", "=", filters.source);
  return q.groupBy("theme_id");
}

/** Everyone analysed in a run who matches the filters, from the precomputed facets (never the answers). */
export async function facetTotal(db: Db, runId: number, filters: BoardFilters): Promise<number> {
  const [row] = await facetQuery(db, runId, filters, "totals").execute();
  return Number(row?.respondents ?? 0);
}

/** Per theme, the respondents of a run who match the filters and their mean severity. */
export async function facetCountsByTheme(db: Db, runId: number, filters: BoardFilters): Promise<Map<number, FacetCount>> {
  const rows = await facetQuery(db, runId, filters, "themes").execute();
  return new Map(rows.map((r) => [r.theme_id, { respondents: Number(r.respondents), avgSeverity: averageSeverity(r) }]));
}

/** The filter values present in a run (one row per combination), and the surveys they name. */
export async function boardFilterValues(db: Db, runId: number) {
  const rows = await db
    .selectFrom("theme_facets")
    .select(["survey_id", "industry", "region", "buying_role", "source"])
    .where("run_id", "=", runId)
    .where("theme_id", "=", 0)
    .execute();
  const surveyIds = [...new Set(rows.map((r) => r.survey_id))];
  const surveys = surveyIds.length
    ? await db.selectFrom("surveys").select(["id", "title"]).where("id", "in", surveyIds).orderBy("title").execute()
    : [];
  return {
    surveys,
    combinations: rows.map((r) => ({ industry: r.industry, region: r.region, buyingRole: r.buying_role, source: r.source })),
  };
}

/** Quotes with who said them, attributed anonymously: naming is the consent rule's job (app/consent). */
export async function loadQuotes(db: Db, answerIds: number[], runId: number | null): Promise<Map<number, Quote>> {
  const out = new Map<number, Quote>();
  if (!answerIds.length) return out;
  const rows = await db
    .selectFrom("answers as a")
    .innerJoin("responses as r", "r.id", "a.response_id")
    .leftJoin("people as p", "p.id", "r.person_id")
    .leftJoin("companies as c", "c.id", "p.company_id")
    .select([
      "a.id",
      "a.value_text",
      "a.response_id",
      "r.person_id",
      "p.name as person_name",
      "c.name as company",
      "c.industry as company_industry",
    ])
    .where("a.id", "in", answerIds)
    .execute();
  const facts = runId
    ? await db
        .selectFrom("response_facts")
        .select(["response_id", "industry", "buying_role"])
        .where("run_id", "=", runId)
        .where(
          "response_id",
          "in",
          rows.map((r) => r.response_id),
        )
        .execute()
    : [];
  const factBy = new Map(facts.map((f) => [f.response_id, f]));
  for (const row of rows) {
    const fact = factBy.get(row.response_id);
    const industry = fact?.industry && fact.industry !== "Unknown" ? fact.industry : (row.company_industry ?? "");
    const role = fact?.buying_role && fact.buying_role !== "Unknown" ? fact.buying_role.toLowerCase() : "respondent";
    out.set(row.id, {
      answerId: row.id,
      text: row.value_text ?? "",
      attribution: `Anonymous, ${[industry, role].filter(Boolean).join(" ")}`,
      named: false,
      personId: row.person_id,
      personName: row.person_name,
      company: row.company,
      industry,
      role,
    });
  }
  return out;
}

export interface TriggerRow {
  type: string;
  respondents: number;
  past: number;
  upcoming: number;
  unknown: number;
  latestAt: string | null;
  /** `name` and `company` are raw here: the page shows them only through the consent rule (app/board/board-view.server.ts) */
  prospects: Array<{
    personId: number | null;
    name: string | null;
    company: string | null;
    timing: string;
    phrase: string;
    at: string | null;
  }>;
}

/** Trigger types with how many respondents mentioned them, how recently, and who (newest first). */
export async function loadTriggers(db: Db, scope: RunScope, prospectsPerType = 12): Promise<TriggerRow[]> {
  let base = db.selectFrom("trigger_mentions as t").innerJoin("responses as r", "r.id", "t.response_id").where("r.status", "=", "complete");
  if (scope !== null) base = base.where("r.survey_id", "=", scope);
  const totals = await base
    .select([
      "t.trigger_type",
      sql<number>`count(distinct t.response_id)`.as("respondents"),
      sql<number>`count(distinct case when t.timing = 'past' then t.response_id end)`.as("past"),
      sql<number>`count(distinct case when t.timing = 'upcoming' then t.response_id end)`.as("upcoming"),
      sql<number>`count(distinct case when t.timing = 'unknown' then t.response_id end)`.as("unknown"),
      sql<string | null>`max(r.completed_at)`.as("latest_at"),
    ])
    .groupBy("t.trigger_type")
    .execute();
  const out: TriggerRow[] = [];
  for (const row of totals.sort((a, b) => Number(b.respondents) - Number(a.respondents))) {
    const people = await base
      .leftJoin("people as p", "p.id", "r.person_id")
      .leftJoin("companies as c", "c.id", "p.company_id")
      .select(["r.id as response_id", "r.person_id", "p.name", "c.name as company", "t.timing", "t.phrase", "r.completed_at"])
      .where("t.trigger_type", "=", row.trigger_type)
      .orderBy("r.completed_at", "desc")
      .orderBy("t.id", "desc")
      .limit(prospectsPerType * 3)
      .execute();
    const seen = new Set<number>();
    const prospects: TriggerRow["prospects"] = [];
    for (const p of people) {
      if (seen.has(p.response_id) || prospects.length >= prospectsPerType) continue;
      seen.add(p.response_id);
      prospects.push({
        personId: p.person_id,
        name: p.name,
        company: p.company,
        timing: p.timing,
        phrase: p.phrase,
        at: p.completed_at,
      });
    }
    out.push({
      type: row.trigger_type,
      respondents: Number(row.respondents),
      past: Number(row.past),
      upcoming: Number(row.upcoming),
      unknown: Number(row.unknown),
      latestAt: row.latest_at,
      prospects,
    });
  }
  return out;
}
