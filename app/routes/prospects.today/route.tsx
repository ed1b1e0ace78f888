import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/components/format";
import { readyNotContacted } from "~/prospects/prospect-list.server";
import { ProspectWho } from "~/prospects/ProspectsTable";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Ready now, not yet contacted · Painmap" }];

/** Sales' first screen after login: who to call today, oldest first, against the plan's follow-up time. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  return json(await readyNotContacted(db(), new Date()));
}

export default function ReadyNotContacted() {
  const data = useLoaderData<typeof loader>();
  const overdue = data.prospects.filter((p) => p.clock.overdue).length;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Ready now, not yet contacted</h1>
          <p className="muted">
            Oldest first. The plan agrees a follow-up within {data.followUpDays} {data.followUpDays === 1 ? "day" : "days"}
            {data.planSaved ? "" : " (the default: no plan saved yet)"}; the clock starts when someone becomes ready now.
          </p>
        </div>
        <div className="row">
          <Link className="button button--secondary" to="/prospects?band=ready_now">
            All ready now
          </Link>
          <Link className="button button--secondary" to="/plan">
            Plan
          </Link>
        </div>
      </div>
      {data.prospects.length === 0 ? (
        <div className="empty card">
          <p>Nobody ready now is waiting for a first contact.</p>
          <p>
            New ready-now prospects appear here as people complete a survey. See <Link to="/prospects">all prospects</Link>.
          </p>
        </div>
      ) : (
        <>
          <p className="muted small" role="status" data-testid="waiting-count">
            {data.prospects.length} waiting{overdue ? `, ${overdue} overdue` : ""}.
          </p>
          <div className="table-wrap">
            <table className="prospects-table" aria-label="Ready now, not yet contacted">
              <thead>
                <tr>
                  <th scope="col">Follow-up</th>
                  <th scope="col">Prospect</th>
                  <th scope="col">Score</th>
                  <th scope="col">Trigger</th>
                  <th scope="col">Key quote</th>
                </tr>
              </thead>
              <tbody>
                {data.prospects.map((p) => (
                  <tr key={p.personId} data-person={p.personId} data-ready-since={p.readySince}>
                    <td>
                      <span className={p.clock.overdue ? "badge badge--danger" : "badge badge--ok"}>{p.clock.text}</span>
                      <div className="muted small">ready since {formatDay(p.readySince)}</div>
                    </td>
                    <td>
                      <ProspectWho p={p} />
                    </td>
                    <td>
                      <strong className="score">{p.score}</strong>
                    </td>
                    <td>{p.trigger ? `${p.trigger.label} (${p.trigger.timing})` : <span className="muted">None</span>}</td>
                    <td className="prospects-table__quote">{p.quote ? <q>{p.quote}</q> : <span className="muted">–</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {data.notCallable > 0 ? (
        <p className="muted small" data-testid="not-callable">
          {data.notCallable} more ready now cannot be called: no permission to contact or no contact details. They are on the{" "}
          <Link to="/prospects?band=ready_now">full list</Link>, reachable only through the channels they opted in to.
        </p>
      ) : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
