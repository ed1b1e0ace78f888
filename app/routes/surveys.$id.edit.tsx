import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { CopyLink } from "~/components/CopyLink";
import { Field } from "~/components/Field";
import { formatDay } from "~/components/format";
import { SurveyStatusBadge } from "~/components/SurveyStatusBadge";
import {
  addQuestion,
  changeSurveyStatus,
  getSurvey,
  listQuestions,
  moveQuestion,
  removeQuestion,
  setSurveyLimits,
  surveyResponseCounts,
  updateQuestion,
  updateSurveyDetails,
  type BuilderRefusal,
} from "../../db/queries/surveys";
import { QUESTION_KINDS, QUESTION_KIND_LABELS, QUESTION_ROLES, QUESTION_ROLE_LABELS } from "~/surveys/questions";
import { LIMITS, SurveyEditSchema, isoToCloseDate, normalizeQuestion } from "~/surveys/schemas";
import { publicSurveyUrl } from "~/services/surveys.server";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { type FieldErrors, firstError, parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound, publicOrigin } from "~/utils/http.server";
import { toPublicQuestion } from "~/services/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.survey.title ?? "Survey"} · Edit · Painmap` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const id = idParam(params.id);
  const database = db();
  const survey = await getSurvey(database, id);
  if (!survey) throw notFound("We could not find that survey.");
  const [questions, counts] = await Promise.all([listQuestions(database, id), surveyResponseCounts(database, id)]);
  return json({
    survey: {
      id: survey.id,
      title: survey.title,
      intro: survey.intro,
      status: survey.status,
      closesAt: survey.closes_at,
      maxResponses: survey.max_responses === null ? null : Number(survey.max_responses),
      updatedAt: survey.updated_at,
      publishedAt: survey.published_at,
      publicUrl: publicSurveyUrl(publicOrigin(request), survey.slug),
    },
    counts,
    questions: questions.flatMap((q) => {
      const shown = toPublicQuestion(q);
      return shown ? [{ ...shown, position: q.position }] : [];
    }),
  });
}

const REFUSALS: Record<BuilderRefusal, string> = {
  survey_not_found: "We could not find that survey.",
  question_not_found: "That question is not part of this survey. Nothing was changed.",
  no_questions: "Add at least one question before publishing: a survey with no questions cannot be published.",
  not_draft: "Only a draft can be published; this survey has already been published.",
  not_open: "Only an open survey can be closed.",
  not_closed: "Only a closed survey can be reopened.",
  close_date_passed: "The close date has passed. Set a later close date (or clear it) first.",
};

/** Echo of what was typed, so a refused form comes back filled in even without JavaScript. */
function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && key.length < 40 && out[key] === undefined) out[key] = value.slice(0, 12_000);
  }
  return out;
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const surveyId = idParam(params.id);
  const database = db();
  if (!(await getSurvey(database, surveyId))) throw notFound("We could not find that survey.");
  const form = await readFormData(request, 256 * 1024);
  const rawIntent = String(form.get("intent") ?? "");
  const rawQuestionId = Number(form.get("questionId"));
  const context = {
    intent: rawIntent.slice(0, 40),
    questionId: Number.isSafeInteger(rawQuestionId) && rawQuestionId > 0 ? rawQuestionId : null,
    values: echo(form),
  };

  const parsed = parseWith(SurveyEditSchema, form);
  if (!parsed.success) return badRequest(parsed.errors, context);
  const input = parsed.data;
  const refused = (reason: BuilderRefusal) => {
    if (reason === "survey_not_found") throw notFound(REFUSALS[reason]);
    return badRequest({ "": [REFUSALS[reason]] }, context);
  };
  const ok = (message: string, questionId: number | null = context.questionId) =>
    json({ ok: true as const, intent: input.intent, questionId, message });

  switch (input.intent) {
    case "details": {
      const result = await updateSurveyDetails(database, surveyId, { title: input.title, intro: input.intro });
      return result.ok ? ok("Title and introduction saved.") : refused(result.reason);
    }
    case "limits": {
      const result = await setSurveyLimits(database, surveyId, { closesAt: input.closesAt, maxResponses: input.maxResponses });
      return result.ok ? ok("Close date and response cap saved.") : refused(result.reason);
    }
    case "add-question": {
      const result = await addQuestion(database, surveyId, normalizeQuestion(input));
      return result.ok ? ok("Question added at the end.", result.value) : refused(result.reason);
    }
    case "update-question": {
      const result = await updateQuestion(database, surveyId, input.questionId, normalizeQuestion(input));
      return result.ok ? ok("Question saved.") : refused(result.reason);
    }
    case "remove-question": {
      const result = await removeQuestion(database, surveyId, input.questionId);
      return result.ok ? ok("Question removed.", null) : refused(result.reason);
    }
    case "move-question": {
      const result = await moveQuestion(database, surveyId, input.questionId, input.direction);
      if (!result.ok) return refused(result.reason);
      return ok(
        result.value.moved
          ? `Question moved ${input.direction}.`
          : `That question is already at the ${input.direction === "up" ? "top" : "bottom"}.`,
      );
    }
    case "publish":
    case "close":
    case "reopen": {
      const result = await changeSurveyStatus(database, surveyId, input.intent);
      if (!result.ok) return refused(result.reason);
      const messages = {
        publish: "Published. The survey is open: share the public link.",
        close: "Closed. The public link now tells visitors the survey has ended.",
        reopen: "Reopened. The public link accepts answers again.",
      };
      return ok(messages[input.intent]);
    }
  }
}

