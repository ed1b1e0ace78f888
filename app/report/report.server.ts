/**
 * The validation study report of one survey (and segment), end to end: the survey's questions
 * decide which sections exist, complete responses become one Respondent row each (answers by role
 * through the analysis' own query functions), then the pure figures and verdict; pain themes come
 * from the board's precomputed aggregates, the early-stage themes from the analysis' clustering.
 */
import type { Kysely } from "kysely";
import { analyzeThemes } from "../../analysis/index.js";
import { latestDoneRun } from "../../db/queries/analysis-runs.js";
import type { BoardFilters } from "../../db/queries/board.js";
import { loadBoard } from "../board/load-board.server.js";
import { bandsUnderProfile, latestVerdictRule, triggersByResponse } from "../../db/queries/report.js";
import { getSurvey, listQuestions, surveyResponseCounts } from "../../db/queries/surveys.js";
import { loadRoleAnswers, loadScopeResponses } from "../../db/queries/run-results.js";
import { answerDisplay } from "../../db/queries/themes.js";
import { parseJson } from "../../db/queries/util.js";
import type { Database } from "../../db/schema.js";
import { currentProfile } from "../prospects/readiness.server.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions, type TemplateVars } from "../surveys/template.js";
import { computeFigures, inSegment, verdictInput, type ReportFigures, type Respondent } from "./figures.js";
import { segmentKey, segmentTitle, SEGMENT_KINDS, type Segment, type SegmentKind } from "./segment.js";
import { MIN_SEGMENT, shareOf, type Share } from "./stats.js";
import { DEFAULT_RULE, describeRule, evaluateVerdict, VerdictRuleSchema, type Verdict, type VerdictRule } from "./verdict.js";

const UNKNOWN = "Unknown";
const ANSWER_ROLES = [
  "industry",
  "region",
  "buying_role",
  "pain_severity",
  "budget",
  "timeline",
  "project_leader",
  "exec_sponsor",
  "category_appeal",
  "early_stage_concerns",
] as const;

/** Report sections and the question roles each needs (a missing role shows "not asked in this survey"). */
const SECTION_ROLES = {
  pain: ["pain_severity"],
  themes: ["pain_story"],
  triggers: ["trigger_events"],
  budget: ["budget", "timeline"],
  leadership: ["project_leader", "exec_sponsor"],
  appeal: ["category_appeal"],
  early: ["early_stage_concerns"],
} as const;
type SectionKey = keyof typeof SECTION_ROLES;

export interface CurrentRule {
  version: number;
  rule: VerdictRule;
  description: string;
  createdByName: string | null;
  createdAt: string | null;
}

async function currentRule(db: Kysely<Database>): Promise<CurrentRule> {
  const row = await latestVerdictRule(db);
  const parsed = VerdictRuleSchema.safeParse(row?.definition);
  const rule = parsed.success ? parsed.data : DEFAULT_RULE;
  return {
    version: row?.version ?? 0,
    rule,
    description: describeRule(rule),
    createdByName: row?.createdByName ?? null,
    createdAt: row?.createdAt ?? null,
  };
}

export interface ThemeItem {
  label: string;
  share: Share;
  avgSeverity: number | null;
  quotes: Array<{ text: string; attribution: string }>;
}

export interface ReportData {
  survey: { id: number; title: string; status: string };
  segment: Segment | null;
  segmentKey: string;
  segmentTitle: string;
  generatedAt: string;
  counts: { complete: number; partial: number };
  /** the segment has fewer than MIN_SEGMENT respondents: no figures */
  tooFew: boolean;
  figures: ReportFigures | null;
  verdict: Verdict | null;
  rule: CurrentRule;
  themes: { analysed: boolean; items: ThemeItem[] } | null;
  early: { items: ThemeItem[]; answered: number } | null;
  /** sections whose questions the survey lacks: the template question(s) to add */
  missing: Partial<Record<SectionKey, string[]>>;
  segmentOptions: Record<SegmentKind, string[]>;
  /** a shared (logged-out) copy: no quotes, no names */
  shared: boolean;
}

