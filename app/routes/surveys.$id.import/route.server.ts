import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getSurvey, listQuestions } from "../../../db/queries/surveys";
import {
  checkMapping,
  columnLabel,
  guessMapping,
  ImportInputError,
  readImportCsv,
  validateRows,
  importRows,
} from "~/surveys/import.server";
import { isXlsx, xlsxToCsv } from "~/surveys/import-xlsx.server";
import { IMPORT_SOURCES, ImportFormSchema, MAX_IMPORT_BYTES, TargetSchema, PREVIEW_ROWS } from "~/surveys/import-mapping";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { sha256 } from "~/utils/tokens.server";
import { publicQuestions } from "~/surveys/submission.server";

/* The import's three steps (upload, map, preview and import), carried in the form between posts. */

const BODY_LIMIT = MAX_IMPORT_BYTES + 512 * 1024;
const MAX_ERROR_ROWS = 200;

async function loadSurvey(request: Request, idText: string | undefined) {
  const user = await requireUser(request, MARKETING_ROLES);
  const id = idParam(idText);
  const database = db();
  const survey = await getSurvey(database, id);
  if (!survey) throw notFound("We could not find that survey.");
  const raw = await listQuestions(database, id);
  const questions = publicQuestions(raw);
  return { user, survey, questions, raw, database };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { survey, questions, raw } = await loadSurvey(request, params.id);
  const shown = new Set(questions.map((q) => q.id));
  const list = raw.filter((q) => shown.has(q.id));
  return json({
    survey: { id: survey.id, title: survey.title },
    questionCount: questions.length,
    questions: list.map((q) => ({ id: q.id, prompt: q.prompt, position: q.position })),
  });
}

export interface MapState {
  csv: string;
  header: string[];
  rowCount: number;
  sample: string[][];
  mapping: string[];
  defaultSource: (typeof IMPORT_SOURCES)[number];
}

export interface PreviewState extends MapState {
  previewKey: string;
  validCount: number;
  invalidCount: number;
  columns: Array<{ index: number; label: string; target: string }>;
  preview: Array<{ line: number; cells: Array<{ index: number; text: string; error?: string }>; errors: string[] }>;
  errorRows: Array<{ line: number; errors: string[] }>;
  message?: string;
}

export type ActionResult =
  | { ok: false; errors: FieldErrors; step: "upload" }
  | { ok: false; errors: FieldErrors; step: "map"; state: MapState }
  | { ok: true; step: "map"; state: MapState }
  | { ok: true; step: "preview"; state: PreviewState }
  | { ok: true; step: "done"; imported: number; alreadyImported: number; skipped: Array<{ line: number; errors: string[] }> };

function keyOf(csv: string, mapping: string[], defaultSource: string): string {
  return sha256(`${sha256(csv)}\u0000${mapping.join(",")}\u0000${defaultSource}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, survey, questions, database } = await loadSurvey(request, params.id);
  const form = await readFormData(request, BODY_LIMIT);
  const parsed = parseWith(ImportFormSchema, form);
  if (!parsed.success) return badRequest(parsed.errors, { step: "upload" as const });
  const input = parsed.data;

  let text = input.csv ?? "";
  if (input.intent === "upload") {
    const file = form.get("file");
    if (file && typeof file !== "string" && file.size > 0) {
      if (file.size > MAX_IMPORT_BYTES)
        return badRequest({ file: ["The file is larger than 5 MB. Split it and import the parts."] }, { step: "upload" as const });
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (isXlsx(bytes, file.name)) {
        try {
          text = await xlsxToCsv(bytes);
        } catch (error) {
          if (error instanceof ImportInputError) return badRequest({ file: [error.message] }, { step: "upload" as const });
          throw error;
        }
      } else text = new TextDecoder().decode(bytes);
    }
    if (!text.trim()) return badRequest({ file: ["Choose a CSV or Excel (.xlsx) file, or paste CSV text."] }, { step: "upload" as const });
  }
  let table;
  try {
    table = readImportCsv(text);
  } catch (error) {
    if (error instanceof ImportInputError) return badRequest({ file: [error.message] }, { step: "upload" as const });
    throw error;
  }
  const base: MapState = {
    csv: text,
    header: table.header.map((_, i) => columnLabel(table.header, i)),
    rowCount: table.rows.length,
    sample: table.rows.slice(0, 2).map((r) => r.map((c) => c.slice(0, 60))),
    mapping: guessMapping(table.header, questions),
    defaultSource: input.defaultSource,
  };
  if (input.intent === "upload") return json<ActionResult>({ ok: true, step: "map", state: base });

  // The targets, column by column; a tampered value is a message, not a crash.
  const mapping: string[] = [];
  const mappingErrors: string[] = [];
  for (let i = 0; i < table.header.length; i++) {
    const raw = form.get(`col_${i}`);
    const target = TargetSchema.safeParse(typeof raw === "string" && raw ? raw : "ignore");
    if (target.success) mapping.push(target.data);
    else {
      mapping.push("ignore");
      mappingErrors.push(`Column "${base.header[i]}": ${target.error.issues[0].message}`);
    }
  }
  const check = checkMapping(table.header, mapping, questions);
  const state: MapState = { ...base, mapping };
  if (mappingErrors.length || check.errors.length)
    return badRequest({ mapping: [...mappingErrors, ...check.errors] }, { step: "map" as const, state });

  const rows = validateRows(table, check, input.defaultSource);
  const previewKey = keyOf(text, mapping, input.defaultSource);
  const invalid = rows.filter((r) => r.errors.length > 0);

  if (input.intent === "import" && input.previewKey === previewKey) {
    const { ids, alreadyImported } = await importRows(database, { surveyId: survey.id, questions, rows, importedBy: user.email });
    return json<ActionResult>({
      ok: true,
      step: "done",
      imported: ids.length,
      alreadyImported,
      skipped: invalid.slice(0, MAX_ERROR_ROWS).map((r) => ({ line: r.line, errors: r.errors })),
    });
  }
  return json<ActionResult>({
    ok: true,
    step: "preview",
    state: {
      ...state,
      previewKey,
      validCount: rows.length - invalid.length,
      invalidCount: invalid.length,
      columns: [...check.questionColumns.map((c) => c.index), ...Object.values(check.metaColumns)]
        .sort((a, b) => a - b)
        .map((index) => ({ index, label: base.header[index], target: mapping[index] })),
      preview: rows.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, cells: r.cells, errors: r.errors })),
      errorRows: invalid.slice(0, MAX_ERROR_ROWS).map((r) => ({ line: r.line, errors: r.errors })),
      message:
        input.intent === "import" ? "The file or the mapping changed since the preview. Check this preview, then import." : undefined,
    },
  });
}
