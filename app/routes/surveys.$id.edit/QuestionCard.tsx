import { QUESTION_KIND_LABELS, QUESTION_ROLE_LABELS } from "~/surveys/questions";
import type { FieldErrors } from "~/utils/forms";
import { Link } from "@remix-run/react";
import { SmallAction } from "./buttons";
import { ConfirmPanel } from "./Confirm";
import { QuestionForm } from "./QuestionForm";
import { LogicForm } from "~/surveys/logic/LogicForm";
import type { QuestionView } from "./types";

export function QuestionCard(props: {
  question: QuestionView;
  first: boolean;
  last: boolean;
  updatedAt: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  pending: (intent: string, questionId?: number) => boolean;
  /** every question of the survey, in order (logic may refer to those before this one) */
  questions: QuestionView[];
  logicProblems?: string[];
  logicErrors?: FieldErrors;
  logicValues?: Record<string, string>;
  /** the page is at this question's "Remove" confirmation step */
  confirmingRemove: boolean;
  editPath: string;
  answerCount: number;
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
        {props.confirmingRemove ? null : (
          <Link
            className="button button--small button--danger"
            to={`?confirm=remove&question=${q.id}#confirm-remove-${q.id}`}
            aria-label={`Remove question ${n}`}
            preventScrollReset
          >
            Remove
          </Link>
        )}
      </div>
      {props.confirmingRemove ? (
        <ConfirmPanel
          id={`confirm-remove-${q.id}`}
          action={props.editPath}
          intent="remove-question"
          questionId={q.id}
          title={`Remove question ${n}?`}
          confirmLabel={`Yes, remove question ${n}`}
          busyLabel="Removing…"
          pending={pending("remove-question", q.id)}
          cancelTo={`${props.editPath}#question-${q.id}`}
        >
          <p>
            {props.answerCount > 0
              ? `This survey has ${props.answerCount} ${props.answerCount === 1 ? "response" : "responses"}: their answers to this question are removed with it. `
              : ""}
            You can undo this for a few minutes.
          </p>
        </ConfirmPanel>
      ) : null}
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
      <LogicForm
        key={`logic-${q.id}-${props.updatedAt}`}
        question={q}
        earlier={props.questions.filter((other) => other.position < q.position)}
        all={props.questions}
        problems={props.logicProblems}
        errors={props.logicErrors}
        values={props.logicValues}
        pending={pending("logic", q.id)}
      />
    </li>
  );
}
