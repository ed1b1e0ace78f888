/**
 * Readiness to buy: pure scoring, no database (DESIGN.md "Readiness to buy").
 * Readiness = 100 x weighted mean of five parts, each 0..1 from the answers with those roles.
 * Gates (industry, region, site count) must pass or the person is not a fit whatever the score.
 * Ready now: score >= readyScore, decision within one sales cycle and pain >= minPain.
 */
import type { Profile, CriterionKey } from "./profile.js";
import { siteCountOf } from "./site-count.js";

export type Band = "ready_now" | "nurture" | "not_a_fit";
export type Timing = "past" | "upcoming" | "unknown";

/** One answer as the scoring sees it: free text, a number, or the chosen options. */
interface RoleAnswer {
  text?: string | null;
  number?: number | null;
  choices?: readonly string[] | null;
}
export type AnswersByRole = Partial<Record<string, RoleAnswer[]>>;

/** A trigger found in the person's words (analysis.detectTriggers) or chosen in the survey. */
export interface TriggerInput {
  type: string;
  timing: Timing;
  phrase: string;
  origin?: "text" | "choice";
  /** The detector's probability for text triggers (1 for ticked choices and corrections). */
  confidence?: number;
  /** A marketer added or confirmed it. */
  corrected?: boolean;
}

/** Confidence in words, for sales: what a 0.98 and a 0.55 mean. */
export function confidenceLabel(t: Pick<TriggerInput, "confidence" | "corrected" | "origin">): string {
  if (t.corrected) return "corrected by marketing";
  if (t.origin === "choice") return "ticked";
  const c = t.confidence ?? 1;
  return c >= 0.85 ? "stated" : c >= 0.65 ? "likely" : "possible";
}

type ReasonTone = "plus" | "minus" | "gate";
export interface Reason {
  text: string;
  tone: ReasonTone;
}

interface ReadinessParts {
  pain: number;
  trigger: number;
  budget_timeline: number;
  fit: number;
  authority: number;
}

export interface ReadinessResult {
  score: number;
  band: Band;
  parts: ReadinessParts;
  reasons: Reason[];
  /** the ready-now conditions one by one, and the gates that failed: "fails by one criterion" */
  checks: { gates: boolean; score: boolean; cycle: boolean; pain: boolean };
  gateFailures: string[];
  /** the strongest trigger first */
  triggers: Array<TriggerInput & { urgency: number }>;
  decisionDays: number | null;
}

export const BAND_LABELS: Record<Band, string> = { ready_now: "Ready now", nurture: "Nurture", not_a_fit: "Not a fit" };

const TRIGGER_LABELS: Record<string, string> = {
  security_incident: "Security incident",
  outage: "Outage",
  compliance_deadline: "Compliance deadline",
  leadership_change: "Leadership change",
  contract_renewal: "Contract renewal",
  growth: "Growth or new site",
  funding: "Funding",
  merger_acquisition: "Merger or acquisition",
  cost_pressure: "Cost pressure",
  vendor_change: "Vendor change",
};

export function triggerLabel(type: string): string {
  return TRIGGER_LABELS[type] ?? type.replace(/_/g, " ");
}

export function timingLabel(t: { timing: Timing; origin?: "text" | "choice" }): string {
  if (t.timing === "past") return "recent";
  if (t.timing === "upcoming") return "upcoming";
  return t.origin === "choice" ? "last 12 months or next 6" : "timing unknown";
}

const BUDGET_SCORES: Record<string, number> = { Allocated: 1, "Could be found": 0.6, "Don't know": 0.3, None: 0 };
const TIMELINE_SCORES: Record<string, number> = {
  "Less than 3 months": 1,
  "3-6 months": 0.75,
  "6-12 months": 0.4,
  "More than 12 months": 0.15,
  "No plans": 0,
};
/** Upper bound of each timeline answer in days, compared with the sales cycle. */
const TIMELINE_DAYS: Record<string, number> = {
  "Less than 3 months": 90,
  "3-6 months": 182,
  "6-12 months": 365,
  "More than 12 months": Number.POSITIVE_INFINITY,
  "No plans": Number.POSITIVE_INFINITY,
};
const BUYING_ROLE_SCORES: Record<string, number> = {
  "Decision maker": 1,
  "Budget holder": 1,
  "Influencer / evaluator": 0.5,
  "End user": 0.2,
  Other: 0.2,
};
const YES_NO_SCORES: Record<string, number> = { Yes: 1, "Not sure": 0.3, No: 0 };

/** Urgency per trigger: a dated event (recent or upcoming) is high, a ticked box a little less, unknown timing medium. */
function triggerUrgency(t: TriggerInput): number {
  const base = t.timing === "past" || t.timing === "upcoming" ? 1 : t.origin === "choice" ? 0.8 : 0.5;
  // A "maybe a renewal" at 0.55 must not weigh like "our contract ends in June" at 0.98.
  return Math.round(base * Math.min(1, Math.max(0, t.confidence ?? 1)) * 1000) / 1000;
}

