import { Link } from "@remix-run/react";

/** The survey cannot be answered from this link: closed, full, or a resume link that matches no response. */
export function SurveyUnavailable({ title, slug, state }: { title: string; slug: string; state: "closed" | "full" | "bad_link" }) {
  return (
    <div className="page--narrow survey">
      <div className="card">
        <h1>{title}</h1>
        {state === "closed" ? (
          <p role="status">This survey is closed and no longer accepts answers. Thank you for your interest.</p>
        ) : state === "full" ? (
          <p role="status">This survey has all the responses it needs and no longer accepts answers. Thank you for your interest.</p>
        ) : (
          <>
            <p role="alert">That resume link is not valid. It may have been copied only in part.</p>
            <p>
              <Link to={`/s/${slug}`}>Start the survey from the beginning</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
