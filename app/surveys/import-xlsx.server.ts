import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import { ImportInputError } from "./import.server.js";
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "./import-mapping.js";

/**
 * XLSX accepted by the import (issue 14, item 8): the first worksheet becomes the same CSV text the
 * import already carries from step to step, so mapping, preview, validation and the write are the
 * CSV path's, unchanged. Cells are read as people see them: a formula by its cached result, a date
 * as YYYY-MM-DD (with the time when it has one), rich text as its plain text.
 */
export function isXlsx(bytes: Uint8Array, name: string): boolean {
  // Every .xlsx is a zip: "PK\x03\x04". A CSV never starts so.
  return /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  const plain = (v: unknown): string => {
    if (v instanceof Date) {
      const iso = v.toISOString();
      return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
    }
    if (v && typeof v === "object") {
      if ("result" in v) return plain((v as { result: unknown }).result);
      if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
      if ("text" in v) return String((v as { text: unknown }).text);
      if ("error" in v) return "";
    }
    return v === null || v === undefined ? "" : String(v);
  };
  return plain(value);
}

export async function xlsxToCsv(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportInputError("We could not read that file as an Excel workbook (.xlsx). Save it again from Excel, or export a CSV.");
  }
  const sheet = book.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ImportInputError("The workbook's first sheet is empty.");
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1)
    throw new ImportInputError(`The sheet has ${sheet.actualRowCount - 1} rows; import at most ${MAX_IMPORT_ROWS} at a time.`);
  if (sheet.actualColumnCount > MAX_IMPORT_COLUMNS)
    throw new ImportInputError(`The sheet has ${sheet.actualColumnCount} columns; at most ${MAX_IMPORT_COLUMNS} can be imported.`);
  const width = sheet.columnCount;
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    if (cells.some((x) => x.trim() !== "")) records.push(cells);
  });
  // Plain RFC 4180 for our own parser: no formula neutralisation here, that is for files people open.
  return stringify(records, { record_delimiter: "unix" });
}
