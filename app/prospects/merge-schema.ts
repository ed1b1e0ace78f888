import { z } from "zod";

/** The duplicates page (ADR 0402): which pair to preview (query string) and its two posts, merge and undo. */
export const MergePreviewSchema = z
  .object({
    kept: z.coerce.number().int().positive("Choose the person to keep."),
    merged: z.coerce.number().int().positive("Choose the person to merge into them."),
  })
  .strict();

export const MergeActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("merge"),
      kept: z.coerce.number().int().positive("Choose the person to keep."),
      merged: z.coerce.number().int().positive("Choose the person to merge into them."),
      fingerprint: z.string().regex(/^[0-9a-f]{32}$/, "Open the preview again: it is missing or damaged."),
      confirm: z.literal("yes", { message: "Tick the box to confirm they are the same person." }),
    }),
    z.object({ intent: z.literal("undo"), mergeId: z.coerce.number().int().positive("Choose a merge to undo.") }),
  ],
  { message: "Unknown action." },
);
