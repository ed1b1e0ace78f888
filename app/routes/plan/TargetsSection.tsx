import { percent } from "~/prospects/funnel";
import { TargetsChart } from "~/prospects/TargetsChart";

import { num, type PlanData } from "./section-props";
import { ScrollRegion } from "~/components/ScrollRegion";

/** The plan's targets beside what was delivered in the counting window; a past due date reads overdue. */
export function TargetsSection({ plan, evaluation: e, now }: Pick<PlanData, "plan" | "evaluation" | "now">) {
  const t = e.targets;
  return (
    <section aria-labelledby="targets-h" className="card">
      <h2 id="targets-h">Targets and actuals</h2>
      <p className="muted small">
        Counting opportunities qualified from {e.window.from} to {e.window.to}.
      </p>
      <ScrollRegion label="Targets">
        <table className="targets" data-testid="targets">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Target</th>
              <th scope="col">Actual</th>
            </tr>
          </thead>
          <tbody>
            <tr data-measure="opportunities">
              <th scope="row">
                Qualified opportunities (
                {Date.parse(t.dueDate) < Date.parse(now) ? (
                  <span className="badge badge--danger">overdue since {t.dueDate}</span>
                ) : (
                  `due ${t.dueDate}`
                )}
                )
              </th>
              <td>{t.opportunitiesNeeded}</td>
              <td>{e.delivered.total}</td>
            </tr>
            <tr data-measure="marketing">
              <th scope="row">From marketing ({percent(plan.marketingShare)})</th>
              <td>{t.marketingOpportunities}</td>
              <td>{e.delivered.marketing}</td>
            </tr>
            <tr data-measure="sales">
              <th scope="row">From sales and others</th>
              <td>{t.salesOpportunities}</td>
              <td>{e.delivered.sales + e.delivered.other}</td>
            </tr>
            <tr data-measure="won">
              <th scope="row">Deals won</th>
              <td>{plan.goalDeals}</td>
              <td>{e.won}</td>
            </tr>
            <tr data-measure="close-ratio">
              <th scope="row">Close ratio</th>
              <td>{percent(plan.closeRatio)}</td>
              <td>{percent(e.closeRatio)}</td>
            </tr>
            <tr data-measure="cycle">
              <th scope="row">Sales cycle (days)</th>
              <td>{plan.cycleDays}</td>
              <td>{e.cycleDaysAverage ?? "–"}</td>
            </tr>
            <tr data-measure="follow-up">
              <th scope="row">Ready-now followed up within {plan.followUpDays} days</th>
              <td>100%</td>
              <td>
                {percent(e.followUp.rate)}
                {e.followUp.waiting ? ` (${e.followUp.waiting} waiting)` : ""}
              </td>
            </tr>
            <tr data-measure="failed-gate">
              <th scope="row">Accepted while failing a gate</th>
              <td>0</td>
              <td>{e.acceptedFailingGate}</td>
            </tr>
            <tr data-measure="revenue">
              <th scope="row">Revenue</th>
              <td>{num(t.revenueTarget)}</td>
              <td>–</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <TargetsChart rows={e.chart} />
    </section>
  );
}
