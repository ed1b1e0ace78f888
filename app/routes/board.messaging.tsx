import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { messagingItems } from "~/board/messaging";
import { percent } from "~/components/format";
import { boardView } from "~/board/board-view.server";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { boardScope } from "~/board/board.server";

export const meta: MetaFunction = () => [{ title: "Messaging · Board · Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const database = db();
  const raw = new URL(request.url).searchParams.get("scope");
  const scope = await boardScope(database, raw);
  const board = await boardView(database, { scope });
  return json({ scope, items: messagingItems(board.cards) });
}

export default function Messaging() {
  const { items, scope } = useLoaderData<typeof loader>();
  const scopeParam = scope === null ? "all" : String(scope);
  return (
    <div className="page">
      <p>
        <Link to={`/board?scope=${scopeParam}`}>← Board</Link>
      </p>
      <div className="page-head">
        <h1>Messaging</h1>
        <div className="row">
          <a className="button button--secondary" href={`/board/messaging/export?format=md&scope=${scopeParam}`} download>
            Export Markdown
          </a>
          <a className="button button--secondary" href={`/board/messaging/export?format=csv&scope=${scopeParam}`} download>
            Export CSV
          </a>
          <a className="button button--secondary" href={`/board/messaging/export?format=xlsx&scope=${scopeParam}`} download>
            Export Excel
          </a>
        </div>
      </div>
      <p className="muted">
        Value propositions ranked by evidence (share of respondents × average pain). Quotes name a respondent only when they agreed to be
        contacted.
      </p>
      {items.length === 0 ? (
        <div className="empty">
          <p>No themes yet. Run an analysis from the board first.</p>
        </div>
      ) : null}
      <ol className="messaging">
        {items.map((item) => (
          <li key={item.themeId} className="card">
            <h2>
              <Link to={`/board/${item.themeId}`}>{item.theme}</Link>
            </h2>
            {item.statement ? (
              <p className="vp-current">{item.statement}</p>
            ) : (
              <p className="muted">
                No value proposition yet. <Link to={`/board/${item.themeId}`}>Write one</Link>.
              </p>
            )}
            <p className="muted">
              {item.respondents} respondents ({percent(item.share)}) · average pain{" "}
              {item.avgSeverity === null ? "–" : item.avgSeverity.toFixed(1)} / 10
            </p>
            <ul>
              {item.quotes.map((q, i) => (
                <li key={i}>
                  <blockquote className="quote">“{q.text}”</blockquote>
                  <p className="muted">— {q.attribution}</p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
