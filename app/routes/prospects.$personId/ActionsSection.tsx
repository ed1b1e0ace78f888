import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { formatDate } from "~/components/format";
import { firstError } from "~/utils/forms";

import type { SectionProps } from "./section-props";

/** How to reach the person (only with consent) and sales' pipeline actions: accept, reject, reopen, assign, contacted. */
export function ActionsSection({ data, errors, busy, intent }: SectionProps) {
  const p = data.prospect;
  return (
    <section className="card" aria-labelledby="actions">
      <h2 id="actions">Actions</h2>
      {data.reach ? (
        <p className="alert alert--warn" data-testid="reach">
          {data.reach}
        </p>
      ) : null}
      {p.email ? (
        <p>
          <a href={`mailto:${p.email}`}>{p.email}</a>
          {data.optOutLink ? (
            <>
              <br />
              <span className="small muted">Opt-out link for any email you send: </span>
              <a className="small break" href={data.optOutLink}>
                {data.optOutLink}
              </a>
            </>
          ) : null}
        </p>
      ) : (
        <p className="muted">{p.named ? "No email address given." : "Name, company and email hidden: no permission to contact."}</p>
      )}
      {data.canAct ? (
        <div className="stack">
          {p.status !== "accepted" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" disabled={busy}>
                {busy && intent === "accept" ? "Accepting…" : "Accept as opportunity"}
              </button>
              {p.band === "not_a_fit" ? <p className="help small">They fail a gate; accepting them is counted on the plan.</p> : null}
            </Form>
          ) : null}
          {p.status !== "rejected" ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="reject" />
              <Field
                id="reject-reason"
                label="Reason for rejecting"
                help="They go back to nurture if they opted in."
                error={firstError(errors, "reason")}
              >
                {(aria) => <input {...aria} name="reason" type="text" maxLength={500} />}
              </Field>
              <button type="submit" className="button--secondary" disabled={busy}>
                {busy && intent === "reject" ? "Rejecting…" : "Reject"}
              </button>
            </Form>
          ) : null}
          {p.status !== "new" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reopen" />
              <button type="submit" className="button--secondary button--small" disabled={busy}>
                Reopen as new
              </button>
            </Form>
          ) : null}
          <Form method="post" className="row">
            <input type="hidden" name="intent" value="assign" />
            <label htmlFor="owner">Owner</label>
            <select id="owner" name="ownerUserId" defaultValue={p.ownerUserId ?? ""} style={{ width: "auto" }}>
              <option value="">Unassigned</option>
              {data.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                  {o.id === data.meId ? " (me)" : ""}
                </option>
              ))}
            </select>
            <button type="submit" className="button--secondary button--small" disabled={busy}>
              {busy && intent === "assign" ? "Saving…" : "Assign"}
            </button>
          </Form>
          {!p.contactedAt ? (
            <Form method="post">
              <input type="hidden" name="intent" value="contacted" />
              <button type="submit" className="button--secondary button--small" disabled={busy}>
                Mark as contacted
              </button>
            </Form>
          ) : (
            <p className="small muted">First contacted {formatDate(p.contactedAt)} UTC.</p>
          )}
        </div>
      ) : (
        <p className="muted">Only sales and admins can accept, reject or assign prospects.</p>
      )}
    </section>
  );
}
