/**
 * RFC 4180 CSV (quoted fields, doubled quotes, embedded newlines, CRLF or LF, optional UTF-8 BOM)
 * read with csv-parse's sync API; this file adds the header rule and our error messages.
 */
import { CsvError as CsvParseError, parse } from "csv-parse/sync";

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsvRecords(input: string): string[][] {
  try {
    // relax_column_count: the field-count rule (and its message) is parseCsv's, below.
    return parse(input, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw toCsvError(error);
  }
}

/** csv-parse's errors, in the words this project's users and tests already know. */
function toCsvError(error: unknown): Error {
  if (!(error instanceof CsvParseError)) return error instanceof Error ? error : new Error(String(error));
  const line = (error as CsvParseError & { lines?: number }).lines;
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return new CsvError(`malformed CSV: quoted field starting on line ${line} is never closed`);
  if (error.code === "CSV_INVALID_CLOSING_QUOTE")
    return new CsvError(`malformed CSV: unexpected character after closing quote on line ${line}`);
  return new CsvError(`malformed CSV: ${error.message}`);
}

/** Parse with a header row; every record must have as many fields as the header. */
export function parseCsv(input: string): CsvTable {
  const records = parseCsvRecords(input);
  if (records.length === 0) throw new CsvError("empty CSV: no header row");
  const [header, ...rows] = records;
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new CsvError(`malformed CSV: record ${index + 2} has ${row.length} fields, the header has ${header.length}`);
    }
  });
  return { header: header.map((name) => name.trim()), rows };
}

export function columnOf(table: CsvTable, name: string): string[] {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new CsvError(`missing column "${name}" (columns: ${table.header.join(", ") || "none"})`);
  }
  return table.rows.map((row) => row[index]);
}
