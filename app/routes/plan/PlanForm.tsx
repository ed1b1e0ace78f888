import { Form } from "@remix-run/react";
import { Field, FormErrors } from "~/components/Field";
import { percent } from "~/prospects/funnel";
import { firstError } from "~/utils/forms";

import { num, type PlanData } from "./section-props";

/** The plan's form (PlanSchema on both sides) and the sentence that works the targets backward from the deals wanted. */
export function PlanForm({
  plan,
  targets: t,
  errors,
  submitting,
}: {
  plan: PlanData["plan"];
  targets: PlanData["evaluation"]["targets"];
  errors: Record<string, string[]> | undefined;
  submitting: boolean;
}) {
  return (
    <section aria-labelledby="plan-h" className="card">
      <h2 id="plan-h">The plan</h2>
      <Form method="post" noValidate>
        <FormErrors errors={errors?.[""]} />
        <div className="row">
          <Field id="periodStart" label="Period starts" error={firstError(errors, "periodStart")} required>
            {(aria) => <input {...aria} name="periodStart" type="date" defaultValue={plan.periodStart} required />}
          </Field>
          <Field id="periodEnd" label="Period ends" error={firstError(errors, "periodEnd")} required>
            {(aria) => <input {...aria} name="periodEnd" type="date" defaultValue={plan.periodEnd} required />}
          </Field>
        </div>
        <Field id="goalDeals" label="Deals wanted in the period" error={firstError(errors, "goalDeals")} required>
          {(aria) => (
            <input {...aria} name="goalDeals" type="number" min={1} step={1} inputMode="numeric" defaultValue={plan.goalDeals} required />
          )}
        </Field>
        <Field
          id="closeRatio"
          label="Close ratio"
          help="Share of qualified opportunities that become deals, e.g. 0.3 for 30%."
          error={firstError(errors, "closeRatio")}
          required
        >
          {(aria) => (
            <input
              {...aria}
              name="closeRatio"
              type="number"
              min={0.01}
              max={1}
              step="any"
              inputMode="decimal"
              defaultValue={plan.closeRatio}
              required
            />
          )}
        </Field>
        <Field id="cycleDays" label="Sales cycle (days)" error={firstError(errors, "cycleDays")} required>
          {(aria) => (
            <input
              {...aria}
              name="cycleDays"
              type="number"
              min={1}
              max={730}
              step={1}
              inputMode="numeric"
              defaultValue={plan.cycleDays}
              required
            />
          )}
        </Field>
        <Field
          id="marketingShare"
          label="Marketing's share of opportunities"
          help="0 to 1, e.g. 0.6 for 60%."
          error={firstError(errors, "marketingShare")}
          required
        >
          {(aria) => (
            <input
              {...aria}
              name="marketingShare"
              type="number"
              min={0}
              max={1}
              step="any"
              inputMode="decimal"
              defaultValue={plan.marketingShare}
              required
            />
          )}
        </Field>
        <Field id="dealSize" label="Average deal size" error={firstError(errors, "dealSize")} required>
          {(aria) => (
            <input {...aria} name="dealSize" type="number" min={0} step="any" inputMode="decimal" defaultValue={plan.dealSize} required />
          )}
        </Field>
        <Field
          id="followUpDays"
          label="Agreed follow-up time (days)"
          help="How soon sales contacts a ready-now prospect."
          error={firstError(errors, "followUpDays")}
          required
        >
          {(aria) => (
            <input
              {...aria}
              name="followUpDays"
              type="number"
              min={0}
              max={60}
              step={1}
              inputMode="numeric"
              defaultValue={plan.followUpDays}
              required
            />
          )}
        </Field>
        <button type="submit" disabled={submitting}>
          {submitting ? "Saving…" : "Save plan"}
        </button>
      </Form>
      <p className="small muted">
        {plan.goalDeals} deals at {percent(plan.closeRatio)} need {t.opportunitiesNeeded} qualified opportunities by {t.dueDate}:{" "}
        {t.marketingOpportunities} from marketing, {t.salesOpportunities} from sales. Pipeline value {num(t.pipelineValue)}.
      </p>
    </section>
  );
}
