import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { formatUtcDateTime } from "~/components/format";
import { firstError } from "~/utils/forms";

import type { SectionProps } from "./section-props";

export function ValuePropositionSection({ data, errors, busy }: SectionProps) {
  const { history, canEdit } = data;
  const current = history[0];
  return (
    <>
      <section className="card" aria-labelledby="vp-title">
        <h2 id="vp-title">Value proposition</h2>
        {current ? <p className="vp-current">{current.statement}</p> : <p className="muted">No value proposition yet.</p>}
        {canEdit ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="vp" />
            <input type="hidden" name="basedOn" value={current?.version ?? 0} />
            <Field
              id="vp-statement"
              label={current ? "New version" : "Write the value proposition"}
              help="Say which pain it relieves, in the customers' words."
              error={firstError(errors, "statement")}
              required
            >
              {(aria) => (
                <textarea {...aria} name="statement" rows={3} defaultValue={current?.statement ?? ""} key={current?.version ?? 0} />
              )}
            </Field>
            <button type="submit" disabled={busy}>
              Save value proposition
            </button>
          </Form>
        ) : null}
        {history.length ? (
          <details>
            <summary>
              History ({history.length} {history.length === 1 ? "version" : "versions"})
            </summary>
            <ol className="vp-history" reversed>
              {history.map((v) => (
                <li key={v.id}>
                  <p>
                    <strong>Version {v.version}</strong> by {v.author_name ?? "someone"}, {formatUtcDateTime(v.created_at)} UTC
                  </p>
                  {v.previous !== null ? (
                    <p className="vp-diff">
                      <del>{v.previous}</del>
                    </p>
                  ) : null}
                  <p className="vp-diff">
                    <ins>{v.statement}</ins>
                  </p>
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </section>
    </>
  );
}
