import type { ProspectData } from "./section-props";

/** The buying triggers (with marketers' corrections marked), pain themes and the quote behind them. */
export function SignalsSection({ prospect: p }: { prospect: ProspectData["prospect"] }) {
  return (
    <section className="card" aria-labelledby="signals">
      <h2 id="signals">Triggers and themes</h2>
      {p.triggers.length ? (
        <ul>
          {p.triggers.map((t) => (
            <li key={t.type}>
              <strong>{t.label}</strong> ({t.timing}, <span className={t.corrected ? "badge badge--accent" : undefined}>{t.certainty}</span>
              )
              {t.phrase && t.phrase !== t.label ? (
                <>
                  {" "}
                  — <q>{t.phrase}</q>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No buying trigger found in their answers.</p>
      )}
      <h3>Pain themes</h3>
      {p.themes.length ? (
        <p>
          {p.themes.map((t) => (
            <span key={t.id} className="badge badge--accent">
              {t.label}
            </span>
          ))}
        </p>
      ) : (
        <p className="muted">Not grouped into a theme yet (the board's analysis assigns themes).</p>
      )}
      {p.quote ? <blockquote className="quote">{p.quote}</blockquote> : null}
    </section>
  );
}
