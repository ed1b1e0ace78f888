import { Link } from "@remix-run/react";

/** The survey page's line on quotas: each segment's complete count against its quota, and where to change them. */
export function QuotaSummary({
  surveyId,
  quotas,
}: {
  surveyId: number;
  quotas: Array<{ id: number; prompt: string; option: string; complete: number; maxComplete: number; full: boolean }>;
}) {
  return (
    <section className="card" aria-labelledby="quotas-heading" data-testid="quota-summary">
      <h2 id="quotas-heading">Quotas and languages</h2>
      {quotas.length ? (
        <ul>
          {quotas.map((q) => (
            <li key={q.id}>
              {q.prompt} = <strong>{q.option}</strong>: {q.complete} of {q.maxComplete} complete
              {q.full ? <span className="badge badge--danger"> full</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No quotas: every segment may answer until the survey closes.</p>
      )}
      <p className="row">
        <Link to={`/surveys/${surveyId}/quotas`}>Set quotas</Link>
        <Link to={`/surveys/${surveyId}/translations`}>Translations</Link>
      </p>
    </section>
  );
}
