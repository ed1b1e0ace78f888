import { z } from "zod";

/**
 * Funnel math (DESIGN.md "Funnel plan"): work backward from the deals wanted.
 * Opportunities needed O = ceil(goal deals / close ratio), due by period start - sales cycle;
 * marketing's share ceil(m x O), sales sources the rest. Pure: no database.
 */
export const PlanSchema = z
  .object({
    periodStart: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the period start as a date (YYYY-MM-DD)."),
    periodEnd: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the period end as a date (YYYY-MM-DD)."),
    goalDeals: z.coerce
      .number({ message: "Enter the deals wanted as a whole number." })
      .int("Enter the deals wanted as a whole number.")
      .min(1, "Aim for at least 1 deal.")
      .max(1_000_000, "That is too many deals."),
    closeRatio: z.coerce
      .number({ message: "Enter the close ratio, e.g. 0.3 for 30%." })
      .gt(0, "The close ratio is above 0 and at most 1 (e.g. 0.3 for 30%).")
      .max(1, "The close ratio is above 0 and at most 1 (e.g. 0.3 for 30%)."),
    cycleDays: z.coerce
      .number({ message: "Enter the sales cycle in days." })
      .int("Use whole days.")
      .min(1, "The sales cycle is 1 to 730 days.")
      .max(730, "The sales cycle is 1 to 730 days."),
    marketingShare: z.coerce
      .number({ message: "Enter marketing's share, e.g. 0.6 for 60%." })
      .min(0, "Marketing's share is between 0 and 1.")
      .max(1, "Marketing's share is between 0 and 1."),
    dealSize: z.coerce
      .number({ message: "Enter the average deal size." })
      .min(0, "The deal size cannot be negative.")
      .max(1e12, "That deal size is too large."),
    followUpDays: z.coerce
      .number({ message: "Enter the agreed follow-up time in days." })
      .int("Use whole days.")
      .min(0, "Follow-up is 0 to 60 days.")
      .max(60, "Follow-up is 0 to 60 days.")
      .default(2),
  })
  .refine((p) => isRealDate(p.periodStart), { path: ["periodStart"], message: "That start date does not exist." })
  .refine((p) => isRealDate(p.periodEnd), { path: ["periodEnd"], message: "That end date does not exist." })
  .refine((p) => p.periodEnd >= p.periodStart, { path: ["periodEnd"], message: "The period ends on or after it starts." });
export type PlanInput = z.infer<typeof PlanSchema>;

function isRealDate(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** ceil that ignores float noise: 9 / 0.3 = 29.999999999999996 -> 30, 10 / 0.3 = 33.33 -> 34. */
export function ceilTidy(x: number): number {
  return Math.ceil(Math.round(x * 1e9) / 1e9);
}

/** YYYY-MM-DD plus (or minus) whole days, in UTC. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface FunnelTargets {
  opportunitiesNeeded: number;
  marketingOpportunities: number;
  salesOpportunities: number;
  marketingShare: number;
  /** qualified opportunities are due one sales cycle before the period starts */
  dueDate: string;
  revenueTarget: number;
  pipelineValue: number;
}

export function funnel(
  plan: Pick<PlanInput, "goalDeals" | "closeRatio" | "cycleDays" | "marketingShare" | "dealSize" | "periodStart">,
): FunnelTargets {
  if (!(plan.closeRatio > 0 && plan.closeRatio <= 1)) throw new RangeError("close ratio must be in (0, 1]");
  const opportunitiesNeeded = ceilTidy(plan.goalDeals / plan.closeRatio);
  const marketingOpportunities = Math.min(opportunitiesNeeded, ceilTidy(plan.marketingShare * opportunitiesNeeded));
  return {
    opportunitiesNeeded,
    marketingOpportunities,
    salesOpportunities: opportunitiesNeeded - marketingOpportunities,
    marketingShare: plan.marketingShare,
    dueDate: addDays(plan.periodStart, -plan.cycleDays),
    revenueTarget: plan.goalDeals * plan.dealSize,
    pipelineValue: opportunitiesNeeded * plan.dealSize,
  };
}

/** A plan to start from when none is saved: the next full quarter after one sales cycle. */
export function defaultPlan(now: Date = new Date()): PlanInput {
  const start = addDays(now.toISOString().slice(0, 10), 90);
  return {
    periodStart: start,
    periodEnd: addDays(start, 89),
    goalDeals: 10,
    closeRatio: 0.3,
    cycleDays: 90,
    marketingShare: 0.6,
    dealSize: 25000,
    followUpDays: 2,
  };
}

/** Share of a ratio, rounded for display: 0.3 -> "30%". */
export function percent(x: number | null): string {
  return x === null || !Number.isFinite(x) ? "–" : `${Math.round(x * 1000) / 10}%`;
}
