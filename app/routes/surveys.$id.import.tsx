import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/Field";
import { getSurvey, listQuestions } from "../../db/queries/surveys";
import {
  checkMapping,
  columnLabel,
  guessMapping,
  ImportInputError,
  readImportCsv,
  validateRows,
  importRows,
} from "~/surveys/import.server";
import {
  IMPORT_SOURCES,
  ImportFormSchema,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  META_FIELDS,
  META_LABELS,
  PREVIEW_ROWS,
  TargetSchema,
} from "~/surveys/import-mapping";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { sha256 } from "~/utils/tokens.server";
import { publicQuestions } from "~/surveys/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import responses: ${data?.survey.title ?? ""} · Painmap` }];

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

interface MapState {
  csv: string;
  header: string[];
  rowCount: number;
  sample: string[][];
  mapping: string[];
  defaultSource: (typeof IMPORT_SOURCES)[number];
}

interface PreviewState extends MapState {
  previewKey: string;
  validCount: number;
  invalidCount: number;
  columns: Array<{ index: number; label: string; target: string }>;
  preview: Array<{ line: number; cells: Array<{ index: number; text: string; error?: string }>; errors: string[] }>;
  errorRows: Array<{ line: number; errors: string[] }>;
  message?: string;
}

type ActionResult =
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
      text = await file.text();
    }
    if (!text.trim()) return badRequest({ file: ["Choose a CSV file, or paste its content."] }, { step: "upload" as const });
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

function targetLabel(target: string, questions: Array<{ id: number; prompt: string; position: number }>): string {
  if (target.startsWith("q:")) {
    const q = questions.find((x) => x.id === Number(target.slice(2)));
    return q ? `Q${q.position}. ${q.prompt}` : target;
  }
  if (target.startsWith("meta:")) return META_LABELS[target.slice(5) as keyof typeof META_LABELS] ?? target;
  return "Ignore";
}

