import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/format";
import { StatusBadge } from "~/responses/ResponsesTable";
import { getResponseDetail } from "../../db/queries/response-listing";
import { redactDetail } from "~/consent/redact.server";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { idParam, notFound } from "~/utils/http.server";
import { TriggerPanel } from "~/triggers/TriggerPanel";
import { answerTriggers } from "~/triggers/trigger-corrections.server";
import { TRIGGER_TEXT_ROLES, type QuestionRole } from "~/surveys/questions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Response #${data?.detail.response.id ?? ""} · Painmap` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const raw = await getResponseDetail(db(), idParam(params.id));
  if (!raw) throw notFound("We could not find that response.");
  const detail = await redactDetail(db(), raw);
  const triggers = await answerTriggers(
    db(),
    detail.answers
      .filter((a) => a.answered && a.answerId !== null && TRIGGER_TEXT_ROLES.has(a.role as QuestionRole))
      .map((a) => ({ answerId: a.answerId!, text: String(a.value) })),
  );
  return json({ detail, triggers });
}

const PURPOSE_LABELS: Record<string, string> = {
  study_summary: "Study summary",
  educational_content: "Educational content (nurture)",
  contact: "Sales may contact me",
};

function metaText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export default function ResponseDetailPage() {
  const { detail, triggers } = useLoaderData<typeof loader>();
  const { response: r, person, company, answers, consents } = detail;
  const metaEntries = Object.entries(r.meta).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return (
    <div className="page">
      <p className="small">
        <Link to={`/surveys/${r.surveyId}/responses`}>← Responses to {r.surveyTitle}</Link> · <Link to="/responses">All responses</Link>
      </p>
      <div className="page-head">
        <h1>
          Response #{r.id} <StatusBadge status={r.status} />
        </h1>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="response-meta">
          <h2 id="response-meta">Response</h2>
          <dl className="response-dl">
            <dt>Survey</dt>
            <dd>
              <Link to={`/surveys/${r.surveyId}/responses`}>{r.surveyTitle}</Link>
            </dd>
            <dt>Status</dt>
            <dd>
              {r.status}
              {r.status === "partial" ? (
                <>
                  {" "}
                  · stopped on page {r.currentPage} of {r.pageCount || "?"}
                </>
              ) : null}
            </dd>
            <dt>Started</dt>
            <dd>{formatDate(r.startedAt)}</dd>
            <dt>Last activity</dt>
            <dd>{formatDate(r.updatedAt)}</dd>
            <dt>Completed</dt>
            <dd>{formatDate(r.completedAt) || "not yet"}</dd>
            <dt>Source</dt>
            <dd>{r.source}</dd>
            <dt>UTM source</dt>
            <dd>{r.utmSource ?? "–"}</dd>
            <dt>Campaign</dt>
            <dd>{r.utmCampaign ?? "–"}</dd>
            <dt>Rep</dt>
            <dd>{r.rep ?? "–"}</dd>
            <dt>Origin</dt>
            <dd>{r.origin}</dd>
            {metaEntries.map(([k, v]) => (
              <FragmentRow key={k} term={k} value={metaText(v)} />
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="response-person">
          <h2 id="response-person">Person and company</h2>
          {person || company ? (
            <dl className="response-dl">
              <dt>Name</dt>
              <dd>{person?.name ?? "–"}</dd>
              <dt>Email</dt>
              <dd>{person?.email ?? "–"}</dd>
              <dt>Job title</dt>
              <dd>{person?.jobTitle ?? "–"}</dd>
              <dt>Person source</dt>
              <dd>{person?.source ?? "–"}</dd>
              <dt>Company</dt>
              <dd>{company?.name ?? "–"}</dd>
              <dt>Industry</dt>
              <dd>{company?.industry ?? "–"}</dd>
              <dt>Region</dt>
              <dd>{company?.region ?? "–"}</dd>
              <dt>Sites</dt>
              <dd>{company?.siteCount ?? "–"}</dd>
            </dl>
          ) : (
            <p className="muted">Anonymous: this respondent left no contact details.</p>
          )}
          <h3>Consents</h3>
          {consents.length ? (
            <ul className="response-consents">
              {consents.map((c, i) => (
                <li key={i}>
                  <span className={c.status === "opted_in" && !c.withdrawnAt ? "badge badge--ok" : "badge badge--danger"}>
                    {c.withdrawnAt ? "withdrawn" : c.status === "opted_in" ? "opted in" : "opted out"}
                  </span>{" "}
                  {PURPOSE_LABELS[c.purpose] ?? c.purpose}
                  <div className="muted small">
                    “{c.wording}” (wording {c.wordingVersion}), {formatDate(c.capturedAt)}
                    {c.withdrawnAt ? `, withdrawn ${formatDate(c.withdrawnAt)}` : ""}
                    {c.fromThisResponse ? "" : " · from another response"}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No consent recorded: do not contact.</p>
          )}
        </section>
      </div>
      <section aria-labelledby="response-answers">
        <h2 id="response-answers">Answers</h2>
        <ol className="response-answers card">
          {answers.map((a) => (
            <li key={a.questionId}>
              <p className="response-answers__prompt">
                {a.prompt}{" "}
                <span className="muted small">
                  (page {a.page}
                  {a.role ? `, ${a.role}` : ""})
                </span>
              </p>
              {!a.answered ? (
                <p className="muted">No answer</p>
              ) : Array.isArray(a.value) ? (
                <ul>
                  {a.value.map((v) => (
                    <li key={v}>{v}</li>
                  ))}
                </ul>
              ) : a.kind === "long_text" ? (
                <blockquote className="quote">{String(a.value)}</blockquote>
              ) : (
                <p>
                  <strong>{String(a.value)}</strong>
                  {a.kind === "scale_0_10" ? (
                    <span className="muted"> / 10</span>
                  ) : a.kind === "rating_1_5" ? (
                    <span className="muted"> / 5</span>
                  ) : null}
                </p>
              )}
              {a.answerId !== null && triggers[a.answerId] ? (
                <TriggerPanel answerId={a.answerId} {...triggers[a.answerId]} back={{ to: "response", id: r.id }} canEdit />
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function FragmentRow({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
