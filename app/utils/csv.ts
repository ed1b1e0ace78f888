/**
 * CSV writer (RFC 4180, csv-stringify's sync API) for exports that people open in Excel,
 * LibreOffice or Google Sheets. The parser lives in analysis/csv.ts; this file only writes.
 *
 * Formula injection (CWE-1236; LimeSurvey CVE-2019-16184): a spreadsheet runs a cell that begins
 * with `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return can hide such a
 * prefix. Survey answers come from anonymous prospects, so every cell that begins with one of these
 * characters is prefixed with a single quote, which spreadsheets show as text.
 */
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null | undefined | readonly string[];

/** Byte order mark: Excel reads the file as UTF-8 only when it starts with one. */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Prefixes `'` when the text would start a formula in a spreadsheet. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0]) ? `'${text}` : text;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  // Numbers we wrote ourselves are safe as they are: -3 stays a number, not text.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (Array.isArray(value)) return neutraliseFormula(value.join("; "));
  return neutraliseFormula(value as string);
}

// Quoted only when needed (comma, quote, CR, LF), quotes doubled, CRLF after every record.
const STRINGIFY = { record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;

/** One field: neutralised, then quoted when it holds a comma, quote, CR or LF (quotes doubled). */
export function csvField(value: CsvCell): string {
  return stringify([[cellText(value)]], STRINGIFY).slice(0, -2);
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly CsvCell[]): string {
  return stringify([values.map(cellText)], STRINGIFY);
}

/** A whole file: BOM, header, rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: { bom?: boolean } = {}): string {
  const records: string[][] = [header.map(cellText)];
  for (const row of rows) records.push(row.map(cellText));
  return ((options.bom ?? true) ? CSV_BOM : "") + stringify(records, STRINGIFY);
}

/** `attachment; filename=...` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
