import type { Kysely } from "kysely";
import { z } from "zod";
import { CsvError, parseCsv, type CsvTable } from "../../analysis/csv.js";
import { completeResponse, saveAnswers, startResponse, type AnswerWrite } from "../../db/queries/responses.js";
import type { Database, PersonSource } from "../../db/schema.js";
import { fieldName, otherFieldName, OTHER_VALUE, parsePageAnswers, type FormValues, type PublicQuestion } from "./answer-schema.js";
import { OTHER_PREFIX } from "./questions.js";
import { afterCompletion, flushCompletions } from "../prospects/after-completion.server.js";
import { completionFacts, resumeTokenHash } from "./submission.server.js";
import { randomToken, sha256 } from "../utils/tokens.server.js";
import { parseStringList } from "../../db/queries/util.js";
import { IMPORT_SOURCES, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, META_FIELDS, type MetaField } from "./import-mapping.js";

export {
  IMPORT_SOURCES,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  META_FIELDS,
  META_LABELS,
  PREVIEW_ROWS,
  TargetSchema,
} from "./import-mapping.js";
export type { MetaField } from "./import-mapping.js";

/**
 * Importing responses from a CSV (interview notes, another tool's export): parse, map columns to
 * questions, validate every row with the public form's own answer rules, and write the valid rows
 * as complete responses (origin "import") through the public form's write functions, all in one
 * transaction. Nothing is written before the preview.
 */

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

export interface RowMeta {
  source: PersonSource;
  email: string | null;
  name: string | null;
  company: string | null;
  campaign: string | null;
  rep: string | null;
  date: string | null;
}

export interface ValidatedRow {
  /** line of the record in the file: the header is line 1 (embedded newlines aside) */
  line: number;
  /** one display value per mapped column, in column order */
  cells: Array<{ index: number; text: string; error?: string }>;
  errors: string[];
  answers: AnswerWrite[];
  meta: RowMeta;
}

const YES = /^(1|y|yes|true|x|on|ticked|checked|opted[ _-]?in|agree|agreed)$/i;
const NO = /^(0|n|no|false|off|unticked|opted[ _-]?out|disagree)$/i;

function matchOption(question: PublicQuestion, value: string): string | undefined {
  const v = value.trim().toLowerCase();
  return question.options.find((o) => o.trim().toLowerCase() === v);
}

/**
 * A CSV cell as the public form would have posted it, or an error in the marketer's terms.
 * Multiple choice cells list options separated by ";" (as our export writes them).
 */
function cellToForm(question: PublicQuestion, cell: string, input: FormValues): string | undefined {
  const name = fieldName(question.id);
  const value = cell.trim();
  switch (question.kind) {
    case "single_choice": {
      const option = matchOption(question, value);
      if (option) input[name] = option;
      else {
        const other = value.startsWith(OTHER_PREFIX) ? value.slice(OTHER_PREFIX.length).trim() : value;
        if (!question.allowOther) return `"${value.slice(0, 60)}" is not one of the options (${question.options.join(", ")}).`;
        input[name] = OTHER_VALUE;
        input[otherFieldName(question.id)] = other;
      }
      return undefined;
    }
    case "multiple_choice": {
      const parts = value
        .split(";")
        .map((p) => p.trim())
        .filter(Boolean);
      const chosen: string[] = [];
      for (const part of parts) {
        const option = matchOption(question, part);
        if (option) chosen.push(option);
        else if (question.allowOther && !input[otherFieldName(question.id)]) {
          chosen.push(OTHER_VALUE);
          input[otherFieldName(question.id)] = part.startsWith(OTHER_PREFIX) ? part.slice(OTHER_PREFIX.length).trim() : part;
        } else return `"${part.slice(0, 60)}" is not one of the options (${question.options.join(", ")}). Separate several with ";".`;
      }
      input[name] = chosen;
      return undefined;
    }
    case "consent":
      if (YES.test(value)) input[name] = "on";
      else if (NO.test(value)) input[name] = "0";
      else return `"${value.slice(0, 60)}" is not yes or no.`;
      return undefined;
    default:
      input[name] = value;
      return undefined;
  }
}

const EmailSchema = z.email();

