import type { MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { CohortsSection } from "./CohortsSection";
import { PlanForm } from "./PlanForm";
import type { action, loader } from "./route.server";
import { TargetsSection } from "./TargetsSection";

export { action, loader } from "./route.server";

export const meta: MetaFunction = () => [{ title: "Funnel plan · Painmap" }];

export default function PlanPage() {
  const { plan, saved, evaluation: e, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
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
        <TargetsSection plan={plan} evaluation={e} now={now} />
        <PlanForm plan={plan} targets={e.targets} errors={errors} submitting={navigation.state === "submitting"} />
      </div>

      <CohortsSection cohorts={e.cohorts} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
