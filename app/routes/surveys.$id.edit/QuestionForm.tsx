import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/Field";
import { QUESTION_KINDS, QUESTION_KIND_LABELS, QUESTION_ROLES, QUESTION_ROLE_LABELS } from "~/surveys/questions";
import { KindRoleSchema, LIMITS } from "~/surveys/schemas";
import { type FieldErrors, firstError } from "~/utils/forms";
import type { QuestionView } from "./types";

export function QuestionForm(props: {
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
  // With JavaScript the type/role pair is checked as it is picked, by the same zod schema the server
  // uses; until then (and without JavaScript) the server's message shows.
  const [kindProblem, setKindProblem] = useState<string | null>(null);
  const checkKind = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const parsed = KindRoleSchema.safeParse({ kind: data.get("kind"), role: data.get("role") ?? "" });
    const problem = parsed.success ? "" : (parsed.error.issues.find((i) => i.path[0] === "kind")?.message ?? "");
    setKindProblem(problem);
    return problem;
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (name === "kind" || name === "role") checkKind(event.currentTarget);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (checkKind(event.currentTarget)) event.preventDefault();
  };
  const kindError = kindProblem === null ? firstError(errors, "kind") : kindProblem || undefined;
  return (
    <Form method="post" preventScrollReset noValidate className="question-form" onChange={onChange} onSubmit={onSubmit}>
      <input type="hidden" name="intent" value={props.intent} />
      {props.questionId ? <input type="hidden" name="questionId" value={props.questionId} /> : null}
      <Field id={`${p}-kind`} label="Type" error={kindError} required>
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
