import { parse } from "csv-parse/sync";
import { toCsv } from "~/utils/csv";
import type { FieldErrors } from "~/utils/forms";
import { LANGUAGE_LABELS, type FormLanguage } from "./languages.js";
import {
  flatStrings,
  parseTranslation,
  sourceEntries,
  type SourceSurvey,
  type SurveyStrings,
  type TranslationParse,
} from "./translation.js";

/**
 * A translation as a CSV of strings (ADR 0602), for a translator or a translation tool: one row per
 * string, columns `key`, `en` (the survey as written, for reference) and the language code
 * (`es`, `de`, `fr`), filled where a translation exists. Written with the app's csv-stringify writer
 * (formula-safe), read back with csv-parse; the rows go through the same schema as the form.
 */

export function translationCsv(source: SourceSurvey, language: FormLanguage, strings: SurveyStrings | undefined): string {
  const current = flatStrings(source, strings);
  return toCsv(
    ["key", "en", language],
    sourceEntries(source).map((e) => [e.key, e.source, current[e.key] ?? ""]),
  );
}

export const MAX_CSV_BYTES = 1024 * 1024;

/** The writer prefixed `'` to text that a spreadsheet would run as a formula; take it off again. */
function unneutralise(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function parseTranslationCsv(source: SourceSurvey, language: FormLanguage, text: string): TranslationParse {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: false, relax_column_count: true });
  } catch (error) {
    return { success: false, errors: { file: [`The file is not a readable CSV (${(error as Error).message.split("\n")[0]}).`] } };
  }
  const first = records[0];
  if (!first || !("key" in first) || !(language in first))
    return {
      success: false,
      errors: { file: [`The CSV needs a header row with a “key” column and a “${language}” column (${LANGUAGE_LABELS[language]}).`] },
    };
  const known = new Set(sourceEntries(source).map((e) => e.key));
  const input: Record<string, string> = {};
  const unknown: string[] = [];
  for (const row of records) {
    const key = (row.key ?? "").trim();
    if (!key) continue;
    if (!known.has(key)) {
      unknown.push(key);
      continue;
    }
    const value = unneutralise(row[language] ?? "");
    // An empty cell is a string not translated yet: the schema names it.
    if (value.trim()) input[key] = value;
  }
  const parsed = parseTranslation(source, input);
  if (!unknown.length) return parsed;
  // Rows of questions that are gone, or keys edited by hand: refused, so nothing is silently lost.
  const errors: FieldErrors = parsed.success ? {} : { ...parsed.errors };
  errors.file = [
    ...(errors.file ?? []),
    `These rows do not match a string of this survey (export the CSV again): ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? "…" : ""}.`,
  ];
  return { success: false, errors };
}
