import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { triggerLabel } from "~/prospects/readiness";
import { triggersView } from "~/board/board-view.server";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { boardScope } from "~/board/board.server";

export const meta: MetaFunction = () => [{ title: "Buying triggers · Board · Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const database = db();
  const raw = new URL(request.url).searchParams.get("scope");
  const scope = await boardScope(database, raw);
  return json({ scope, triggers: await triggersView(database, scope) });
}

function daysAgo(at: string | null): string {
  if (!at) return "–";
  const days = Math.floor((Date.now() - Date.parse(at)) / 86_400_000);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}

export default function Triggers() {
  const { triggers, scope } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/board?scope=${scope ?? "all"}`}>← Board</Link>
      </p>
      <h1>Buying triggers</h1>
      <p className="muted">Events that turn pain into a purchase now: from what respondents wrote and what they ticked.</p>
      {triggers.length === 0 ? (
        <div className="empty">
          <p>No triggers found yet. Run an analysis from the board once responses come in.</p>
        </div>
      ) : (
        triggers.map((t) => (
          <section key={t.type} className="card" aria-labelledby={`trigger-${t.type}`}>
            <h2 id={`trigger-${t.type}`}>{triggerLabel(t.type)}</h2>
            <p>
              <strong>{t.respondents}</strong> respondents · {t.past} past, {t.upcoming} upcoming, {t.unknown} unspecified · most recent{" "}
              {daysAgo(t.latestAt)}
            </p>
            <details>
              <summary>Who mentioned it</summary>
              <ul>
                {t.prospects.map((p, i) => (
                  <li key={i}>
                    {p.personId ? <Link to={`/prospects/${p.personId}`}>{p.name}</Link> : p.name}
                    {p.company ? `, ${p.company}` : ""} <span className="badge">{p.timing}</span>{" "}
                    <span className="muted">
                      “{p.phrase}” · {daysAgo(p.at)}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          </section>
        ))
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
