import { z } from "zod";

/** The "email me a link" form: used by the form (browser) and its action. */
export const ResumeLinkSchema = z.object({
  r: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, "This page is out of date. Please reload it."),
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That address is too long.")
    .pipe(z.email("Enter a valid email address, like name@example.com.")),
});
