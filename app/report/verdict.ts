/**
 * The go/no-go verdict of a validation study, decided by a stated, versioned rule (issue 16):
 * - go: at least `minPainShare` rate the pain `painThreshold` or more, and at least `minBudgetShare`
 *   have budget (allocated or could be found) and a decision within `withinMonths`;
 * - right but early: the pain condition holds and the budget share is reached only when decisions
 *   after the window (more than 12 months) count too: the market is there, next year;
 * - no-go otherwise; "too few answers" below `minRespondents` or when the survey lacks a question.
 * Pure: the figures come in, the verdict, its deciding figures and what would change it go out.
 */
import { z } from "zod";
import { percent, shareOf, type Share } from "./stats.js";

export const WINDOW_MONTHS = [3, 6, 12] as const;

const percentField = (label: string) =>
  z.coerce
    .number({ message: `${label}: enter a number from 0 to 100.` })
    .min(0, `${label}: enter a number from 0 to 100.`)
    .max(100, `${label}: enter a number from 0 to 100.`);

/** The rule as the form posts it (percentages); stored as fractions. One schema, both sides. */
export const VerdictRuleForm = z.object({
  painThreshold: z.coerce
    .number({ message: "Pain threshold: enter a whole number from 1 to 10." })
    .int("Pain threshold: enter a whole number from 1 to 10.")
    .min(1, "Pain threshold: enter a whole number from 1 to 10.")
    .max(10, "Pain threshold: enter a whole number from 1 to 10."),
  minPainPercent: percentField("Share in pain"),
  minBudgetPercent: percentField("Share with budget and a decision"),
  withinMonths: z.coerce
    .number({ message: "Choose 3, 6 or 12 months." })
    .refine((v) => (WINDOW_MONTHS as readonly number[]).includes(v), "Choose 3, 6 or 12 months."),
  minRespondents: z.coerce
    .number({ message: "Minimum respondents: enter a whole number from 1 to 10000." })
    .int("Minimum respondents: enter a whole number from 1 to 10000.")
    .min(1, "Minimum respondents: enter a whole number from 1 to 10000.")
    .max(10_000, "Minimum respondents: enter a whole number from 1 to 10000."),
});
export type VerdictRuleInput = z.infer<typeof VerdictRuleForm>;

export const VerdictRuleSchema = z.object({
  painThreshold: z.number().int().min(1).max(10),
  minPainShare: z.number().min(0).max(1),
  minBudgetShare: z.number().min(0).max(1),
  withinMonths: z.number().refine((v) => (WINDOW_MONTHS as readonly number[]).includes(v)),
  minRespondents: z.number().int().min(1),
});
export type VerdictRule = z.infer<typeof VerdictRuleSchema>;

/** The example rule: 30% at 7+, 20% with budget and a decision within 12 months, 10 answers at least. */
export const DEFAULT_RULE: VerdictRule = { painThreshold: 7, minPainShare: 0.3, minBudgetShare: 0.2, withinMonths: 12, minRespondents: 10 };

export function ruleFromForm(input: VerdictRuleInput): VerdictRule {
  return {
    painThreshold: input.painThreshold,
    minPainShare: input.minPainPercent / 100,
    minBudgetShare: input.minBudgetPercent / 100,
    withinMonths: input.withinMonths,
    minRespondents: input.minRespondents,
  };
}

export function describeRule(rule: VerdictRule): string {
  return (
    `Go when at least ${percent(rule.minPainShare)} rate the pain ${rule.painThreshold} or more and at least ` +
    `${percent(rule.minBudgetShare)} have budget and a decision within ${rule.withinMonths} months; right but early when the ` +
    `pain is there and the budget share is reached only with decisions after that; no-go otherwise. ` +
    `At least ${rule.minRespondents} respondents.`
  );
}

/** The counts the rule reads, each over the respondents who answered its questions. */
export interface VerdictInput {
  /** respondents who answered the severity question, and how many at or above the threshold */
  pain: { atOrAbove: number; answered: number } | null;
  /** respondents who answered budget and timeline: budget with a decision inside the window, and after it */
  budget: { within: number; later: number; answered: number } | null;
}

type VerdictKind = "go" | "early" | "no_go" | "insufficient";

const VERDICT_LABELS: Record<VerdictKind, string> = {
  go: "Go",
  early: "Right but early",
  no_go: "No-go",
  insufficient: "Too few answers to decide",
};

interface Condition {
  key: "pain" | "budget" | "budget_later";
  label: string;
  figure: Share;
  threshold: number;
  met: boolean;
  /** the 95% interval straddles the threshold: more answers could flip this condition */
  unsettled: boolean;
}

export interface Verdict {
  kind: VerdictKind;
  label: string;
  conditions: Condition[];
  /** sentences: "8 more respondents at 7+ would reach go (other figures unchanged)" */
  changes: string[];
  reasons: string[];
}

function condition(key: Condition["key"], label: string, k: number, n: number, threshold: number): Condition {
  const figure = shareOf(k, n);
  const met = n > 0 && figure.share >= threshold - 1e-12;
  return { key, label, figure, threshold, met, unsettled: n > 0 && figure.low < threshold && figure.high >= threshold };
}

