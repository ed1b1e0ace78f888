import { Form } from "@remix-run/react";

import type { SectionProps } from "./section-props";

/** The person's opportunities and, for sales, the form that closes the open one as won or lost. */
export function OpportunitySection({ data, errors, busy }: Omit<SectionProps, "intent">) {
  if (!data.opportunities.length) return null;
  const openOpp = data.opportunities.find((o) => !o.closedAt);
  return (
    <section className="card" aria-labelledby="opps">
      <h2 id="opps">Opportunity</h2>
      <ul>
        {data.opportunities.map((o) => (
          <li key={o.id}>
            Qualified {o.qualifiedAt.slice(0, 10)} ({o.source}){o.failedGate ? " · accepted while failing a gate" : ""} ·{" "}
            {o.outcome ? `${o.outcome} on ${o.closedAt?.slice(0, 10)}` : "open"}
            {o.amount !== null ? ` · ${o.amount.toLocaleString("en")}` : ""}
          </li>
        ))}
      </ul>
      {openOpp && data.canAct ? (
        <Form method="post" className="row" noValidate>
          <input type="hidden" name="intent" value="close" />
          <input type="hidden" name="opportunityId" value={openOpp.id} />
          <label htmlFor="outcome">Outcome</label>
          {/* no default: closing as won or lost is a choice, never a pre-selected Won */}
          <select id="outcome" name="outcome" style={{ width: "auto" }} defaultValue="" required>
            <option value="" disabled>
              Choose…
            </option>
            <option value="won">Won</option>
            <option value="lost">Lost</option>
          </select>
          <label htmlFor="amount">Amount</label>
          <input
            id="amount"
            name="amount"
            type="number"
            min={0}
            step="any"
            defaultValue={openOpp.amount ?? ""}
            style={{ width: "9rem" }}
            aria-describedby={errors?.amount ? "amount-error" : undefined}
          />
          <button type="submit" className="button--secondary button--small" disabled={busy}>
            Close opportunity
          </button>
          {errors?.amount ? (
            <p id="amount-error" className="error">
              {errors.amount[0]}
            </p>
          ) : null}
        </Form>
      ) : null}
    </section>
  );
}
