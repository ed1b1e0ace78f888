import { z } from "zod";

/** The invitation form (app/routes/surveys.$id.invite): one schema for its preview and its send. */
export const INVITE_MAX_BYTES = 2 * 1024 * 1024;

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Keep it under ${max} characters.`);

export const InviteFormSchema = z.object({
  intent: z.enum(["preview", "send"], { error: "Unknown action." }),
  /** pasted CSV, or on "send" the list the preview showed */
  contacts: z.string().max(INVITE_MAX_BYTES, "The list is too long: at most 2 MB.").optional().default(""),
  campaign: z
    .string()
    .trim()
    .min(1, "Name the campaign, e.g. spring-webinar.")
    .max(60, "Keep the campaign name under 60 characters.")
    .regex(/^[A-Za-z0-9._-]+$/, "Use letters, digits, dots, dashes and underscores only (it goes in the link)."),
  subject: text(150, "Write a subject line."),
  message: text(4000, "Write the invitation's message."),
  reminderDays: z.coerce
    .number({ error: "Days must be a number." })
    .int("Days must be a whole number.")
    .min(1, "At least 1 day.")
    .max(60, "At most 60 days."),
  reminderCount: z.coerce
    .number({ error: "Choose how many reminders." })
    .int()
    .min(0, "0, 1 or 2 reminders.")
    .max(2, "0, 1 or 2 reminders."),
  /** "send" only: the marketer ticked the confirmation */
  confirm: z.string().optional(),
});