/** One row per complete response of the survey, with the answers the report reads. */
async function loadRespondents(db: Kysely<Database>, surveyId: number): Promise<Respondent[]> {
  const [responses, answers, triggers] = await Promise.all([
    loadScopeResponses(db, surveyId),
    loadRoleAnswers(db, surveyId, ANSWER_ROLES),
    triggersByResponse(db, surveyId),
  ]);
  const byResponse = new Map<number, Map<string, { text: string; number: number | null }>>();
  for (const a of answers) {
    let m = byResponse.get(a.response_id);
    if (!m) byResponse.set(a.response_id, (m = new Map()));
    const text = answerDisplay(a);
    const number = a.value_number ?? (text !== "" && Number.isFinite(Number(text)) ? Number(text) : null);
    if (a.role && !m.has(a.role)) m.set(a.role, { text, number });
  }
  const triggersOf = new Map<number, Respondent["triggers"]>();
  for (const t of triggers) {
    let list = triggersOf.get(t.responseId);
    if (!list) triggersOf.set(t.responseId, (list = []));
    list.push({ type: t.type, timing: t.timing });
  }
  const profile = await currentProfile(db);
  const bands = await bandsUnderProfile(
    db,
    responses.map((r) => r.person_id).filter((id): id is number => id !== null),
    profile.id,
  );
  return responses.map((r) => {
    const m = byResponse.get(r.id) ?? new Map();
    const text = (role: string) => m.get(role)?.text || null;
    const number = (role: string) => m.get(role)?.number ?? null;
    return {
      responseId: r.id,
      personId: r.person_id,
      segments: {
        // The same fallbacks as the analysis' facts (run-analysis.ts), so a segment matches the board's filter.
        industry: text("industry") || r.industry || UNKNOWN,
        region: text("region") || r.region || UNKNOWN,
        role: text("buying_role") || UNKNOWN,
        source: r.source || "unknown",
      },
      severity: number("pain_severity"),
      budget: text("budget"),
      timeline: text("timeline"),
      projectLeader: text("project_leader"),
      execSponsor: text("exec_sponsor"),
      appeal: number("category_appeal"),
      triggers: triggersOf.get(r.id) ?? [],
      band: r.person_id !== null ? (bands.get(r.person_id) ?? null) : null,
    };
  });
}

function boardFilters(surveyId: number, segment: Segment | null): BoardFilters {
  const f: BoardFilters = { surveyId };
  if (segment?.kind === "industry") f.industry = segment.value;
  if (segment?.kind === "region") f.region = segment.value;
  if (segment?.kind === "role") f.buyingRole = segment.value;
  if (segment?.kind === "source") f.source = segment.value;
  return f;
}

async function painThemes(db: Kysely<Database>, surveyId: number, segment: Segment | null, shared: boolean): Promise<ReportData["themes"]> {
  // A survey's own run if it has one, else the all-surveys run (the demo's first run) filtered to it.
  const run = (await latestDoneRun(db, surveyId)) ?? (await latestDoneRun(db, null));
  if (!run) return { analysed: false, items: [] };
  const board = await loadBoard(db, { scope: run.survey_id, filters: boardFilters(surveyId, segment), sort: "respondents", runs: [run] });
  if (!board.totalRespondents) return { analysed: false, items: [] };
  return {
    analysed: true,
    items: board.cards
      .filter((c) => c.respondents > 0)
      .slice(0, 8)
      .map((c) => ({
        label: c.label,
        share: shareOf(Math.min(c.respondents, board.totalRespondents), board.totalRespondents),
        avgSeverity: c.avgSeverity,
        // Quotes are the respondents' own words: never in a shared copy (see ADR 0500).
        quotes: shared
          ? []
          : c.quotes
              .slice(0, 2)
              .map((q) => ({ text: q.text, attribution: q.named ? "A named respondent (named on the board only)" : q.attribution })),
      })),
  };
}

