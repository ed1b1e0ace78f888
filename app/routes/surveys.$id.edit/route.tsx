import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CopyLink } from "~/components/CopyLink";
import { formatDay } from "~/components/format";
import { SurveyStatusBadge } from "~/surveys/SurveyStatusBadge";
import { StatusButton } from "./buttons";
import { ConfirmPanel, UndoList } from "./Confirm";
import { Flash } from "./Flash";
import { formKey, usePending, useUndoPending } from "./pending";
import { QuestionCard } from "./QuestionCard";
import { QuestionForm } from "./QuestionForm";
import type { action, loader } from "./route.server";
import { DetailsForm, LimitsForm } from "./SurveyForms";
import { FlowForm } from "./FlowForm";
import { QuotaSummary } from "~/surveys/quotas/QuotaSummary";
import { InvitationFunnel } from "~/reach/InvitationFunnel";

export { action, loader } from "./route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.survey.title ?? "Survey"} · Edit · Painmap` }];

export default function EditSurvey() {
  const { survey, questions, counts, logicProblems, quotas, undos, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failed = result && !result.ok ? result : undefined;
  const key = failed ? formKey(failed.intent, failed.questionId) : undefined;
  const errorsFor = (intent: string, questionId?: number) => (failed && key === formKey(intent, questionId) ? failed.errors : undefined);
  const valuesFor = (intent: string, questionId?: number) => (failed && key === formKey(intent, questionId) ? failed.values : undefined);
  const pending = usePending();
  const undoPending = useUndoPending();
  const responses = counts.complete + counts.partial;
  // destructive actions post here, without the ?confirm=… of their confirmation step
  const self = `/surveys/${survey.id}/edit`;
  const confirming = params.get("confirm");
  const confirmQuestion = confirming === "remove" ? Number(params.get("question")) : null;

  return (
    <div className="page builder">
      <p>
        <Link to="/surveys">← All surveys</Link>
      </p>
      <div className="page-head">
        <h1>
          {survey.title} <SurveyStatusBadge status={survey.status} />
        </h1>
        <div className="row">
          <Link className="button button--secondary" to={`/surveys/${survey.id}/preview`}>
            Preview
          </Link>
          <Link className="button button--secondary" to={`/surveys/${survey.id}/responses`}>
            Responses ({counts.complete} complete, {counts.partial} partial)
          </Link>
          <Link className="button button--secondary" to={`/surveys/${survey.id}/report`}>
            Report
          </Link>
        </div>
      </div>

      <Flash result={result} created={params.get("created") === "1"} />
      <QuotaSummary surveyId={survey.id} quotas={quotas} />
      <UndoList undos={undos} action={self} pending={undoPending} />

      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">Status and public link</h2>
        {survey.status === "draft" ? (
          <>
            <p>
              This survey is a <strong>draft</strong>: nobody can answer it yet. Publish it to open the public link.
            </p>
            {questions.length === 0 ? <p className="muted">Add at least one question first.</p> : null}
            {Object.keys(logicProblems).length ? (
              <p className="alert alert--warn">
                Display logic needs fixing before publishing: see the questions marked below ({Object.keys(logicProblems).length}).
              </p>
            ) : null}
            <StatusButton intent="publish" label="Publish" busyLabel="Publishing…" pending={pending("publish")} />
          </>
        ) : (
          <>
            <p>
              {survey.status === "open" ? "Open since " : "Closed. It was published on "}
              {formatDay(survey.publishedAt)}.{" "}
              {survey.status === "open" ? "Share this link with prospects:" : "The link tells visitors the survey has ended:"}
            </p>
            <CopyLink id="public-link" url={survey.publicUrl} label="Public survey link" />
            <p className="small">
              <a href={survey.publicUrl} target="_blank" rel="noreferrer">
                Open the public page
              </a>
            </p>
            {survey.status === "open" && confirming === "close" ? (
              <ConfirmPanel
                id="confirm-close"
                action={self}
                intent="close"
                title="Close this survey?"
                confirmLabel="Yes, close the survey"
                busyLabel="Closing…"
                pending={pending("close")}
                cancelTo={self}
              >
                <p>Prospects who open the link will be told it has ended; answers in progress cannot be finished. You can undo this.</p>
              </ConfirmPanel>
            ) : survey.status === "open" ? (
              <Link className="button button--danger" to="?confirm=close#confirm-close" preventScrollReset>
                Close survey
              </Link>
            ) : (
              <StatusButton intent="reopen" label="Reopen survey" busyLabel="Reopening…" pending={pending("reopen")} />
            )}
          </>
        )}
        {responses > 0 ? (
          <p className="alert alert--warn">
            This survey has {responses} {responses === 1 ? "response" : "responses"}. Edits apply to new answers; removing a question
            deletes its answers.
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Email invitations</h2>
        <InvitationFunnel funnel={invitations} />
        {survey.status === "draft" ? (
          <p className="muted">Publish the survey to invite prospects by email: invitations link to its public page.</p>
        ) : (
          <p>
            <Link className="button button--secondary" to={`/surveys/${survey.id}/invite`}>
              Invite prospects
            </Link>
          </p>
        )}
      </section>

      <DetailsForm survey={survey} errors={errorsFor("details")} values={valuesFor("details")} pending={pending("details")} />
      <LimitsForm survey={survey} errors={errorsFor("limits")} values={valuesFor("limits")} pending={pending("limits")} />
      <FlowForm survey={survey} errors={errorsFor("flow")} pending={pending("flow")} />

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">Questions ({questions.length})</h2>
        {questions.length === 0 ? (
          <div className="card empty">
            <p>No questions yet. Add the first one below; choice questions take their options one per line.</p>
          </div>
        ) : (
          <ol className="question-list">
            {questions.map((q, index) => (
              <QuestionCard
                key={q.id}
                question={q}
                first={index === 0}
                last={index === questions.length - 1}
                updatedAt={survey.updatedAt}
                errors={errorsFor("update-question", q.id)}
                values={valuesFor("update-question", q.id)}
                pending={pending}
                questions={questions}
                logicProblems={logicProblems[q.id]}
                logicErrors={errorsFor("logic", q.id)}
                logicValues={valuesFor("logic", q.id)}
                confirmingRemove={confirmQuestion === q.id}
                editPath={self}
                answerCount={responses}
              />
            ))}
          </ol>
        )}
      </section>

      <section className="card" id="add-question" aria-labelledby="add-heading">
        <h2 id="add-heading">Add a question</h2>
        <QuestionForm
          key={`add-${questions.length}`}
          idPrefix="new"
          intent="add-question"
          defaults={{ page: questions.at(-1)?.page ?? 1 }}
          errors={errorsFor("add-question")}
          values={valuesFor("add-question")}
          pending={pending("add-question")}
          submitLabel="Add question"
          busyLabel="Adding…"
        />
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
