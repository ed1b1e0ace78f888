import { Form } from "@remix-run/react";
import { formatDate } from "~/components/format";

import type { SectionProps } from "./section-props";

/** The consent history (who, when, which wording) and, for sales, recording an opt-out the person asked for. */
export function ConsentSection({ data, errors, busy }: Omit<SectionProps, "intent">) {
  return (
    <section className="card" aria-labelledby="consent">
      <h2 id="consent">Consent history</h2>
      {data.consents.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Purpose</th>
                <th scope="col">Status</th>
                <th scope="col">Who</th>
                <th scope="col">Wording</th>
              </tr>
            </thead>
            <tbody>
              {data.consents.map((c) => (
                <tr key={c.id}>
                  <td>{formatDate(c.capturedAt)}</td>
                  <td>{c.purpose.replace(/_/g, " ")}</td>
                  <td>
                    {c.status === "opted_in" ? "opted in" : "opted out"}
                    {c.withdrawnAt ? ` (withdrawn ${c.withdrawnAt.slice(0, 10)})` : ""}
                  </td>
                  <td>{c.actor}</td>
                  <td>
                    {c.wording} <span className="muted small">({c.wordingVersion})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No consent recorded.</p>
      )}
      {data.canAct && !data.unsubscribed ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="opt-out" />
          <label className="choice">
            <input type="checkbox" name="confirm" value="yes" aria-describedby={errors?.confirm ? "confirm-error" : undefined} />
            <span>They asked us to stop all email</span>
          </label>
          {errors?.confirm ? (
            <p id="confirm-error" className="error">
              {errors.confirm[0]}
            </p>
          ) : null}
          <button type="submit" className="button--danger button--small" disabled={busy}>
            Record opt-out
          </button>
        </Form>
      ) : null}
    </section>
  );
}
