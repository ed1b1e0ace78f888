/**
 * Every row of an import checked with the public form's own answer rules, and its contact
 * details (source, email, name, company, campaign, rep, date) read from the mapped columns.
 */
import { z } from "zod";
import { type CsvTable } from "../../analysis/csv.js";
import { type AnswerWrite } from "../../db/queries/responses.js";
import type { PersonSource } from "../../db/schema.js";
import { fieldName, otherFieldName, OTHER_VALUE, parsePageAnswers, type FormValues, type PublicQuestion } from "./answer-schema.js";
import { OTHER_PREFIX } from "./questions.js";
import { parseStringList } from "../../db/queries/util.js";
import { IMPORT_SOURCES, META_FIELDS, type MetaField } from "./import-mapping.js";
import { columnLabel, type MappingCheck } from "./import-columns.server.js";

interface RowMeta {
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
