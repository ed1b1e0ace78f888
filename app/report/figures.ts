/**
 * The report's figures from one row per complete response (pure: the server loads the rows, see
 * report.server.ts). Every share carries its denominator and a Wilson 95% interval; breakdowns by
 * segment hide rows under MIN_SEGMENT respondents.
 */
import { BUDGET_OPTIONS, TIMELINE_OPTIONS, YES_NO_OPTIONS } from "../surveys/template.js";
import { triggerLabel } from "../prospects/readiness.js";
import { MIN_SEGMENT, shareOf, type Share } from "./stats.js";
import { SEGMENT_KINDS, type Segment, type SegmentKind } from "./segment.js";
import type { VerdictInput, VerdictRule } from "./verdict.js";

type Band = "ready_now" | "nurture" | "not_a_fit";

export interface Respondent {
  responseId: number;
  personId: number | null;
  segments: Record<SegmentKind, string>;
  severity: number | null;
  budget: string | null;
  timeline: string | null;
  projectLeader: string | null;
  execSponsor: string | null;
  appeal: number | null;
  triggers: Array<{ type: string; timing: "past" | "upcoming" | "unknown" }>;
  band: Band | null;
}

/** Budget that can buy: allocated, or could be found. */
const BUDGET_YES: ReadonlySet<string> = new Set(["Allocated", "Could be found"]);

/** The latest month a timeline answer can mean; null for "No plans". */
const TIMELINE_MONTHS: Record<string, number | null> = {
  "Less than 3 months": 3,
  "3-6 months": 6,
  "6-12 months": 12,
  "More than 12 months": 24,
  "No plans": null,
};

interface Count {
  value: string;
  count: number;
}

interface SegmentRow {
  value: string;
  /** null when fewer than MIN_SEGMENT respondents: too few to show */
  n: number | null;
  share: Share | null;
}

export interface ReportFigures {
  respondents: number;
  bySegment: Record<SegmentKind, Count[]>;
  pain: null | { distribution: number[]; answered: number; atOrAbove: Share; bySegment: Record<SegmentKind, SegmentRow[]> };
  triggers: null | Array<{ type: string; label: string; respondents: Share; past: number; upcoming: number; unknown: number }>;
  budget: null | {
    budget: Count[];
    timeline: Count[];
    answered: number;
    /** budget and a decision within 3, 6, 12 months */
    within: Array<{ months: number; share: Share }>;
    later: Share;
  };
  leadership: null | { projectLeader: Count[] | null; execSponsor: Count[] | null; leaderYes: Share | null; sponsorYes: Share | null };
  appeal: null | { distribution: number[]; answered: number; mean: number | null; fourPlus: Share };
  readyNow: { scored: number; share: Share };
}

function counts(values: Iterable<string | null>, order: readonly string[] = []): Count[] {
  const tally = new Map<string, number>(order.map((o) => [o, 0]));
  for (const v of values) if (v) tally.set(v, (tally.get(v) ?? 0) + 1);
  const known = order.map((o) => ({ value: o, count: tally.get(o) ?? 0 }));
  const rest = [...tally]
    .filter(([v]) => !order.includes(v))
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return [...known, ...rest];
}

/** Respondents in the segment (all of them for null). */
export function inSegment(rows: readonly Respondent[], segment: Segment | null): Respondent[] {
  return segment ? rows.filter((r) => r.segments[segment.kind] === segment.value) : [...rows];
}

/** Which roles the survey asks decides which sections have figures at all. */
export interface AskedRoles {
  has(role: string): boolean;
}