export default function ImportResponses() {
  const { survey, questionCount } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : "";
  const responsesPath = `/surveys/${survey.id}/responses`;
  const state = result && "state" in result ? result.state : undefined;
  const errors = result && !result.ok ? result.errors : undefined;

  return (
    <div className="page">
      <p className="small">
        <Link to={responsesPath}>← Responses to {survey.title}</Link>
      </p>
      <h1>Import responses: {survey.title}</h1>

      {result?.step === "done" ? (
        <section aria-labelledby="import-done">
          <div className="alert alert--ok" role="status" id="import-done">
            <p>
              Imported {result.imported} {result.imported === 1 ? "response" : "responses"}, saved as complete.
            </p>
            {result.alreadyImported ? (
              <p data-testid="already-imported">
                {result.alreadyImported} {result.alreadyImported === 1 ? "row" : "rows"} already imported, skipped.
              </p>
            ) : null}
          </div>
          {result.skipped.length ? (
            <div className="alert alert--warn">
              <p>
                {result.skipped.length} {result.skipped.length === 1 ? "row was" : "rows were"} skipped because of errors:
              </p>
              <ul>
                {result.skipped.map((r) => (
                  <li key={r.line}>
                    Line {r.line}: {r.errors.join(" ")}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="row">
            <Link className="button" to={responsesPath}>
              See the responses
            </Link>
            <Link className="button button--secondary" to={`/surveys/${survey.id}/import`} reloadDocument>
              Import another file
            </Link>
          </p>
        </section>
      ) : null}

      {!result || result.step === "upload" ? (
        <>
          <ol className="import-steps muted">
            <li>
              <strong>Upload a CSV</strong>
            </li>
            <li>Map columns to questions</li>
            <li>Preview and import</li>
          </ol>
          {questionCount === 0 ? (
            <div className="alert alert--warn">
              This survey has no questions yet. <Link to={`/surveys/${survey.id}/edit`}>Add questions</Link> before importing answers.
            </div>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="card" noValidate>
            <FormErrors errors={errors?.[""] ?? errors?.intent} />
            <div className={errors?.file ? "field field--error" : "field"}>
              <label htmlFor="import-file">CSV file</label>
              <p className="help" id="import-file-help">
                A header row, then one row per respondent (interview notes, another tool's export). UTF-8, up to 5 MB and{" "}
                {MAX_IMPORT_ROWS.toLocaleString("en")} rows. Several choices in one cell are separated by “;”.
              </p>
              <input
                id="import-file"
                type="file"
                name="file"
                accept=".csv,text/csv"
                aria-describedby={errors?.file ? "import-file-help import-file-error" : "import-file-help"}
                aria-invalid={errors?.file ? true : undefined}
              />
              {errors?.file ? (
                <p className="error" id="import-file-error" role="alert">
                  {errors.file[0]}
                </p>
              ) : null}
            </div>
            <details>
              <summary>Or paste the CSV</summary>
              <div className="field">
                <label htmlFor="import-paste">CSV text</label>
                <textarea id="import-paste" name="csv" rows={8} />
              </div>
            </details>
            <input type="hidden" name="intent" value="upload" />
            <button type="submit" disabled={busy === "upload"}>
              {busy === "upload" ? "Reading…" : "Upload and map columns"}
            </button>
          </Form>
        </>
      ) : null}

      {state ? <MappingForm state={state} surveyId={survey.id} errors={errors} busy={busy} /> : null}
    </div>
  );
}

function MappingForm({
  state,
  surveyId,
  errors,
  busy,
}: {
  state: MapState | PreviewState;
  surveyId: number;
  errors?: FieldErrors;
  busy: string;
}) {
  const { questions } = useLoaderData<typeof loader>();
  const preview = "previewKey" in state ? state : undefined;
  return (
    <Form method="post" encType="multipart/form-data" noValidate key={preview ? `p-${preview.previewKey}` : "map"}>
      <input type="hidden" name="csv" value={state.csv} />
      {preview ? <input type="hidden" name="previewKey" value={preview.previewKey} /> : null}
      <section className="card" aria-labelledby="import-mapping">
        <h2 id="import-mapping">Map columns to questions</h2>
        <p className="muted">
          {state.rowCount} {state.rowCount === 1 ? "row" : "rows"} in the file. Pick the question each column answers, or Ignore. Empty
          cells are left unanswered.
        </p>
        <FormErrors errors={errors?.mapping} />
        <div className="table-wrap">
          <table className="import-mapping">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">First values</th>
                <th scope="col">Maps to</th>
              </tr>
            </thead>
            <tbody>
              {state.header.map((label, i) => (
                <tr key={i}>
                  <td>
                    <label htmlFor={`col-${i}`}>{label}</label>
                  </td>
                  <td className="muted small">
                    {state.sample
                      .map((r) => r[i])
                      .filter(Boolean)
                      .join(" · ")}
                  </td>
                  <td>
                    <select id={`col-${i}`} name={`col_${i}`} defaultValue={state.mapping[i] ?? "ignore"}>
                      <option value="ignore">Ignore</option>
                      <optgroup label="Questions">
                        {questions.map((q) => (
                          <option key={q.id} value={`q:${q.id}`}>
                            {targetLabel(`q:${q.id}`, questions).slice(0, 90)}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label="Respondent details">
                        {META_FIELDS.map((f) => (
                          <option key={f} value={`meta:${f}`}>
                            {META_LABELS[f]}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="field">
          <label htmlFor="import-source">Source for rows without one</label>
          <select id="import-source" name="defaultSource" defaultValue={state.defaultSource}>
            {IMPORT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          name="intent"
          value="preview"
          className={preview ? "button--secondary" : undefined}
          disabled={busy === "preview"}
        >
          {busy === "preview" ? "Checking rows…" : preview ? "Update preview" : "Preview import"}
        </button>
      </section>

      {preview ? (
        <section className="card" aria-labelledby="import-preview">
          <h2 id="import-preview">Preview</h2>
          {preview.message ? (
            <div className="alert alert--warn" role="alert">
              {preview.message}
            </div>
          ) : null}
          <p role="status">
            <strong>{preview.validCount}</strong> valid {preview.validCount === 1 ? "row" : "rows"} will be imported
            {preview.invalidCount ? (
              <>
                ; <strong>{preview.invalidCount}</strong> {preview.invalidCount === 1 ? "row has" : "rows have"} errors and will be skipped
              </>
            ) : null}
            . Nothing has been written yet.
          </p>
          <div className="table-wrap">
            <table className="import-preview">
              <caption className="sr-only">First {Math.min(PREVIEW_ROWS, state.rowCount)} rows as they will be imported</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  {preview.columns.map((c) => (
                    <th scope="col" key={c.index} title={c.label}>
                      {targetLabel(c.target, questions).slice(0, 40)}
                    </th>
                  ))}
                  <th scope="col">Check</th>
                </tr>
              </thead>
              <tbody>
                {preview.preview.map((r) => (
                  <tr key={r.line} className={r.errors.length ? "import-preview__bad" : undefined}>
                    <td>{r.line}</td>
                    {r.cells.map((c) => (
                      <td key={c.index} className={c.error ? "import-preview__cell--bad" : undefined}>
                        {c.text}
                      </td>
                    ))}
                    <td>
                      {r.errors.length ? <span className="error">{r.errors.join(" ")}</span> : <span className="badge badge--ok">OK</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.errorRows.length ? (
            <div className="alert alert--error" aria-labelledby="import-errors-title">
              <p id="import-errors-title">Rows with errors (skipped):</p>
              <ul className="import-errors">
                {preview.errorRows.map((r) => (
                  <li key={r.line}>
                    Line {r.line}: {r.errors.join(" ")}
                  </li>
                ))}
              </ul>
              {preview.invalidCount > preview.errorRows.length ? <p>…and {preview.invalidCount - preview.errorRows.length} more.</p> : null}
            </div>
          ) : null}
          {preview.validCount > 0 ? (
            <button type="submit" name="intent" value="import" disabled={busy === "import"}>
              {busy === "import" ? "Importing…" : `Import ${preview.validCount} valid ${preview.validCount === 1 ? "row" : "rows"}`}
            </button>
          ) : (
            <p className="muted">No row can be imported. Fix the file or the mapping and preview again.</p>
          )}{" "}
          <Link to={`/surveys/${surveyId}/import`} reloadDocument className="button button--quiet">
            Start over
          </Link>
        </section>
      ) : null}
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
