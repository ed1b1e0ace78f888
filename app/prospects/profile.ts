import { z } from "zod";
import { INDUSTRY_OPTIONS, REGION_OPTIONS } from "../surveys/template.js";

/**
 * The qualification profile: gates that must pass and scored criteria with weights (DESIGN.md,
 * "Readiness to buy"). Shared by the admin form (browser) and the scoring (server); stored as JSON
 * text in `qualification_profiles.definition`, one row per version.
 */
export const CRITERION_KEYS = ["pain", "trigger", "budget_timeline", "fit", "authority"] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export const CRITERION_LABELS: Record<CriterionKey, string> = {
  pain: "Pain",
  trigger: "Trigger urgency",
  budget_timeline: "Budget and timeline",
  fit: "Fit",
  authority: "Authority (buying role, project leader, executive sponsor)",
};

const CriterionSchema = z.object({
  key: z.enum(CRITERION_KEYS, { message: "Unknown criterion." }),
  weight: z
    .number({ message: "Enter a weight between 0 and 1." })
    .min(0, "Weights are between 0 and 1.")
    .max(1, "Weights are between 0 and 1."),
});

export const ProfileSchema = z.object({
  gates: z.object({
    industries: z.array(z.string().trim().min(1).max(120)).max(100).min(1, "Allow at least one industry."),
    regions: z.array(z.string().trim().min(1).max(120)).max(100).min(1, "Allow at least one region."),
    maxSites: z
      .number({ message: "Enter the most sites a customer may have." })
      .int("Use a whole number of sites.")
      .min(1, "Allow at least 1 site.")
      .max(1_000_000, "That is too many sites."),
  }),
  criteria: z
    .array(CriterionSchema)
    .min(1, "Keep at least one scored criterion.")
    .refine((list) => new Set(list.map((c) => c.key)).size === list.length, "Each criterion can appear once.")
    .refine((list) => list.some((c) => c.weight > 0), "At least one criterion needs a weight above 0."),
  thresholds: z.object({
    readyScore: z
      .number({ message: "Enter a score between 0 and 100." })
      .min(0, "The ready-now score is between 0 and 100.")
      .max(100, "The ready-now score is between 0 and 100."),
    minPain: z
      .number({ message: "Enter a pain level between 0 and 1." })
      .min(0, "The minimum pain is between 0 and 1.")
      .max(1, "The minimum pain is between 0 and 1."),
    cycleDays: z
      .number({ message: "Enter the sales cycle in days." })
      .int("Use whole days.")
      .min(1, "The sales cycle is 1 to 730 days.")
      .max(730, "The sales cycle is 1 to 730 days."),
  }),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** DESIGN.md defaults: 0.30 pain, 0.20 trigger, 0.20 budget/timeline, 0.15 fit, 0.15 authority; ready at 70. */
export const DEFAULT_PROFILE: Profile = {
  gates: { industries: [...INDUSTRY_OPTIONS], regions: [...REGION_OPTIONS], maxSites: 100 },
  criteria: [
    { key: "pain", weight: 0.3 },
    { key: "trigger", weight: 0.2 },
    { key: "budget_timeline", weight: 0.2 },
    { key: "fit", weight: 0.15 },
    { key: "authority", weight: 0.15 },
  ],
  thresholds: { readyScore: 70, minPain: 0.7, cycleDays: 90 },
};

/** Form fields of the admin page -> profile input (numbers parsed, unchecked criteria dropped). */
export function profileFromForm(form: Record<string, string | string[] | undefined>): unknown {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const num = (v: string | string[] | undefined) => {
    const text = Array.isArray(v) ? v[0] : v;
    if (text === undefined || text.trim() === "") return undefined;
    const n = Number(text.trim());
    return Number.isFinite(n) ? n : Number.NaN;
  };
  const extra = (v: string | string[] | undefined) =>
    list(v)
      .flatMap((s) => s.split(/[\n,]/))
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    gates: {
      industries: [...new Set([...list(form.industries), ...extra(form.extraIndustries)])],
      regions: [...new Set([...list(form.regions), ...extra(form.extraRegions)])],
      maxSites: num(form.maxSites),
    },
    criteria: CRITERION_KEYS.filter((key) => list(form[`use_${key}`]).length > 0).map((key) => ({
      key,
      weight: num(form[`weight_${key}`]),
    })),
    thresholds: { readyScore: num(form.readyScore), minPain: num(form.minPain), cycleDays: num(form.cycleDays) },
  };
}
