import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { neutraliseFormula, type CsvCell } from "./csv.js";

/**
 * XLSX writer for the exports (issue 14, item 8), on exceljs's streaming writer so a large export
 * is written row by row, never held whole. The same formula neutralisation as the CSV writer
 * (app/utils/csv.ts): exceljs writes a string as a string cell, but Excel and LibreOffice turn a
 * typed-in or re-saved "=..." into a formula, so text that starts like one gets the same quote.
 */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function xlsxCell(value: CsvCell): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return neutraliseFormula(value.join("; "));
  return neutraliseFormula(value as string);
}

/** One worksheet: a bold header, then the rows batch by batch as the source yields them. */
export function xlsxStream(
  sheetName: string,
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvCell[])[]> | Iterable<readonly (readonly CsvCell[])[]>,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = "Painmap";
  void (async () => {
    const sheet = book.addWorksheet(sheetName.slice(0, 31));
    const head = sheet.addRow(header.map((h) => xlsxCell(h)));
    head.font = { bold: true };
    head.commit();
    for await (const batch of batches) for (const row of batch) sheet.addRow(row.map(xlsxCell)).commit();
    sheet.commit();
    await book.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
