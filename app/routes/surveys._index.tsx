import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CopyLink } from "~/components/CopyLink";
import { listSurveysWithCounts } from "../../db/queries/surveys";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { publicSurveyUrl } from "~/surveys/surveys.server";
import { publicOrigin } from "~/utils/http.server";
import { formatDay } from "~/components/format";
import { SurveyStatusBadge } from "~/surveys/SurveyStatusBadge";

export const meta: MetaFunction = () => [{ title: "Surveys · Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const origin = publicOrigin(request);
  const surveys = await listSurveysWithCounts(db());
  return json({ surveys: surveys.map((s) => ({ ...s, publicUrl: publicSurveyUrl(origin, s.slug) })) });
}

export default function SurveysIndex() {
  const { surveys } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Surveys</h1>
        <Link className="button" to="/surveys/new">
          New survey
        </Link>
      </div>

      {surveys.length === 0 ? (
        <div className="card empty">
          <p>
            <strong>No surveys yet.</strong>
          </p>
          <p>
            Start with <Link to="/surveys/new">New survey</Link>: the Market validation study template asks prospects about their pain,
            triggers, budget and timing. Fill in three words, review the questions, then publish and share the link.
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="survey-list">
            <thead>
              <tr>
                <th>Survey</th>
                <th>Status</th>
                <th>Complete</th>
                <th>Partial</th>
                <th>Closes</th>
                <th>Cap</th>
                <th>Public link</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr key={s.id}>
                  <td>
                    <strong>{s.title}</strong>
                    <div className="row small">
                      <Link to={`/surveys/${s.id}/edit`} aria-label={`Edit ${s.title}`}>
                        Edit
                      </Link>
                      <Link to={`/surveys/${s.id}/responses`} aria-label={`Responses to ${s.title}`}>
                        Responses
                      </Link>
                    </div>
                    <div className="muted small">
                      {s.question_count} {s.question_count === 1 ? "question" : "questions"}
                    </div>
                  </td>
                  <td>
                    <SurveyStatusBadge status={s.status} />
                  </td>
                  <td>{s.complete_count}</td>
                  <td>{s.partial_count}</td>
                  <td>{formatDay(s.closes_at)}</td>
                  <td>{s.max_responses ?? "—"}</td>
                  <td>
                    {s.status === "open" ? (
                      <CopyLink id={`link-${s.id}`} url={s.publicUrl} label={`Public link for ${s.title}`} />
                    ) : s.status === "draft" ? (
                      <span className="muted small">Publish to share</span>
                    ) : (
                      <span className="muted small">Closed</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
