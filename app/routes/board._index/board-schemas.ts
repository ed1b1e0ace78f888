import { z } from "zod";

const text = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);
/** The board's query string: a bad value falls back to "no filter" rather than an error page. */
export const BoardQuerySchema = z.object({
  scope: z.union([z.literal("all"), z.coerce.number().int().positive()]).optional(),
  survey: z.coerce.number().int().positive().optional().catch(undefined),
  industry: text.catch(undefined),
  region: text.catch(undefined),
  role: text.catch(undefined),
  source: text.catch(undefined),
  sort: z.enum(["impact", "share", "severity", "respondents"]).catch("impact"),
});

export type BoardQuery = z.infer<typeof BoardQuerySchema>;

/** The "Run analysis" form. */
export const StartRunSchema = z.object({
  intent: z.literal("run", { message: "Unknown action." }),
  scope: z.union([z.literal("all"), z.coerce.number({ message: "Choose a survey or all surveys." }).int().positive()], {
    message: "Choose a survey or all surveys.",
  }),
});
