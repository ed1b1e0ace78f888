import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ThemeCard } from "~/board/ThemeCard";
import { FormErrors } from "~/components/Field";
import { formatUtcDateTime } from "~/components/format";
import { RunProgress } from "~/themes/RunProgress";
import { ChangesSection } from "./ChangesSection";
import { FiltersForm } from "./FiltersForm";
import type { action, loader } from "./route.server";
import { RunForm } from "./RunForm";

export { action, loader } from "./route.server";

export const meta: MetaFunction = () => [{ title: "Board · Painmap" }];

function scopeName(scope: number | null, surveys: Array<{ id: number; title: string }>): string {
  return scope === null ? "All surveys" : (surveys.find((s) => s.id === scope)?.title ?? `Survey ${scope}`);
}

export default function Board() {
  const { board, canEdit, scope, scopes, query, surveys, run, user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const starting = navigation.state !== "idle" && navigation.formData?.get("intent") === "run";
  const runActive = run && (run.status === "queued" || run.status === "running");
  const scopeParam = scope === null ? "all" : String(scope);
  return (
    <div className="page board">
      {runActive ? (
        <noscript>
          <meta httpEquiv="refresh" content="3" />
        </noscript>
      ) : null}
      <div className="page-head">
        <h1>Value-proposition board</h1>
        <nav className="row" aria-label="Board views">
          <Link className="button button--secondary" to={`/board/messaging?scope=${scopeParam}`}>
            Messaging
          </Link>
          <Link className="button button--secondary" to={`/board/triggers?scope=${scopeParam}`}>
            Triggers
          </Link>
        </nav>
      </div>

      {canEdit ? <RunForm scopeParam={scopeParam} surveys={surveys} starting={starting} disabled={Boolean(runActive)} /> : null}
      {result && !result.ok ? <FormErrors errors={Object.values(result.errors).flat()} /> : null}
      {run ? <RunProgress key={run.id} run={run} refreshHref={`/board?scope=${scopeParam}`} /> : null}

      {scopes.length > 1 ? (
        <p className="row">
          Themes of:{" "}
          {scopes.map((s) => (
            <Link
              key={String(s)}
              to={`/board?scope=${s ?? "all"}`}
              aria-current={s === scope ? "page" : undefined}
              className={s === scope ? "badge badge--accent" : "badge"}
            >
              {scopeName(s, surveys)}
            </Link>
          ))}
        </p>
      ) : null}

      {!board.run ? (
        <div className="empty">
          <p>
            No analysis yet.{" "}
            {canEdit
              ? "Choose a survey (or all) and press “Run analysis” to group what prospects wrote into pain themes."
              : "A marketer has not run an analysis yet; the themes appear here when they do."}
          </p>
        </div>
      ) : (
        <>
          <p className="muted">
            {scopeName(scope, surveys)} · run #{board.run.id} finished {formatUtcDateTime(board.run.finished_at ?? board.run.created_at)}{" "}
            UTC · {board.totalRespondents} respondents
            {query.survey || query.industry || query.region || query.role || query.source ? " match the filters" : ""}
          </p>
          <ChangesSection changes={board.changes} />
          <FiltersForm scopeParam={scopeParam} query={query} options={board.options} />

          {board.cards.length === 0 ? (
            <div className="empty">
              <p>No theme matches these filters. Clear a filter to see more.</p>
            </div>
          ) : (
            <ol className="board-cards" aria-label="Pain themes by impact">
              {board.cards.map((card) => (
                <li key={card.themeId}>
                  <ThemeCard card={card} showNoteFlags={user.role !== "sales"} />
                </li>
              ))}
            </ol>
          )}
          {canEdit && board.hidden.length ? (
            <details className="card">
              <summary>Hidden themes ({board.hidden.length})</summary>
              <ul>
                {board.hidden.map((h) => (
                  <li key={h.id}>
                    <Link to={`/board/${h.id}`}>{h.label}</Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
