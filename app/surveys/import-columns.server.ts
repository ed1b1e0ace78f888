/**
 * The first steps of a CSV import: the file read as a table, and its columns mapped to the
 * survey's questions and contact details (a guess first, then the marketer's choice checked).
 */
import { CsvError, parseCsv, type CsvTable } from "../../analysis/csv.js";
import { type PublicQuestion } from "./answer-schema.js";
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, META_FIELDS, type MetaField } from "./import-mapping.js";

export class ImportInputError extends Error {}

/** The CSV as a table; every problem is an ImportInputError with a message for the marketer. */
export function readImportCsv(text: string): CsvTable {
  if (text.length > MAX_IMPORT_BYTES)
    throw new ImportInputError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and import the parts.`);
  if (text.replace(/^\uFEFF/, "").trim() === "")
    throw new ImportInputError("The file is empty. Choose a CSV file with a header row and at least one row of answers.");
  let table: CsvTable;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportInputError(`The file is not valid CSV: ${error.message}.`);
    throw error;
  }
  if (table.header.length > MAX_IMPORT_COLUMNS)
    throw new ImportInputError(`The file has ${table.header.length} columns; at most ${MAX_IMPORT_COLUMNS} can be imported.`);
  if (table.rows.length === 0) throw new ImportInputError("The file has a header row but no rows of answers.");
  if (table.rows.length > MAX_IMPORT_ROWS)
    throw new ImportInputError(`The file has ${table.rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`);
  return table;
}

export function columnLabel(header: string[], index: number): string {
  return header[index]?.trim() || `Column ${index + 1}`;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(optional\)/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const META_SYNONYMS: Record<MetaField, string[]> = {
  source: ["source", "lead source", "person source"],
  email: ["email", "e mail", "email address", "work email", "respondent email"],
  name: ["name", "full name", "respondent", "respondent name", "contact name", "interviewee"],
  company: ["company", "company name", "organisation", "organization", "account"],
  campaign: ["campaign", "utm campaign", "utm_campaign"],
  rep: ["rep", "sales rep", "owner", "interviewer"],
  date: ["date", "completed at", "completed", "completed_at", "submitted at", "interview date", "timestamp"],
};

function words(text: string): Set<string> {
  return new Set(
    normalise(text)
      .split(" ")
      .filter((w) => w.length > 2),
  );
}

/**
 * A default target per column: a question whose prompt (or role) matches the header, else a
 * detail by its usual names, else "ignore". Each question is guessed for one column at most.
 */
export function guessMapping(header: string[], questions: PublicQuestion[]): string[] {
  const taken = new Set<string>();
  return header.map((raw) => {
    const h = normalise(raw);
    if (!h) return "ignore";
    const pick = (target: string) => {
      if (taken.has(target)) return undefined;
      taken.add(target);
      return target;
    };
    const exact = questions.find((q) => normalise(q.prompt) === h || (q.role !== null && normalise(q.role) === h));
    if (exact) {
      const t = pick(`q:${exact.id}`);
      if (t) return t;
    }
    for (const field of META_FIELDS) {
      if (META_SYNONYMS[field].some((s) => normalise(s) === h)) {
        const t = pick(`meta:${field}`);
        if (t) return t;
      }
    }
    // Loose match: most of the header's words appear in one prompt.
    const hw = words(raw);
    if (hw.size >= 2) {
      let best: { id: number; score: number } | undefined;
      for (const q of questions) {
        const qw = words(q.prompt);
        let shared = 0;
        for (const w of hw) if (qw.has(w)) shared++;
        const score = shared / Math.max(hw.size, Math.min(qw.size, hw.size + 2));
        if (score >= 0.6 && (!best || score > best.score) && !taken.has(`q:${q.id}`)) best = { id: q.id, score };
      }
      if (best) return pick(`q:${best.id}`) ?? "ignore";
    }
    return "ignore";
  });
}

export interface MappingCheck {
  errors: string[];
  questionColumns: Array<{ index: number; question: PublicQuestion }>;
  metaColumns: Partial<Record<MetaField, number>>;
}

/** The chosen targets checked against the survey: known questions, no question or detail twice, at least one question. */
export function checkMapping(header: string[], targets: string[], questions: PublicQuestion[]): MappingCheck {
  const errors: string[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const questionColumns: MappingCheck["questionColumns"] = [];
  const metaColumns: MappingCheck["metaColumns"] = {};
  const seen = new Map<string, number>();
  targets.forEach((target, index) => {
    if (target === "ignore") return;
    const previous = seen.get(target);
    if (previous !== undefined) {
      errors.push(
        `"${columnLabel(header, previous)}" and "${columnLabel(header, index)}" are both mapped to the same ${target.startsWith("q:") ? "question" : "detail"}. Map one of them to Ignore.`,
      );
      return;
    }
    seen.set(target, index);
    if (target.startsWith("q:")) {
      const question = byId.get(Number(target.slice(2)));
      if (!question) errors.push(`"${columnLabel(header, index)}" is mapped to a question that is not in this survey.`);
      else questionColumns.push({ index, question });
    } else {
      metaColumns[target.slice(5) as MetaField] = index;
    }
  });
  if (questionColumns.length === 0 && errors.length === 0)
    errors.push("Map at least one column to a question: there is nothing to import otherwise.");
  return { errors, questionColumns, metaColumns };
}
