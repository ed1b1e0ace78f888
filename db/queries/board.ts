import { sql, type Kysely } from "kysely";
import type { AnalysisRun, Database } from "../schema.js";
import { doneRuns, scopeFilter, type RunScope } from "./analysis-runs.js";
import { unseenNoteCounts } from "./notes.js";
import { averageSeverity, facetRollup, themeLabel } from "./themes.js";
import { parseJson } from "./util.js";
import { currentValuePropositions } from "./value-propositions.js";

type Db = Kysely<Database>;

export interface BoardFilters {
  surveyId?: number;
  industry?: string;
  region?: string;
  buyingRole?: string;
  source?: string;
}

export type BoardSort = "impact" | "share" | "severity" | "respondents";
export type Trend = "new" | "growing" | "steady" | "fading";

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

export interface BoardCard {
  themeId: number;
  label: string;
  analysisLabel: string;
  /** the analysis' one-line summary of the theme (null for a theme a marketer split out) */
  summary: string | null;
  keywords: string[];
  pinned: boolean;
  version: number;
  respondents: number;
  share: number;
  avgSeverity: number | null;
  impact: number;
  triggerMix: Array<{ type: string; count: number }>;
  trend: Trend;
  /** share per run, oldest first (the sparkline) */
  history: number[];
  quotes: Quote[];
  valueProposition: { statement: string; version: number; authorName: string | null; createdAt: string } | null;
  unseenNotes: number;
  isNewThisRun: boolean;
}

export interface BoardData {
  run: AnalysisRun | null;
  previousRun: AnalysisRun | null;
  totalRespondents: number;
  cards: BoardCard[];
  /** since the previous run; `edited` is filled in by app/themes/run-changes.server.ts from the edit log */
  changes: { added: string[]; growing: string[]; fading: string[]; gone: string[]; edited: string[] };
  hidden: Array<{ id: number; label: string }>;
  options: { surveys: Array<{ id: number; title: string }>; industry: string[]; region: string[]; buyingRole: string[]; source: string[] };
}

/** Relative change of share against the previous run: more than 20% either way is a trend. */
export function trendOf(current: number, previous: number | null | undefined): Trend {
  if (previous === null || previous === undefined) return "new";
  if (previous <= 0) return current > 0 ? "growing" : "steady";
  const change = (current - previous) / previous;
  if (change > 0.2) return "growing";
  if (change < -0.2) return "fading";
  return "steady";
}

function isFiltered(f: BoardFilters): boolean {
  return Boolean(f.surveyId || f.industry || f.region || f.buyingRole || f.source);
}