async function earlyStageThemes(db: Kysely<Database>, surveyId: number, ids: Set<number>, shared: boolean): Promise<ReportData["early"]> {
  const texts = (await loadRoleAnswers(db, surveyId, ["early_stage_concerns"]))
    .filter((a) => ids.has(a.response_id))
    .map((a) => answerDisplay(a))
    .filter(Boolean);
  if (texts.length < MIN_SEGMENT) return { items: [], answered: texts.length };
  // Fixed seed and a small k range: the same answers always give the same themes.
  const result = analyzeThemes(texts, { seed: 42, minK: 2, maxK: Math.min(8, Math.max(2, Math.floor(texts.length / 3))) });
  return {
    answered: texts.length,
    items: result.clusters.map((c) => ({
      label: c.label,
      share: shareOf(c.size, texts.length),
      avgSeverity: null,
      quotes: shared ? [] : c.quotes.slice(0, 1).map((i) => ({ text: texts[i], attribution: "Anonymous respondent" })),
    })),
  };
}

export async function loadReport(
  db: Kysely<Database>,
  input: { surveyId: number; segment: Segment | null; shared?: boolean; rule?: CurrentRule },
): Promise<ReportData | null> {
  const survey = await getSurvey(db, input.surveyId);
  if (!survey) return null;
  const shared = input.shared ?? false;
  const [questions, counts, all, rule] = await Promise.all([
    listQuestions(db, survey.id),
    surveyResponseCounts(db, survey.id),
    loadRespondents(db, survey.id),
    input.rule ? Promise.resolve(input.rule) : currentRule(db),
  ]);
  const roles = new Set(questions.map((q) => q.role).filter((r): r is string => Boolean(r)));
  const vars = { ...DEFAULT_TEMPLATE_VARS, ...parseJson<Partial<TemplateVars>>(survey.template_vars, {}) };
  const template = marketValidationQuestions(vars);
  const missing: ReportData["missing"] = {};
  for (const [section, needed] of Object.entries(SECTION_ROLES) as Array<[SectionKey, readonly string[]]>) {
    const absent = needed.filter((r) => !roles.has(r));
    // Leadership needs either question; the others need all of theirs.
    if (section === "leadership" ? absent.length === needed.length : absent.length > 0)
      missing[section] = absent.map((role) => template.find((q) => q.role === role)?.prompt ?? role);
  }
  const rows = inSegment(all, input.segment);
  const tooFew = input.segment !== null && rows.length < MIN_SEGMENT;
  const segmentOptions = Object.fromEntries(
    SEGMENT_KINDS.map((kind) => [kind, [...new Set(all.map((r) => r.segments[kind]))].sort((a, b) => a.localeCompare(b))]),
  ) as Record<SegmentKind, string[]>;
  const base = {
    survey: { id: survey.id, title: survey.title, status: survey.status },
    segment: input.segment,
    segmentKey: segmentKey(input.segment),
    segmentTitle: segmentTitle(input.segment),
    generatedAt: new Date().toISOString(),
    counts,
    rule,
    missing,
    segmentOptions,
    shared,
  };
  if (tooFew) return { ...base, tooFew, figures: null, verdict: null, themes: null, early: null };
  const ids = new Set(rows.map((r) => r.responseId));
  const [themes, early] = await Promise.all([
    roles.has("pain_story") ? painThemes(db, survey.id, input.segment, shared) : Promise.resolve(null),
    roles.has("early_stage_concerns") ? earlyStageThemes(db, survey.id, ids, shared) : Promise.resolve(null),
  ]);
  return {
    ...base,
    tooFew,
    figures: computeFigures(rows, roles, rule.rule),
    verdict: evaluateVerdict(verdictInput(rows, roles, rule.rule), rule.rule),
    themes,
    early,
  };
}
