import { z } from "zod";

/** The theme page's one action schema, every intent: parsed by the action, its messages shown by the forms. */
const version = z.coerce.number({ message: "Reload the page and try again." }).int().min(0);
const id = (message: string) => z.coerce.number({ message }).int({ message }).positive({ message });
const ids = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()).min(1, "Choose at least one answer to split out. Nothing was changed.").max(5000),
);

export const ThemeActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("rename"),
      version,
      label: z.string().trim().min(1, "Enter a name for the theme.").max(120, "Keep the name under 120 characters."),
    }),
    z.object({ intent: z.enum(["hide", "unhide", "pin", "unpin"]), version }),
    z.object({ intent: z.literal("seen") }),
    z.object({ intent: z.literal("merge"), version, targetId: id("Choose the theme to merge into.") }),
    z.object({
      intent: z.literal("split"),
      version,
      answerIds: ids,
      label: z.string().trim().min(1, "Name the new theme.").max(120, "Keep the name under 120 characters."),
    }),
    z.object({
      intent: z.literal("move"),
      version,
      answerId: id("Choose an answer."),
      targetId: id("Choose the theme to move the answer to."),
    }),
    z.object({
      intent: z.literal("vp"),
      basedOn: version,
      statement: z
        .string()
        .trim()
        .min(10, "Write the value proposition as the pain it relieves (at least 10 characters).")
        .max(2000, "Keep it under 2,000 characters."),
    }),
    z.object({
      intent: z.literal("note"),
      body: z
        .string()
        .trim()
        .min(3, "Write what the customer said (at least 3 characters).")
        .max(2000, "Keep the note under 2,000 characters."),
      outcome: z.enum(["", "won", "lost"], { message: "Choose won, lost or no outcome." }).transform((v) => (v === "" ? null : v)),
    }),
  ],
  { message: "Unknown action." },
);
