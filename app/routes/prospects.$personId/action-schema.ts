import { z } from "zod";

/** The prospect page's one form schema: every button posts an intent, validated here by the action. */
export const ProspectActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("accept") }),
    z.object({
      intent: z.literal("reject"),
      reason: z.string().trim().min(1, "Say why, so marketing can learn from it.").max(500, "Keep the reason under 500 characters."),
    }),
    z.object({ intent: z.literal("reopen") }),
    z.object({ intent: z.literal("assign"), ownerUserId: z.union([z.literal(""), z.coerce.number().int().positive()]) }),
    z.object({ intent: z.literal("contacted") }),
    z.object({
      intent: z.literal("close"),
      opportunityId: z.coerce.number().int().positive(),
      outcome: z.enum(["won", "lost"], { message: "Choose won or lost." }),
      amount: z.union([z.literal(""), z.coerce.number().min(0, "The amount cannot be negative.").max(1e12)]).optional(),
    }),
    z.object({
      intent: z.literal("opt-out"),
      confirm: z.literal("yes", { message: "Tick the box to confirm they asked to stop all email." }),
    }),
  ],
  { message: "Unknown action." },
);
