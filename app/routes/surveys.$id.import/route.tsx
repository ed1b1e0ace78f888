import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/Field";
import { MAX_IMPORT_ROWS } from "~/surveys/import-mapping";
import type { action, loader } from "./route.server";
import { MappingForm } from "./MappingForm";

export { action, loader } from "./route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import responses: ${data?.survey.title ?? ""} · Painmap` }];

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
              <strong>Upload a CSV or Excel file</strong>
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
              <label htmlFor="import-file">CSV file or Excel workbook (.xlsx)</label>
              <p className="help" id="import-file-help">
                A header row, then one row per respondent (interview notes, another tool's export). CSV in UTF-8 or the first sheet of a
                workbook, up to 5 MB and {MAX_IMPORT_ROWS.toLocaleString("en")} rows. Several choices in one cell are separated by “;”.
              </p>
              <input
                id="import-file"
                type="file"
                name="file"
                accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