export async function loadBoard(
  db: Db,
  input: { scope: RunScope; filters?: BoardFilters; sort?: BoardSort; userId?: number; runs?: AnalysisRun[] },
): Promise<BoardData> {
  const filters = input.filters ?? {};
  const runs = input.runs ?? (await doneRuns(db, input.scope, 6));
  const run = runs[0] ?? null;
  const empty: BoardData = {
    run,
    previousRun: runs[1] ?? null,
    totalRespondents: 0,
    cards: [],
    changes: { added: [], growing: [], fading: [], gone: [], edited: [] },
    hidden: [],
    options: { surveys: [], industry: [], region: [], buyingRole: [], source: [] },
  };
  if (!run) return empty;
  const previousRun = runs[1] ?? null;

  const themes = await db
    .selectFrom("themes")
    .select(["id", "label", "custom_label", "summary", "keywords", "status", "pinned", "version", "created_run_id"])
    .where("kind", "=", "pain")
    .where(scopeFilter(input.scope))
    .where("status", "<>", "merged")
    .execute();
  const runIds = runs.map((r) => r.id);
  const stats = await db
    .selectFrom("theme_stats")
    .select(["run_id", "theme_id", "member_count", "share", "avg_severity", "trigger_mix", "quote_answer_ids"])
    .where("run_id", "in", runIds)
    .execute();
  const current = new Map<number, (typeof stats)[number]>();
  const shareByRun = new Map<number, Map<number, number>>();
  for (const s of stats) {
    if (s.run_id === run.id) current.set(s.theme_id, s);
    let m = shareByRun.get(s.theme_id);
    if (!m) shareByRun.set(s.theme_id, (m = new Map()));
    m.set(s.run_id, Number(s.share));
  }

  // Everyone analysed in this run, and per filter: from the precomputed facets (never the answers).
  const facetQuery = (themeIds: number[] | "totals") => {
    let q = db
      .selectFrom("theme_facets")
      .select(["theme_id", ...facetRollup()])
      .where("run_id", "=", run.id);
    q = themeIds === "totals" ? q.where("theme_id", "=", 0) : q.where("theme_id", "<>", 0);
    if (filters.surveyId) q = q.where("survey_id", "=", filters.surveyId);
    if (filters.industry) q = q.where("industry", "=", filters.industry);
    if (filters.region) q = q.where("region", "=", filters.region);
    if (filters.buyingRole) q = q.where("buying_role", "=", filters.buyingRole);
    if (filters.source) q = q.where("source", "=", filters.source);
    return q.groupBy("theme_id");
  };
  const [totalsRow] = await facetQuery("totals").execute();
  const total = Number(totalsRow?.respondents ?? 0);
  let counts: Map<number, { respondents: number; avgSeverity: number | null }>;
  if (isFiltered(filters)) {
    const rows = await facetQuery([]).execute();
    counts = new Map(rows.map((r) => [r.theme_id, { respondents: Number(r.respondents), avgSeverity: averageSeverity(r) }]));
  } else {
    counts = new Map(
      [...current].map(([id, s]) => [
        id,
        { respondents: Number(s.member_count), avgSeverity: s.avg_severity === null ? null : Number(s.avg_severity) },
      ]),
    );
  }

  const visible = themes.filter((t) => t.status === "active" && ((counts.get(t.id)?.respondents ?? 0) > 0 || t.pinned));
  const visibleIds = visible.map((t) => t.id);
  const quoteIds = visible.flatMap((t) => parseJson<number[]>(current.get(t.id)?.quote_answer_ids, []));
  const [vps, unseen, quotes] = await Promise.all([
    currentValuePropositions(db, visibleIds),
    input.userId ? unseenNoteCounts(db, input.userId, visibleIds) : Promise.resolve(new Map<number, number>()),
    loadQuotes(db, quoteIds, run.id),
  ]);

  const cards: BoardCard[] = visible.map((t) => {
    const c = counts.get(t.id) ?? { respondents: 0, avgSeverity: null };
    const share = total > 0 ? c.respondents / total : 0;
    const s = current.get(t.id);
    const history = [...runs].reverse().map((r) => shareByRun.get(t.id)?.get(r.id) ?? 0);
    const prev = previousRun ? shareByRun.get(t.id)?.get(previousRun.id) : undefined;
    const mix = parseJson<Record<string, number>>(s?.trigger_mix, {});
    const vp = vps.get(t.id);
    return {
      themeId: t.id,
      label: themeLabel(t),
      analysisLabel: t.label,
      summary: t.summary,
      keywords: parseJson<string[]>(t.keywords, []),
      pinned: t.pinned === 1,
      version: t.version,
      respondents: c.respondents,
      share,
      avgSeverity: c.avgSeverity,
      impact: share * (c.avgSeverity ?? 0),
      triggerMix: Object.entries(mix)
        .map(([type, count]) => ({ type, count }))
        .sort((a, b) => b.count - a.count),
      trend: trendOf(Number(s?.share ?? 0), previousRun ? (prev ?? null) : null),
      history,
      quotes: parseJson<number[]>(s?.quote_answer_ids, [])
        .map((id) => quotes.get(id))
        .filter((q): q is Quote => Boolean(q)),
      valueProposition: vp ? { statement: vp.statement, version: vp.version, authorName: vp.author_name, createdAt: vp.created_at } : null,
      unseenNotes: unseen.get(t.id) ?? 0,
      isNewThisRun: t.created_run_id === run.id,
    };
  });
  const sort = input.sort ?? "impact";
  const key = (c: BoardCard) =>
    sort === "share" ? c.share : sort === "severity" ? (c.avgSeverity ?? 0) : sort === "respondents" ? c.respondents : c.impact;
  cards.sort((a, b) => Number(b.pinned) - Number(a.pinned) || key(b) - key(a) || a.themeId - b.themeId);

  const changes: BoardData["changes"] = { added: [], growing: [], fading: [], gone: [], edited: [] };
  if (previousRun) {
    for (const t of themes) {
      if (t.status !== "active") continue;
      const now = current.get(t.id);
      const before = shareByRun.get(t.id)?.get(previousRun.id);
      if (now && before === undefined) changes.added.push(themeLabel(t));
      else if (!now && before !== undefined) changes.gone.push(themeLabel(t));
      else if (now && before !== undefined) {
        const trend = trendOf(Number(now.share), before);
        if (trend === "growing") changes.growing.push(themeLabel(t));
        if (trend === "fading") changes.fading.push(themeLabel(t));
      }
    }
  }

  const optionRows = await db
    .selectFrom("theme_facets")
    .select(["survey_id", "industry", "region", "buying_role", "source"])
    .where("run_id", "=", run.id)
    .where("theme_id", "=", 0)
    .execute();
  const uniq = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const surveyIds = [...new Set(optionRows.map((r) => r.survey_id))];
  const surveys = surveyIds.length
    ? await db.selectFrom("surveys").select(["id", "title"]).where("id", "in", surveyIds).orderBy("title").execute()
    : [];

  return {
    run,
    previousRun,
    totalRespondents: total,
    cards,
    changes,
    hidden: themes.filter((t) => t.status === "hidden").map((t) => ({ id: t.id, label: themeLabel(t) })),
    options: {
      surveys,
      industry: uniq(optionRows.map((r) => r.industry)),
      region: uniq(optionRows.map((r) => r.region)),
      buyingRole: uniq(optionRows.map((r) => r.buying_role)),
      source: uniq(optionRows.map((r) => r.source)),
    },
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