function metaOf(
  table: CsvTable,
  row: string[],
  check: MappingCheck,
  defaultSource: PersonSource,
  errors: string[],
  cellErrors: Map<number, string>,
): RowMeta {
  const meta: RowMeta = { source: defaultSource, email: null, name: null, company: null, campaign: null, rep: null, date: null };
  const text = (field: MetaField, max: number): string | null => {
    const index = check.metaColumns[field];
    if (index === undefined) return null;
    const value = (row[index] ?? "").trim();
    if (!value) return null;
    if (value.length > max) {
      const message = `Please keep this under ${max} characters.`;
      errors.push(`"${columnLabel(table.header, index)}": ${message}`);
      cellErrors.set(index, message);
      return null;
    }
    return value;
  };
  const fail = (field: MetaField, message: string) => {
    const index = check.metaColumns[field]!;
    const full = `"${columnLabel(table.header, index)}": ${message}`;
    errors.push(full);
    cellErrors.set(index, message);
  };
  const source = text("source", 40);
  if (source !== null) {
    const lower = source.toLowerCase() as PersonSource;
    if ((IMPORT_SOURCES as readonly string[]).includes(lower)) meta.source = lower;
    else fail("source", `"${source}" is not a source (use marketing, sales, partner or unknown).`);
  }
  const email = text("email", 254);
  if (email !== null) {
    if (EmailSchema.safeParse(email).success) meta.email = email.toLowerCase();
    else fail("email", `"${email.slice(0, 60)}" is not a valid email address.`);
  }
  meta.name = text("name", 200);
  meta.company = text("company", 200);
  meta.campaign = text("campaign", 200);
  meta.rep = text("rep", 100);
  const date = text("date", 40);
  if (date !== null) {
    const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00Z` : date);
    if (Number.isNaN(time)) fail("date", `"${date}" is not a date (use 2026-01-31 or 2026-01-31T14:30:00Z).`);
    else if (time > Date.now() + 24 * 3600 * 1000) fail("date", `${date} is in the future.`);
    else meta.date = new Date(time).toISOString();
  }
  return meta;
}

function display(answer: AnswerWrite | undefined, kind: string): string {
  if (!answer) return "";
  if (answer.json) return parseStringList(answer.json)?.join("; ") ?? answer.json;
  if (kind === "consent") return answer.number === 1 ? "yes" : "no";
  if (answer.number !== null) return String(answer.number);
  const text = answer.text ?? "";
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Every row checked with the public form's answer rules; nothing is written. */
export function validateRows(table: CsvTable, check: MappingCheck, defaultSource: PersonSource = "unknown"): ValidatedRow[] {
  return table.rows.map((row, rowIndex) => {
    const errors: string[] = [];
    const cellErrors = new Map<number, string>();
    const input: FormValues = {};
    const present: PublicQuestion[] = [];
    const columnOfField = new Map<string, number>();
    for (const { index, question } of check.questionColumns) {
      const cell = row[index] ?? "";
      if (cell.trim() === "") continue;
      const problem = cellToForm(question, cell, input);
      if (problem) {
        errors.push(`"${columnLabel(table.header, index)}": ${problem}`);
        cellErrors.set(index, problem);
        continue;
      }
      present.push({ ...question, required: false });
      columnOfField.set(fieldName(question.id), index);
      columnOfField.set(otherFieldName(question.id), index);
    }
    const answers: AnswerWrite[] = [];
    const parsed = parsePageAnswers(present, input);
    if (parsed.success) {
      for (const { questionId, value } of parsed.data) {
        if (value)
          answers.push({ questionId, text: value.text, number: value.number, json: value.json ? JSON.stringify(value.json) : null });
      }
    } else {
      for (const [field, messages] of Object.entries(parsed.errors)) {
        const index = columnOfField.get(field);
        const label = index === undefined ? "Row" : `"${columnLabel(table.header, index)}"`;
        errors.push(`${label}: ${messages[0]}`);
        if (index !== undefined) cellErrors.set(index, messages[0]);
      }
    }
    const meta = metaOf(table, row, check, defaultSource, errors, cellErrors);
    // One message per bad cell, in column order.
    if (cellErrors.size) {
      const rowLevel = errors.filter((e) => e.startsWith("Row:"));
      errors.length = 0;
      for (const index of [...cellErrors.keys()].sort((a, b) => a - b))
        errors.push(`"${columnLabel(table.header, index)}": ${cellErrors.get(index)}`);
      errors.push(...rowLevel);
    }
    if (errors.length === 0 && answers.length === 0) errors.push("The row has no answers in the mapped columns.");
    const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
    const cells: ValidatedRow["cells"] = [];
    for (const { index, question } of check.questionColumns) {
      cells.push({
        index,
        text: cellErrors.has(index) ? (row[index] ?? "").slice(0, 120) : display(byQuestion.get(question.id), question.kind),
        error: cellErrors.get(index),
      });
    }
    for (const field of META_FIELDS) {
      const index = check.metaColumns[field];
      if (index === undefined) continue;
      const value = cellErrors.has(index) ? (row[index] ?? "") : field === "source" ? meta.source : (meta[field] ?? "");
      cells.push({ index, text: String(value).slice(0, 120), error: cellErrors.get(index) });
    }
    cells.sort((a, b) => a.index - b.index);
    return { line: rowIndex + 2, cells, errors, answers, meta };
  });
}

/**
 * The valid rows as complete responses, origin "import", in one transaction, through the public
 * form's write functions (start, save answers, complete with person, company and consents).
 */
export async function writeImportedRows(
  db: Kysely<Database>,
  args: { surveyId: number; questions: PublicQuestion[]; rows: ValidatedRow[]; importedBy: string },
): Promise<number[]> {
  return (await importRows(db, args)).ids;
}

/**
 * A row's key is a hash of what it says (answers and contact facts), used as the response's
 * idempotency key: importing the same rows again finds their responses and writes nothing new.
 */
export function importRowKey(row: Pick<ValidatedRow, "answers" | "meta">): string {
  const answers = [...row.answers].sort((a, b) => a.questionId - b.questionId);
  return `import-${sha256(JSON.stringify({ answers, meta: row.meta }))}`;
}

/** The valid rows written as responses; `alreadyImported` counts rows an earlier import wrote. */
export async function importRows(
  db: Kysely<Database>,
  args: { surveyId: number; questions: PublicQuestion[]; rows: ValidatedRow[]; importedBy: string },
): Promise<{ ids: number[]; alreadyImported: number }> {
  const valid = args.rows.filter((r) => r.errors.length === 0);
  if (valid.length === 0) return { ids: [], alreadyImported: 0 };
  let alreadyImported = 0;
  const lastPage = new Set(args.questions.map((q) => q.page)).size || 1;
  const now = new Date().toISOString();
  const ids = await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const row of valid) {
      const when = row.meta.date ?? now;
      const { response, created } = await startResponse(trx, {
        surveyId: args.surveyId,
        idempotencyKey: importRowKey(row),
        // Nobody resumes an imported response; the hash only has to be unique.
        resumeTokenHash: resumeTokenHash(randomToken()),
        source: row.meta.source,
        utmSource: null,
        utmCampaign: row.meta.campaign,
        rep: row.meta.rep,
        origin: "import",
        now: when,
      });
      if (!created) {
        alreadyImported++;
        continue;
      }
      await saveAnswers(trx, { responseId: response.id, answers: row.answers, now: when });
      const byQuestion = new Map(row.answers.map((a) => [a.questionId, a]));
      const facts = completionFacts(args.questions, byQuestion, `import by ${args.importedBy}`, {
        companyName: row.meta.company,
        email: row.meta.email,
        name: row.meta.name,
      });
      const done = await completeResponse(trx, {
        responseId: response.id,
        lastPage,
        company: facts.company,
        person: {
          ...facts.contact,
          source: row.meta.source,
          utmSource: null,
          utmCampaign: row.meta.campaign,
          rep: row.meta.rep,
        },
        consents: facts.consents,
        now: when,
      });
      ids.push(response.id);
      // Imported people are scored like everyone else: the job commits with the rows.
      if (done) await afterCompletion(trx, { personId: done.personId, surveyId: args.surveyId, autoRun: false });
    }
    return ids;
  });
  // ...and is done before the marketer sees the result.
  await flushCompletions(db);
  return { ids, alreadyImported };
}