export function computeFigures(rows: readonly Respondent[], asked: AskedRoles, rule: VerdictRule): ReportFigures {
  const bySegment = Object.fromEntries(SEGMENT_KINDS.map((k) => [k, counts(rows.map((r) => r.segments[k]))])) as ReportFigures["bySegment"];
  const rated = rows.filter((r) => r.severity !== null);
  const hot = (r: Respondent) => r.severity !== null && r.severity >= rule.painThreshold;
  const pain: ReportFigures["pain"] = asked.has("pain_severity")
    ? {
        distribution: Array.from({ length: 11 }, (_, score) => rated.filter((r) => r.severity === score).length),
        answered: rated.length,
        atOrAbove: shareOf(rated.filter(hot).length, rated.length),
        bySegment: Object.fromEntries(
          SEGMENT_KINDS.map((kind) => [
            kind,
            bySegment[kind].map(({ value }) => {
              const group = rated.filter((r) => r.segments[kind] === value);
              return group.length < MIN_SEGMENT
                ? { value, n: null, share: null }
                : { value, n: group.length, share: shareOf(group.filter(hot).length, group.length) };
            }),
          ]),
        ) as Record<SegmentKind, SegmentRow[]>,
      }
    : null;

  let triggers: ReportFigures["triggers"] = null;
  if (asked.has("trigger_events")) {
    const byType = new Map<string, { who: Set<number>; past: Set<number>; upcoming: Set<number>; unknown: Set<number> }>();
    for (const r of rows) {
      for (const t of r.triggers) {
        let e = byType.get(t.type);
        if (!e) byType.set(t.type, (e = { who: new Set(), past: new Set(), upcoming: new Set(), unknown: new Set() }));
        e.who.add(r.responseId);
        e[t.timing].add(r.responseId);
      }
    }
    triggers = [...byType]
      .map(([type, e]) => ({
        type,
        label: triggerLabel(type),
        respondents: shareOf(e.who.size, rows.length),
        past: e.past.size,
        upcoming: e.upcoming.size,
        unknown: e.unknown.size,
      }))
      .sort((a, b) => b.respondents.k - a.respondents.k || a.type.localeCompare(b.type));
  }

  let budget: ReportFigures["budget"] = null;
  if (asked.has("budget") && asked.has("timeline")) {
    const both = rows.filter((r) => r.budget && r.timeline);
    const months = (r: Respondent) => TIMELINE_MONTHS[r.timeline ?? ""] ?? null;
    const canBuy = (r: Respondent, within: number) => BUDGET_YES.has(r.budget ?? "") && (months(r) ?? Infinity) <= within;
    budget = {
      budget: counts(
        rows.map((r) => r.budget),
        BUDGET_OPTIONS,
      ),
      timeline: counts(
        rows.map((r) => r.timeline),
        TIMELINE_OPTIONS,
      ),
      answered: both.length,
      within: [3, 6, 12].map((m) => ({ months: m, share: shareOf(both.filter((r) => canBuy(r, m)).length, both.length) })),
      later: shareOf(both.filter((r) => BUDGET_YES.has(r.budget ?? "") && (months(r) ?? -1) > rule.withinMonths).length, both.length),
    };
  }

  const yesShare = (pick: (r: Respondent) => string | null) => {
    const answered = rows.filter((r) => pick(r));
    return shareOf(answered.filter((r) => pick(r) === "Yes").length, answered.length);
  };
  const leadership: ReportFigures["leadership"] =
    asked.has("project_leader") || asked.has("exec_sponsor")
      ? {
          projectLeader: asked.has("project_leader")
            ? counts(
                rows.map((r) => r.projectLeader),
                YES_NO_OPTIONS,
              )
            : null,
          execSponsor: asked.has("exec_sponsor")
            ? counts(
                rows.map((r) => r.execSponsor),
                YES_NO_OPTIONS,
              )
            : null,
          leaderYes: asked.has("project_leader") ? yesShare((r) => r.projectLeader) : null,
          sponsorYes: asked.has("exec_sponsor") ? yesShare((r) => r.execSponsor) : null,
        }
      : null;

  const appealed = rows.filter((r) => r.appeal !== null);
  const appeal: ReportFigures["appeal"] = asked.has("category_appeal")
    ? {
        distribution: [1, 2, 3, 4, 5].map((score) => appealed.filter((r) => r.appeal === score).length),
        answered: appealed.length,
        mean: appealed.length ? appealed.reduce((s, r) => s + (r.appeal ?? 0), 0) / appealed.length : null,
        fourPlus: shareOf(appealed.filter((r) => (r.appeal ?? 0) >= 4).length, appealed.length),
      }
    : null;

  const scored = rows.filter((r) => r.band !== null);
  return {
    respondents: rows.length,
    bySegment,
    pain,
    triggers,
    budget,
    leadership,
    appeal,
    readyNow: { scored: scored.length, share: shareOf(scored.filter((r) => r.band === "ready_now").length, scored.length) },
  };
}

/** What the verdict rule reads from the figures. */
export function verdictInput(rows: readonly Respondent[], asked: AskedRoles, rule: VerdictRule): VerdictInput {
  const rated = rows.filter((r) => r.severity !== null);
  const both = rows.filter((r) => r.budget && r.timeline);
  const months = (r: Respondent) => TIMELINE_MONTHS[r.timeline ?? ""] ?? null;
  const hasBudget = (r: Respondent) => BUDGET_YES.has(r.budget ?? "");
  return {
    pain: asked.has("pain_severity")
      ? { atOrAbove: rated.filter((r) => (r.severity ?? -1) >= rule.painThreshold).length, answered: rated.length }
      : null,
    budget:
      asked.has("budget") && asked.has("timeline")
        ? {
            within: both.filter((r) => hasBudget(r) && (months(r) ?? Infinity) <= rule.withinMonths).length,
            later: both.filter((r) => hasBudget(r) && (months(r) ?? -1) > rule.withinMonths).length,
            answered: both.length,
          }
        : null,
  };
}
