/** The report page's forms (one zod schema each, used by the route and the browser). */
import { z } from "zod";

export const ShareForm = z.object({
  intent: z.literal("share"),
  days: z.coerce
    .number({ message: "Expiry: enter a number of days from 1 to 90." })
    .int("Expiry: enter a whole number of days from 1 to 90.")
    .min(1, "Expiry: enter a number of days from 1 to 90.")
    .max(90, "Expiry: enter a number of days from 1 to 90."),
  segment: z.string().max(250).optional().default(""),
});

export const RevokeForm = z.object({
  intent: z.literal("revoke"),
  shareId: z.coerce.number({ message: "Choose a link to revoke." }).int().positive("Choose a link to revoke."),
});
