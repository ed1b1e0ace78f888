/**
 * A pasted or uploaded contact list (CSV through csv-parse, XLSX through exceljs) read into rows,
 * each with its problem if it has one: a malformed address or one that appears twice in the list
 * (the first stays). What the database knows (opted out, invited already) is checked by
 * invitations.server.ts. Columns are found by name: email, name, company, role (with a few common
 * spellings); every other column is a custom field kept with the invitation.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { z } from "zod";

export const CONTACT_LIST_MAX_ROWS = 2000;

import type { RowProblem } from "./contact-list-labels.js";

export interface ContactRow {
  /** the row's line in the file (1 = the header) */
  line: number;
  email: string;
  name: string | null;
  company: string | null;
  role: string | null;
  fields: Record<string, string>;
  problem: RowProblem | null;
}

export type ParsedList = { ok: true; rows: ContactRow[] } | { ok: false; message: string };

const ALIASES: Record<string, "email" | "name" | "company" | "role"> = {
  email: "email",
  "e-mail": "email",
  "email address": "email",
  mail: "email",
  name: "name",
  "full name": "name",
  company: "company",
  organisation: "company",
  organization: "company",
  role: "role",
  title: "role",
  "job title": "role",
};

const Email = z.email();

/** Rows from a header and its records (strings), the same for CSV and XLSX. */
export function contactRows(header: readonly string[], records: readonly (readonly string[])[]): ParsedList {
  const keys = header.map((h) => h.trim());
  const known = keys.map((h) => ALIASES[h.toLowerCase()]);
  const emailAt = known.indexOf("email");
  if (emailAt < 0) return { ok: false, message: "The list needs an email column (a header row with “email”)." };
  if (records.length === 0) return { ok: false, message: "The list has a header but no contacts." };
  if (records.length > CONTACT_LIST_MAX_ROWS)
    return { ok: false, message: `At most ${CONTACT_LIST_MAX_ROWS} contacts per list; this one has ${records.length}.` };
  const seen = new Set<string>();
  const rows: ContactRow[] = [];
  records.forEach((record, i) => {
    const cell = (k: number) => (record[k] ?? "").trim();
    const of = (what: "name" | "company" | "role") => {
      const at = known.indexOf(what);
      return at >= 0 && cell(at) ? cell(at).slice(0, 200) : null;
    };
    const email = cell(emailAt).toLowerCase();
    const fields: Record<string, string> = {};
    keys.forEach((k, at) => {
      if (!known[at] && k && cell(at)) fields[k.slice(0, 60)] = cell(at).slice(0, 500);
    });
    let problem: RowProblem | null = null;
    if (!Email.safeParse(email).success || email.length > 254) problem = "malformed_email";
    else if (seen.has(email)) problem = "duplicate";
    seen.add(email);
    rows.push({ line: i + 2, email, name: of("name"), company: of("company"), role: of("role"), fields, problem });
  });
  return { ok: true, rows };
}

/** A pasted or uploaded CSV (comma, semicolon or tab separated; a BOM is ignored). */
export function parseContactCsv(text: string): ParsedList {
  let records: string[][];
  try {
    const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
    const delimiter = [",", ";", "\t"].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    return { ok: false, message: `The CSV could not be read: ${(error as Error).message}` };
  }
  const [header, ...rest] = records;
  if (!header) return { ok: false, message: "The list is empty." };
  return contactRows(header, rest);
}

/** The first worksheet of an uploaded XLSX. */
export async function parseContactXlsx(data: Buffer | ArrayBuffer): Promise<ParsedList> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as ArrayBuffer);
  } catch {
    return { ok: false, message: "The file is not an Excel workbook (.xlsx) that could be read." };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, message: "The workbook has no worksheet." };
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const out: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) out.push(cellText(row.getCell(c)));
    records.push(out);
  });
  const [header, ...rest] = records;
  if (!header) return { ok: false, message: "The worksheet is empty." };
  return contactRows(header, rest);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    // A hyperlink cell (mailto:) or rich text: its visible text.
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return String(v.result ?? "");
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}
