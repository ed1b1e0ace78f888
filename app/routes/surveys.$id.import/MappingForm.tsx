import { Form, Link, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/Field";
import { IMPORT_SOURCES, META_FIELDS, META_LABELS, PREVIEW_ROWS } from "~/surveys/import-mapping";
import type { FieldErrors } from "~/utils/forms";
import type { loader, MapState, PreviewState } from "./route.server";
import { targetLabel } from "./target-label";

/** Step 2 and 3: the column mapping, then the preview of what will be written. */
export function MappingForm({
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
