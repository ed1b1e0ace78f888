import type { ProspectData } from "./section-props";

/** Every answer the person gave, each with the theme it was grouped into (contact answers already masked by the consent rule). */
export function AnswersSection({ answers }: { answers: ProspectData["answers"] }) {
  return (
    <section className="card" aria-labelledby="answers">
      <h2 id="answers">Every answer</h2>
      {answers.length ? (
        <dl className="answers">
          {answers.map((a) => (
            <div key={a.id}>
              <dt>
                {a.prompt}
                {a.theme ? (
                  <>
                    {" "}
                    <span className="badge badge--accent">{a.theme}</span>
                  </>
                ) : null}
              </dt>
              <dd>{a.kind === "consent" ? (a.value === "1" ? "Yes" : "No") : a.value || <span className="muted">(blank)</span>}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No answers.</p>
      )}
    </section>
  );
}
