import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/Field";
import { segmentValue } from "~/surveys/quotas/rules";
import { firstError } from "~/utils/forms";
import type { action, loader } from "./route.server";

export { action, loader } from "./route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Quotas · ${data?.survey.title ?? "Survey"} · Painmap` }];

export default function SurveyQuotas() {
  const { survey, questions, quotas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? (result.errors as Record<string, string[]>) : undefined;
  const values = result && "values" in result ? (result.values as Record<string, string>) : {};
  return (
    <div className="page">
      <p>
        <Link to={`/surveys/${survey.id}/edit`}>← Back to the survey</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Quotas: {survey.title}</h1>
          <p className="muted">
            At most so many complete responses from one segment (for example industry = Healthcare, or everyone who ticked Salesforce among
            their tools). A prospect whose answer puts them in a full segment is thanked and the survey ends for them; their answers so far
            are kept.
            {survey.maxResponses !== null ? ` The survey as a whole stops at ${survey.maxResponses} complete responses.` : ""}
          </p>
        </div>
      </div>
      {result && "message" in result ? (
        <div className="alert alert--ok" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <FormErrors errors={errors?.[""]} />
      {quotas.length === 0 ? (
        <p className="empty">No quotas yet: every segment may answer until the survey closes.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="quotas">
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Complete of quota</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {quotas.map((q) => (
                <tr key={q.id}>
                  <td>
                    {q.prompt} {q.multiple ? "includes" : "="} <strong>{q.option}</strong>
                  </td>
                  <td>
                    {q.complete} of {q.maxComplete}{" "}
                    {q.full ? <span className="badge badge--danger">full</span> : <span className="muted small">({q.remaining} left)</span>}
                  </td>
                  <td>
                    {/* A confirmation step that works without JavaScript. */}
                    <details>
                      <summary className="button button--quiet button--small">
                        Remove<span className="sr-only"> the quota on {q.option}</span>
                      </summary>
                      <Form method="post">
                        <input type="hidden" name="quotaId" value={q.id} />
                        <button type="submit" name="intent" value="remove" className="button--danger button--small">
                          Yes, remove this quota
                        </button>
                      </Form>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Add or change a quota</h2>
      {questions.length === 0 ? (
        <p className="empty">Quotas are set on single- and multiple-choice questions; this survey has none yet.</p>
      ) : (
        <Form method="post" className="card" noValidate>
          <Field
            id="quota-segment"
            label="Segment"
            help="The answer that puts a prospect in the segment. On a multiple-choice question, everyone who ticked it is in it, whatever else they ticked."
            error={firstError(errors, "segment")}
            required
          >
            {(aria) => (
              <select {...aria} name="segment" defaultValue={values.segment ?? ""}>
                <option value="">Choose an answer…</option>
                {questions.map((q) => (
                  <optgroup key={q.id} label={q.kind === "multiple_choice" ? `${q.prompt} (ticked, among others)` : q.prompt}>
                    {q.options.map((o) => (
                      <option key={o} value={segmentValue(q.id, o)}>
                        {o}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="quota-max"
            label="At most this many complete responses"
            help="A whole number, 1 or more. Setting it again on the same segment changes it."
            error={firstError(errors, "maxComplete")}
            required
          >
            {(aria) => <input {...aria} name="maxComplete" inputMode="numeric" defaultValue={values.maxComplete ?? ""} />}
          </Field>
          <button type="submit" name="intent" value="save">
            Save quota
          </button>
        </Form>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
