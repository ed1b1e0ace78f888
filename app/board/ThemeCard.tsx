import { Link } from "@remix-run/react";
import type { BoardCard } from "./board-cards";
import { Sparkline } from "./Sparkline";
import { percent } from "../components/format";
import { triggerLabel } from "~/prospects/readiness";
import { TrendBadge } from "./TrendBadge";

export function ThemeCard({
  card,
  showNoteFlags,
}: {
  card: Omit<BoardCard, "keywords" | "analysisLabel"> & { readyNow?: number };
  showNoteFlags: boolean;
}) {
  const headingId = `theme-${card.themeId}`;
  return (
    <article className="card theme-card" aria-labelledby={headingId}>
      <header className="theme-card__head">
        <h2 id={headingId}>
          <Link to={`/board/${card.themeId}`}>{card.label}</Link>
        </h2>
        <div className="row">
          {card.pinned ? <span className="badge">Pinned</span> : null}
          <TrendBadge trend={card.trend} />
          {showNoteFlags && card.unseenNotes > 0 ? (
            <span className="badge badge--danger">
              {card.unseenNotes} new {card.unseenNotes === 1 ? "note" : "notes"}
            </span>
          ) : null}
        </div>
      </header>
      {card.summary ? <p className="theme-card__summary">{card.summary}</p> : null}
      <dl className="theme-card__figures">
        <div>
          <dt>Respondents</dt>
          <dd>
            {card.respondents} ({percent(card.share)})
          </dd>
        </div>
        <div>
          <dt>Avg pain</dt>
          <dd>{card.avgSeverity === null ? "–" : `${card.avgSeverity.toFixed(1)} / 10`}</dd>
        </div>
        {card.readyNow !== undefined ? (
          <div>
            <dt>Ready now</dt>
            <dd>
              <Link to={`/prospects?band=ready_now&theme=${card.themeId}`} data-testid="ready-now-link">
                {card.readyNow} {card.readyNow === 1 ? "prospect" : "prospects"}
              </Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Trend</dt>
          <dd>
            <Sparkline
              id={`sparkline-${card.themeId}`}
              values={card.history}
              label={`Share over the last ${card.history.length} runs: ${card.history.map(percent).join(", ")}`}
            />
          </dd>
        </div>
      </dl>
      {card.triggerMix.length ? (
        <p className="theme-card__triggers">
          <span className="muted">Triggers: </span>
          {card.triggerMix.slice(0, 4).map((t) => (
            <span key={t.type} className="badge">
              {triggerLabel(t.type)} {t.count}
            </span>
          ))}
        </p>
      ) : null}
      {card.quotes.length ? (
        <ul className="theme-card__quotes">
          {card.quotes.slice(0, 2).map((q) => (
            <li key={q.answerId}>
              <blockquote className="quote">“{q.text}”</blockquote>
              <p className="muted">— {q.attribution}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="theme-card__vp">
        <h3>Value proposition</h3>
        {card.valueProposition ? <p>{card.valueProposition.statement}</p> : <p className="muted">None yet.</p>}
      </div>
    </article>
  );
}