// ---------------------------------------------------------------------------------------------

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type QuestionView = LoaderData["questions"][number];
type ActionResult = ReturnType<typeof useActionData<typeof action>>;

/** Which form a result or a pending submission belongs to. */
function formKey(intent: unknown, questionId: unknown): string {
  const question = questionId === null || questionId === undefined || questionId === "" ? "" : String(questionId);
  return intent === "update-question" || intent === "move-question" || intent === "remove-question"
    ? `${intent}:${question}`
    : String(intent);
}

function usePending() {
  const navigation = useNavigation();
  const data = navigation.state === "submitting" ? navigation.formData : undefined;
  return (intent: string, questionId?: number) =>
    Boolean(data && formKey(data.get("intent"), data.get("questionId")) === formKey(intent, questionId));
}

export default function EditSurvey() {
  const { survey, questions, counts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failed = result && !result.ok ? result : undefined;
  const key = failed ? formKey(failed.intent, failed.questionId) : undefined;
  const errorsFor = (intent: string, questionId?: number) => (failed && key === formKey(intent, questionId) ? failed.errors : undefined);
  const valuesFor = (intent: string, questionId?: number) => (failed && key === formKey(intent, questionId) ? failed.values : undefined);
  const pending = usePending();
  const responses = counts.complete + counts.partial;

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
          <Link className="button button--secondary" to={`/surveys/${survey.id}/responses`}>
            Responses ({counts.complete} complete, {counts.partial} partial)
          </Link>
          <Link className="button button--secondary" to={`/surveys/${survey.id}/report`}>
            Report
          </Link>
        </div>
      </div>

      <Flash result={result} created={params.get("created") === "1"} />

      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">Status and public link</h2>
        {survey.status === "draft" ? (
          <>
            <p>
              This survey is a <strong>draft</strong>: nobody can answer it yet. Publish it to open the public link.
            </p>
            {questions.length === 0 ? <p className="muted">Add at least one question first.</p> : null}
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
            {survey.status === "open" ? (
              <StatusButton intent="close" label="Close survey" busyLabel="Closing…" pending={pending("close")} danger />
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

      <DetailsForm survey={survey} errors={errorsFor("details")} values={valuesFor("details")} pending={pending("details")} />
      <LimitsForm survey={survey} errors={errorsFor("limits")} values={valuesFor("limits")} pending={pending("limits")} />

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

function Flash({ result, created }: { result: ActionResult; created: boolean }) {
  if (result?.ok)
    return (
      <div className="alert alert--ok builder-toast" role="status">
        {result.message}
      </div>
    );
  if (result && !result.ok) {
    const general = result.errors[""] ?? result.errors.intent ?? result.errors.questionId;
    if (general?.length) {
      return (
        <div className="alert alert--error builder-toast" role="alert">
          {general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      );
    }
    const fields = Object.keys(result.errors).filter((k) => k !== "");
    if (!fields.length) return null;
    return (
      <div className="alert alert--error builder-toast" role="alert">
        Nothing was saved: check the highlighted {fields.length === 1 ? "field" : "fields"}
        {result.questionId ? (
          <>
            {" "}
            in <a href={`#question-${result.questionId}`}>the question</a>
          </>
        ) : result.intent === "add-question" ? (
          <>
            {" "}
            in <a href="#add-question">the new question</a>
          </>
        ) : null}
        .
      </div>
    );
  }
  if (created)
    return (
      <div className="alert alert--ok builder-toast" role="status">
        Survey created. Review the questions, then publish when you are ready.
      </div>
    );
  return null;
}

function StatusButton(props: { intent: string; label: string; busyLabel: string; pending: boolean; danger?: boolean }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={props.intent} />
      <button type="submit" className={props.danger ? "button--danger" : undefined} disabled={props.pending}>
        {props.pending ? props.busyLabel : props.label}
      </button>
    </Form>
  );
}

function DetailsForm({
  survey,
  errors,
  values,
  pending,
}: {
  survey: LoaderData["survey"];
  errors?: FieldErrors;
  values?: Record<string, string>;
  pending: boolean;
}) {
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">Title and introduction</h2>
      <Form method="post" preventScrollReset noValidate key={`details-${survey.updatedAt}`}>
        <input type="hidden" name="intent" value="details" />
        <Field id="survey-title" label="Title" error={firstError(errors, "title")} required>
          {(aria) => (
            <input {...aria} name="title" type="text" defaultValue={values?.title ?? survey.title} maxLength={LIMITS.title} required />
          )}
        </Field>
        <Field
          id="survey-intro"
          label="Introduction"
          help="Shown above the first page of the public survey."
          error={firstError(errors, "intro")}
        >
          {(aria) => <textarea {...aria} name="intro" rows={3} defaultValue={values?.intro ?? survey.intro} maxLength={LIMITS.intro} />}
        </Field>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save title and introduction"}
        </button>
      </Form>
    </section>
  );
}

function LimitsForm({
  survey,
  errors,
  values,
  pending,
}: {
  survey: LoaderData["survey"];
  errors?: FieldErrors;
  values?: Record<string, string>;
  pending: boolean;
}) {
  return (
    <section className="card" aria-labelledby="limits-heading">
      <h2 id="limits-heading">Close date and response cap</h2>
      <Form method="post" preventScrollReset noValidate key={`limits-${survey.updatedAt}`} className="builder-limits">
        <input type="hidden" name="intent" value="limits" />
        <Field
          id="closes-at"
          label="Close date"
          help="The survey stops taking answers at the end of this day (UTC). Leave empty for no date."
          error={firstError(errors, "closesAt")}
        >
          {(aria) => <input {...aria} name="closesAt" type="date" defaultValue={values?.closesAt ?? isoToCloseDate(survey.closesAt)} />}
        </Field>
        <Field
          id="max-responses"
          label="Response cap"
          help="Stop after this many complete responses. Leave empty for no cap."
          error={firstError(errors, "maxResponses")}
        >
          {(aria) => (
            <input
              {...aria}
              name="maxResponses"
              type="number"
              inputMode="numeric"
              min={1}
              max={LIMITS.maxResponses}
              step={1}
              defaultValue={values?.maxResponses ?? survey.maxResponses ?? ""}
            />
          )}
        </Field>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save close date and cap"}
        </button>
      </Form>
    </section>
  );
}

function QuestionCard(props: {
  question: QuestionView;
  first: boolean;
  last: boolean;
  updatedAt: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  pending: (intent: string, questionId?: number) => boolean;
}) {
  const { question: q, pending } = props;
  const n = q.position;
  return (
    <li className="card question-card" id={`question-${q.id}`} aria-labelledby={`question-${q.id}-prompt`}>
      <div className="question-card__meta small muted">
        <span>Q{n}</span>
        <span>Page {q.page}</span>
        <span className="badge">{QUESTION_KIND_LABELS[q.kind] ?? q.kind}</span>
        {q.role ? (
          <span className="badge badge--accent">{QUESTION_ROLE_LABELS[q.role as keyof typeof QUESTION_ROLE_LABELS] ?? q.role}</span>
        ) : null}
        {q.required ? <span className="badge badge--warn">required</span> : <span>optional</span>}
      </div>
      <p className="question-card__prompt" id={`question-${q.id}-prompt`}>
        {q.prompt}
      </p>
      {q.helpText ? <p className="small muted">{q.helpText}</p> : null}
      {q.options.length ? (
        <ul className="question-card__options small">
          {q.options.map((o) => (
            <li key={o}>{o}</li>
          ))}
          {q.allowOther ? (
            <li>
              <em>Other (free text)</em>
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="row">
        <SmallAction
          questionId={q.id}
          intent="move-question"
          direction="up"
          label="Move up"
          busyLabel="Moving…"
          srLabel={`Move question ${n} up`}
          disabled={props.first}
          pending={pending("move-question", q.id)}
        />
        <SmallAction
          questionId={q.id}
          intent="move-question"
          direction="down"
          label="Move down"
          busyLabel="Moving…"
          srLabel={`Move question ${n} down`}
          disabled={props.last}
          pending={pending("move-question", q.id)}
        />
        <SmallAction
          questionId={q.id}
          intent="remove-question"
          label="Remove"
          busyLabel="Removing…"
          srLabel={`Remove question ${n}`}
          danger
          pending={pending("remove-question", q.id)}
        />
      </div>
      <details open={Boolean(props.errors)}>
        <summary>Edit question {n}</summary>
        <QuestionForm
          key={`${q.id}-${props.updatedAt}`}
          idPrefix={`q${q.id}`}
          intent="update-question"
          questionId={q.id}
          defaults={q}
          errors={props.errors}
          values={props.values}
          pending={pending("update-question", q.id)}
          submitLabel={`Save question ${n}`}
          busyLabel="Saving…"
        />
      </details>
    </li>
  );
}

function SmallAction(props: {
  questionId: number;
  intent: string;
  direction?: "up" | "down";
  label: string;
  busyLabel: string;
  srLabel: string;
  disabled?: boolean;
  danger?: boolean;
  pending: boolean;
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="questionId" value={props.questionId} />
      {props.direction ? <input type="hidden" name="direction" value={props.direction} /> : null}
      <button
        type="submit"
        className={`button--small ${props.danger ? "button--danger" : "button--secondary"}`}
        aria-label={props.srLabel}
        disabled={props.disabled || props.pending}
      >
        {props.pending ? props.busyLabel : props.label}
      </button>
    </Form>
  );
}

function QuestionForm(props: {
  idPrefix: string;
  intent: "add-question" | "update-question";
  questionId?: number;
  defaults: Partial<QuestionView>;
  errors?: FieldErrors;
  values?: Record<string, string>;
  pending: boolean;
  submitLabel: string;
  busyLabel: string;
}) {
  const { idPrefix: p, defaults: d, errors, values: v } = props;
  // after a refused submission the form comes back with what was typed
  const checked = (name: "required" | "allowOther") => (v ? v[name] !== undefined : Boolean(d[name]));
  return (
    <Form method="post" preventScrollReset noValidate className="question-form">
      <input type="hidden" name="intent" value={props.intent} />
      {props.questionId ? <input type="hidden" name="questionId" value={props.questionId} /> : null}
      <Field id={`${p}-kind`} label="Type" error={firstError(errors, "kind")} required>
        {(aria) => (
          <select {...aria} name="kind" defaultValue={v?.kind ?? d.kind ?? "short_text"}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {QUESTION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${p}-prompt`} label="Question" error={firstError(errors, "prompt")} required>
        {(aria) => (
          <textarea {...aria} name="prompt" rows={2} defaultValue={v?.prompt ?? d.prompt ?? ""} maxLength={LIMITS.prompt} required />
        )}
      </Field>
      <Field id={`${p}-help`} label="Help text" help="Optional hint shown under the question." error={firstError(errors, "helpText")}>
        {(aria) => (
          <input {...aria} name="helpText" type="text" defaultValue={v?.helpText ?? d.helpText ?? ""} maxLength={LIMITS.helpText} />
        )}
      </Field>
      <Field
        id={`${p}-options`}
        label="Options"
        help={`Single and multiple choice only: one option per line, at least 2, at most ${LIMITS.options}.`}
        error={firstError(errors, "options")}
      >
        {(aria) => <textarea {...aria} name="options" rows={4} defaultValue={v?.options ?? (d.options ?? []).join("\n")} />}
      </Field>
      <label className="choice">
        <input type="checkbox" name="allowOther" defaultChecked={checked("allowOther")} />
        <span>Allow “Other” with a text box (choice questions)</span>
      </label>
      <label className="choice">
        <input type="checkbox" name="required" defaultChecked={checked("required")} />
        <span>Required</span>
      </label>
      <div className="builder-pair">
        <Field id={`${p}-role`} label="Role" help="What the answer means for analysis and scoring." error={firstError(errors, "role")}>
          {(aria) => (
            <select {...aria} name="role" defaultValue={v?.role ?? d.role ?? ""}>
              <option value="">None</option>
              {QUESTION_ROLES.map((r) => (
                <option key={r} value={r}>
                  {QUESTION_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${p}-page`}
          label="Page"
          help="Questions with the same page number are shown together."
          error={firstError(errors, "page")}
          required
        >
          {(aria) => (
            <input
              {...aria}
              name="page"
              type="number"
              inputMode="numeric"
              min={1}
              max={LIMITS.pages}
              step={1}
              defaultValue={v?.page ?? d.page ?? 1}
              required
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={props.pending}>
        {props.pending ? props.busyLabel : props.submitLabel}
      </button>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