function decide(pain: Condition, budget: Condition, later: Condition): VerdictKind {
  if (pain.met && budget.met) return "go";
  if (pain.met && later.met) return "early";
  return "no_go";
}

/** Smallest m >= 0 with (k + m) / (n + m) >= t: respondents who meet the condition to add. */
export function neededToReach(k: number, n: number, t: number): number | null {
  if (n > 0 && k / n >= t - 1e-12) return 0;
  if (t >= 1) return k === n ? 0 : null;
  let m = Math.max(0, Math.ceil((t * n - k) / (1 - t) - 1e-9));
  // n + m = 0 has no share yet: one respondent who meets it is the least that counts.
  while (n + m === 0 || (k + m) / (n + m) < t - 1e-12) m++;
  return m;
}

/** Smallest d >= 1 with k / (n + d) < t: respondents who do not meet it before the condition fails. */
export function neededToLose(k: number, n: number, t: number): number | null {
  if (t <= 0) return null;
  let d = Math.max(1, Math.floor(k / t - n - 1e-9) + 1);
  while (d > 1 && k / (n + d - 1) < t - 1e-12) d--;
  while (k / (n + d) >= t - 1e-12) d++;
  return d;
}

const people = (m: number) => `${m} more respondent${m === 1 ? "" : "s"}`;

export function evaluateVerdict(input: VerdictInput, rule: VerdictRule): Verdict {
  const reasons: string[] = [];
  if (!input.pain) reasons.push("The survey does not ask the pain severity question.");
  if (!input.budget) reasons.push("The survey does not ask both the budget and the decision timeline questions.");
  const painIn = input.pain ?? { atOrAbove: 0, answered: 0 };
  const budgetIn = input.budget ?? { within: 0, later: 0, answered: 0 };
  const pain = condition("pain", `Rate the pain ${rule.painThreshold} or more`, painIn.atOrAbove, painIn.answered, rule.minPainShare);
  const budget = condition(
    "budget",
    `Budget and a decision within ${rule.withinMonths} months`,
    budgetIn.within,
    budgetIn.answered,
    rule.minBudgetShare,
  );
  const later = condition(
    "budget_later",
    "Budget, decision within or after that",
    budgetIn.within + budgetIn.later,
    budgetIn.answered,
    rule.minBudgetShare,
  );
  const conditions = [pain, budget, later];
  const smallest = Math.min(painIn.answered, budgetIn.answered);
  if (input.pain && input.budget && smallest < rule.minRespondents)
    reasons.push(`${smallest} answered; the rule needs at least ${rule.minRespondents}.`);
  if (reasons.length) {
    const gap = rule.minRespondents - smallest;
    const changes = input.pain && input.budget && gap > 0 ? [`${people(gap)} would let the rule decide.`] : [];
    return { kind: "insufficient", label: VERDICT_LABELS.insufficient, conditions, changes, reasons };
  }
  const kind = decide(pain, budget, later);
  const changes: string[] = [];
  const result = (p: Condition, b: Condition, l: Condition, what: string) => {
    const next = decide(p, b, l);
    return next === kind
      ? `${what}; the verdict would stay ${VERDICT_LABELS[kind].toLowerCase()}`
      : `would turn the verdict to ${VERDICT_LABELS[next].toLowerCase()}`;
  };
  const painAt = `at ${rule.painThreshold}+`;
  const budgetWith = `with budget and a decision within ${rule.withinMonths} months`;
  const painGap = pain.met ? 0 : neededToReach(painIn.atOrAbove, painIn.answered, rule.minPainShare);
  const budgetGap = budget.met ? 0 : neededToReach(budgetIn.within, budgetIn.answered, rule.minBudgetShare);
  if (!pain.met && painGap !== null)
    changes.push(
      `${people(painGap)} ${painAt} ${result({ ...pain, met: true }, budget, later, "would meet the pain condition")} (other figures unchanged).`,
    );
  if (!budget.met && budgetGap !== null)
    changes.push(
      `${people(budgetGap)} ${budgetWith} ${result(pain, { ...budget, met: true }, { ...later, met: true }, "would meet the budget condition")} (other figures unchanged).`,
    );
  if (!pain.met && !budget.met && painGap !== null && budgetGap !== null)
    changes.push(`Both together (${painGap} ${painAt} and ${budgetGap} ${budgetWith}) would turn the verdict to go.`);
  if (pain.met) {
    const d = neededToLose(painIn.atOrAbove, painIn.answered, rule.minPainShare);
    if (d !== null)
      changes.push(
        `${people(d)} below ${rule.painThreshold} ${result({ ...pain, met: false }, budget, later, "would fail the pain condition")}.`,
      );
  }
  if (budget.met) {
    const d = neededToLose(budgetIn.within, budgetIn.answered, rule.minBudgetShare);
    if (d !== null)
      changes.push(
        `${people(d)} without budget or a decision in ${rule.withinMonths} months ${result(pain, { ...budget, met: false }, later, "would fail the budget condition")}.`,
      );
  }
  for (const c of [pain, budget]) {
    if (c.unsettled)
      reasons.push(
        `${c.label}: the 95% interval (${percent(c.figure.low)}–${percent(c.figure.high)}) includes the ${percent(c.threshold)} threshold, so more answers could change this.`,
      );
  }
  return { kind, label: VERDICT_LABELS[kind], conditions, changes, reasons };
}