function first(answers: AnswersByRole, role: string): RoleAnswer | undefined {
  return answers[role]?.find((a) => (a.text ?? "").trim() !== "" || typeof a.number === "number" || (a.choices?.length ?? 0) > 0);
}

function choiceOf(answers: AnswersByRole, role: string): string | undefined {
  const a = first(answers, role);
  if (!a) return undefined;
  const text = (a.text ?? a.choices?.[0] ?? (typeof a.number === "number" ? String(a.number) : "")).trim();
  return text || undefined;
}

function hasText(answers: AnswersByRole, role: string, minChars = 3): boolean {
  return (answers[role] ?? []).some((a) => (a.text ?? "").trim().length >= minChars);
}

function inList(value: string, list: readonly string[]): boolean {
  const v = value.trim().toLowerCase();
  const other = v.startsWith("other");
  return list.some((item) => {
    const i = item.trim().toLowerCase();
    return i === v || (other && i === "other");
  });
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
/** Rounds away float noise (0.1 + 0.2) before comparisons with thresholds. */
const tidy = (x: number) => Math.round(x * 1e9) / 1e9;

export function readiness(
  answersByRole: AnswersByRole,
  triggers: readonly TriggerInput[],
  profile: Profile,
  _now: Date = new Date(),
): ReadinessResult {
  const reasons: Reason[] = [];
  const plus = (text: string) => reasons.push({ text, tone: "plus" });
  const minus = (text: string) => reasons.push({ text, tone: "minus" });

  // Gates
  const gateFailures: string[] = [];
  const industry = choiceOf(answersByRole, "industry");
  const region = choiceOf(answersByRole, "region");
  const sitesAnswer = choiceOf(answersByRole, "site_count");
  const sites = siteCountOf(sitesAnswer);
  let knownGates = 0;
  if (industry) {
    knownGates++;
    if (!inList(industry, profile.gates.industries)) gateFailures.push(`Fails gate: industry ${industry} not in profile`);
  }
  if (region) {
    knownGates++;
    if (!inList(region, profile.gates.regions)) gateFailures.push(`Fails gate: region ${region} not in profile`);
  }
  if (sites !== null) {
    knownGates++;
    if (sites > profile.gates.maxSites)
      gateFailures.push(`Fails gate: ${sitesAnswer} sites (profile allows at most ${profile.gates.maxSites})`);
  }
  const gatesPass = gateFailures.length === 0;

  // Pain: severity 0-10 -> 0..1, plus 0.1 when they spelled out the cost of doing nothing.
  const severityAnswer = first(answersByRole, "pain_severity");
  const severity = severityAnswer ? Number(severityAnswer.number ?? severityAnswer.text) : Number.NaN;
  const costOfInaction = hasText(answersByRole, "cost_of_inaction", 10);
  let pain = Number.isFinite(severity) ? clamp01(severity / 10) : hasText(answersByRole, "pain_story", 10) ? 0.3 : 0;
  if (costOfInaction) pain = clamp01(pain + 0.1);
  pain = tidy(pain);
  if (Number.isFinite(severity)) {
    if (severity >= 7) plus(`Pain ${severity}/10`);
    else if (severity <= 4) minus(`Low pain: ${severity}/10`);
    else reasons.push({ text: `Moderate pain: ${severity}/10`, tone: "minus" });
  } else minus("Pain severity not given");
  if (costOfInaction) plus("Described the cost of doing nothing");

  // Trigger urgency: the strongest trigger; text with a date beats a ticked box of the same type.
  const byType = new Map<string, TriggerInput & { urgency: number }>();
  for (const t of triggers) {
    const scored = { ...t, urgency: triggerUrgency(t) };
    const prev = byType.get(t.type);
    if (!prev || scored.urgency > prev.urgency) byType.set(t.type, scored);
  }
  const ranked = [...byType.values()].sort((a, b) => b.urgency - a.urgency);
  const trigger = ranked.length ? ranked[0].urgency : 0;
  for (const t of ranked.slice(0, 3)) {
    const when =
      t.timing === "past"
        ? "recent"
        : t.timing === "upcoming"
          ? "upcoming"
          : t.origin === "choice"
            ? "in the last 12 months or next 6"
            : "timing unclear";
    const quote = t.origin === "text" && t.phrase ? `: “${t.phrase}”` : "";
    const how = t.origin === "text" ? ` (${confidenceLabel(t)})` : "";
    (t.urgency >= 0.8 ? plus : minus)(`${triggerLabel(t.type)}, ${when}${how}${quote}`);
  }
  if (!ranked.length) minus("No buying trigger");

  // Budget and timeline
  const budget = choiceOf(answersByRole, "budget");
  const timeline = choiceOf(answersByRole, "timeline");
  const budgetScore = budget !== undefined ? (BUDGET_SCORES[budget] ?? 0.3) : 0;
  const timelineScore = timeline !== undefined ? (TIMELINE_SCORES[timeline] ?? 0) : 0;
  const budgetTimeline = tidy((budgetScore + timelineScore) / 2);
  if (budget === "Allocated") plus("Budget allocated");
  else if (budget === "Could be found") plus("Budget could be found");
  else if (budget === "None") minus("No budget");
  else minus("Budget unknown");
  const decisionDays = timeline !== undefined ? (TIMELINE_DAYS[timeline] ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  const withinCycle = decisionDays <= profile.thresholds.cycleDays;
  if (timeline === undefined) minus("No decision timeline");
  else if (timeline === "No plans") minus("No plans to decide");
  else if (withinCycle) plus(`Decision in ${timeline.toLowerCase().replace("less than", "under")}`);
  else minus(`Decision in ${timeline.toLowerCase()}: beyond the ${profile.thresholds.cycleDays}-day sales cycle`);

  // Fit: gates passed (each known, passing gate counts) plus how compelling the category is to them.
  const appealAnswer = first(answersByRole, "category_appeal");
  const appeal = appealAnswer ? Number(appealAnswer.number ?? appealAnswer.text) : Number.NaN;
  // unknown appeal counts as neutral, in proportion to what we know about them
  const appealPart = Number.isFinite(appeal) ? clamp01((appeal - 1) / 4) : 0.5 * (knownGates / 3);
  const fit = gatesPass ? tidy(0.7 * (knownGates / 3) + 0.3 * appealPart) : 0;
  for (const g of gateFailures) reasons.push({ text: g, tone: "gate" });
  if (gatesPass && knownGates === 3) plus(`Fits the profile: ${industry}, ${region}, ${sitesAnswer} sites`);
  else if (gatesPass) minus("Fit partly unknown (industry, region or sites not given)");

  // Authority: buying role half, named project leader and executive sponsor a quarter each.
  const buyingRole = choiceOf(answersByRole, "buying_role");
  const leader = choiceOf(answersByRole, "project_leader");
  const sponsor = choiceOf(answersByRole, "exec_sponsor");
  const authority = tidy(
    0.5 * (buyingRole ? (BUYING_ROLE_SCORES[buyingRole] ?? 0.2) : 0) +
      0.25 * (leader ? (YES_NO_SCORES[leader] ?? 0) : 0) +
      0.25 * (sponsor ? (YES_NO_SCORES[sponsor] ?? 0) : 0),
  );
  if (buyingRole === "Decision maker" || buyingRole === "Budget holder") plus(buyingRole);
  else if (buyingRole) minus(`Buying role: ${buyingRole.toLowerCase()}`);
  if (leader === "Yes") plus("Named project leader");
  else minus("No named project leader");
  if (sponsor === "Yes") plus("Executive sponsor");
  else minus("No executive sponsor");

  const parts: ReadinessParts = { pain, trigger, budget_timeline: budgetTimeline, fit, authority };
  const weights = profile.criteria.filter((c) => c.weight > 0);
  const totalWeight = weights.reduce((s, c) => s + c.weight, 0);
  const raw = totalWeight > 0 ? weights.reduce((s, c) => s + c.weight * parts[c.key as CriterionKey], 0) / totalWeight : 0;
  const score = Math.round(tidy(100 * raw));

  const checks = {
    gates: gatesPass,
    score: score >= profile.thresholds.readyScore,
    cycle: withinCycle,
    pain: pain >= tidy(profile.thresholds.minPain),
  };
  const band: Band = !gatesPass ? "not_a_fit" : checks.score && checks.cycle && checks.pain ? "ready_now" : "nurture";
  if (band === "nurture") {
    if (!checks.score) reasons.push({ text: `Score ${score} is below ${profile.thresholds.readyScore}`, tone: "minus" });
    if (!checks.pain && Number.isFinite(severity))
      reasons.push({ text: `Pain below the ${Math.round(profile.thresholds.minPain * 10)}/10 bar`, tone: "minus" });
  }
  // Gate failures first, then what speaks for them, then against.
  const order: Record<ReasonTone, number> = { gate: 0, plus: 1, minus: 2 };
  reasons.sort((a, b) => order[a.tone] - order[b.tone]);

  return {
    score,
    band,
    parts,
    reasons,
    checks,
    gateFailures,
    triggers: ranked,
    decisionDays: Number.isFinite(decisionDays) ? decisionDays : null,
  };
}

/** How many of the ready-now conditions (gates, score, cycle, pain) a person misses. */
export function missedChecks(checks: ReadinessResult["checks"]): number {
  return [checks.gates, checks.score, checks.cycle, checks.pain].filter((ok) => !ok).length;
}
