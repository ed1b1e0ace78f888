import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { opportunitiesBetween } from "../../db/queries/opportunities";
import { latestPlan, savePlan } from "../../db/queries/plans";
import { assessedPeopleFacts } from "../../db/queries/prospects";
import { Field, FormErrors } from "~/components/Field";
import { TargetsChart } from "~/prospects/TargetsChart";
import { countingWindow, evaluatePlan } from "~/prospects/evaluation";
import { defaultPlan, percent, PlanSchema, type PlanInput } from "~/prospects/funnel";
import { missedChecks } from "~/prospects/readiness";
import type { StoredParts } from "~/prospects/readiness.server";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { firstError, parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { ScrollRegion } from "~/components/ScrollRegion";

export const meta: MetaFunction = () => [{ title: "Funnel plan · Painmap" }];

/** Marketing and sales plan together (DESIGN.md principle 2): everyone can read; admin and marketer and sales may save. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const database = db();
  const saved = await latestPlan(database);
  const plan: PlanInput = saved ?? defaultPlan();
  const window = countingWindow(plan);
  const [opportunities, people] = await Promise.all([
    opportunitiesBetween(database, window.from, window.to),
    assessedPeopleFacts(database),
  ]);
  const evaluation = evaluatePlan(
    plan,
    opportunities,
    people.map((p) => {
      const parts = (p.parts ?? {}) as Partial<StoredParts>;
      const checks = parts.checks;
      return {
        band: p.band,
        readySince: p.readySince,
        contactedAt: p.contactedAt,
        pipelineStatus: p.pipelineStatus,
        missed: checks ? missedChecks(checks) : 0,
        failedGateOnly: Boolean(
          checks && !checks.gates && (parts.gateFailures?.length ?? 0) === 1 && checks.score && checks.cycle && checks.pain,
        ),
      };
    }),
  );
  return json({ plan, saved: Boolean(saved), savedAt: saved?.createdAt ?? null, evaluation, now: new Date().toISOString() });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, ALL_ROLES);
  const parsed = parseWith(PlanSchema, await readFormData(request, 8 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  await savePlan(db(), parsed.data, me.id);
  return json({ ok: true as const, message: "Plan saved." });
}

function num(n: number) {
  return n.toLocaleString("en");
}

export default function PlanPage() {
  const { plan, saved, evaluation: e, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  const t = e.targets;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Funnel plan</h1>
          <p className="muted">
            Work backward from the deals wanted: opportunities needed = deals ÷ close ratio, due one sales cycle before the period starts.
          </p>
        </div>
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {!saved ? (
        <div className="alert alert--warn" role="status">
          No plan saved yet: these are example figures. Adjust them and save.
        </div>
      ) : null}

      <section aria-labelledby="eval-h" className="card">
        <h2 id="eval-h">How are we doing?</h2>
        <dl className="evaluation">
          {e.questions.map((q) => (
            <div key={q.id} className={`evaluation__item evaluation__item--${q.status}`} data-question={q.id}>
              <dt>{q.question}</dt>
              <dd>{q.answer}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="grid">
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
                <input
                  {...aria}
                  name="goalDeals"
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  defaultValue={plan.goalDeals}
                  required
                />
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
                <input
                  {...aria}
                  name="dealSize"
                  type="number"
                  min={0}
                  step="any"
                  inputMode="decimal"
                  defaultValue={plan.dealSize}
                  required
                />
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
            <button type="submit" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Saving…" : "Save plan"}
            </button>
          </Form>
          <p className="small muted">
            {plan.goalDeals} deals at {percent(plan.closeRatio)} need {t.opportunitiesNeeded} qualified opportunities by {t.dueDate}:{" "}
            {t.marketingOpportunities} from marketing, {t.salesOpportunities} from sales. Pipeline value {num(t.pipelineValue)}.
          </p>
        </section>
      </div>

      {e.cohorts.length ? (
        <section aria-labelledby="cohorts-h" className="card">
          <h2 id="cohorts-h">Close ratio by cohort</h2>
          <ScrollRegion label="Close ratio by cohort">
            <table>
              <thead>
                <tr>
                  <th scope="col">Qualified in</th>
                  <th scope="col">Opportunities</th>
                  <th scope="col">Won</th>
                  <th scope="col">Lost</th>
                  <th scope="col">Open</th>
                  <th scope="col">Close ratio</th>
                </tr>
              </thead>
              <tbody>
                {e.cohorts.map((c) => (
                  <tr key={c.month}>
                    <th scope="row">{c.month}</th>
                    <td>{c.opportunities}</td>
                    <td>{c.won}</td>
                    <td>{c.lost}</td>
                    <td>{c.open}</td>
                    <td>{percent(c.closeRatio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
