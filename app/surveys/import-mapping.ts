import { z } from "zod";
import type { PersonSource } from "../../db/schema.js";

/**
 * CSV import of responses: limits, column targets and the form schema, shared by the import page
 * (browser) and app/surveys/import.server.ts.
 */

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_COLUMNS = 200;
export const PREVIEW_ROWS = 20;

export const META_FIELDS = ["source", "email", "name", "company", "campaign", "rep", "date"] as const;
export type MetaField = (typeof META_FIELDS)[number];
export const META_LABELS: Record<MetaField, string> = {
  source: "Source (marketing, sales, partner)",
  email: "Respondent email",
  name: "Respondent name",
  company: "Company",
  campaign: "Campaign",
  rep: "Sales rep",
  date: "Date answered",
};
export const IMPORT_SOURCES = ["marketing", "sales", "partner", "unknown"] as const satisfies readonly PersonSource[];

/** A column's target: "ignore", "q:<question id>" or "meta:<field>". */
export const TargetSchema = z
  .string()
  .regex(
    /^(ignore|q:\d{1,12}|meta:(source|email|name|company|campaign|rep|date))$/,
    "Choose a question, a detail or Ignore for each column.",
  );

/** The import form, every step (the per-column targets `col_<n>` are checked one by one with TargetSchema). */
export const ImportFormSchema = z.object({
  intent: z.enum(["upload", "preview", "import"], { message: "Unknown action." }),
  csv: z.string().max(MAX_IMPORT_BYTES, "The CSV is larger than 5 MB. Split it and import the parts.").optional(),
  defaultSource: z.enum(IMPORT_SOURCES, { message: "Choose marketing, sales, partner or unknown." }).default("unknown"),
  previewKey: z.string().max(100).optional(),
});
