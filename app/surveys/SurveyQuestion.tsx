import type { ReactNode } from "react";
import { fieldName, maxLengthOf, otherFieldName, OTHER_VALUE, type FormValues, type PublicQuestion } from "~/surveys/answer-schema";

/**
 * One question of the public form, uncontrolled (works without JavaScript). Text kinds use a
 * label; choice kinds a fieldset + legend. Help and error ids are tied with aria-describedby.
 */
export function SurveyQuestion({
  question: q,
  values,
  errors,
}: {
  question: PublicQuestion;
  values: FormValues;
  errors: Record<string, string[]> | undefined;
}) {
  const name = fieldName(q.id);
  const id = `q${q.id}`;
  const error = errors?.[name]?.[0];
  const otherError = errors?.[otherFieldName(q.id)]?.[0];
  const helpId = q.helpText ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  const raw = values[name];
  const current = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const first = current[0] ?? "";
  const aria = { "aria-invalid": error ? (true as const) : undefined, "aria-describedby": describedBy };
  const help = q.helpText ? (
    <p className="help" id={helpId}>
      {q.helpText}
    </p>
  ) : null;
  const errorText = error ? (
    <p className="error" id={errorId}>
      {error}
    </p>
  ) : null;
  const requiredMark = q.required ? (
    <span className="required" aria-hidden="true">
      {" "}
      *
    </span>
  ) : null;

  if (q.kind === "short_text" || q.kind === "long_text" || q.kind === "email" || q.kind === "number") {
    return (
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor={id}>
          {q.prompt}
          {requiredMark}
        </label>
        {help}
        {q.kind === "long_text" ? (
          <textarea
            {...aria}
            id={id}
            name={name}
            rows={5}
            maxLength={maxLengthOf(q.kind)}
            defaultValue={first}
            aria-required={q.required || undefined}
          />
        ) : (
          <input
            {...aria}
            id={id}
            name={name}
            type={q.kind === "email" ? "email" : "text"}
            inputMode={q.kind === "number" ? "decimal" : undefined}
            autoComplete={autoCompleteFor(q.role)}
            maxLength={q.kind === "number" ? 30 : maxLengthOf(q.kind)}
            defaultValue={first}
            aria-required={q.required || undefined}
          />
        )}
        {errorText}
      </div>
    );
  }

  if (q.kind === "consent") {
    return (
      <div className={error ? "field field--error" : "field"}>
        {help}
        <label className="choice" htmlFor={id}>
          <input
            {...aria}
            id={id}
            type="checkbox"
            name={name}
            value="on"
            defaultChecked={first === "on"}
            aria-required={q.required || undefined}
          />
          <span>
            {q.prompt}
            {requiredMark}
          </span>
        </label>
        {errorText}
      </div>
    );
  }

  let choices: Array<{ value: string; label: ReactNode }>;
  let type: "radio" | "checkbox" = "radio";
  let layout = "choices";
  if (q.kind === "scale_0_10" || q.kind === "rating_1_5") {
    const [min, max] = q.kind === "scale_0_10" ? [0, 10] : [1, 5];
    choices = Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
    layout = "scale";
  } else {
    // An option literally called "Other" is the same thing as the free-text "Other": show it once.
    const options = q.allowOther ? q.options.filter((o) => o.trim().toLowerCase() !== "other") : q.options;
    choices = options.map((o) => ({ value: o, label: o }));
    if (q.kind === "multiple_choice") type = "checkbox";
  }
  return (
    <fieldset
      className={error || otherError ? "fieldset fieldset--error" : "fieldset"}
      // no aria-required: a group may not carry it (axe aria-allowed-attr), so the legend says "required"
      aria-describedby={describedBy}
    >
      <legend>
        {q.prompt}
        {requiredMark}
        {q.required ? <span className="sr-only"> (required)</span> : null}
        {q.kind === "multiple_choice" ? <span className="muted small"> (choose any)</span> : null}
      </legend>
      {help}
      <div className={layout}>
        {choices.map((c, i) => (
          <label key={c.value} className={layout === "scale" ? undefined : "choice"} htmlFor={`${id}-${i}`}>
            <input {...aria} id={`${id}-${i}`} type={type} name={name} value={c.value} defaultChecked={current.includes(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
        {q.allowOther && (q.kind === "single_choice" || q.kind === "multiple_choice") ? (
          <div className="survey-other">
            <label className="choice" htmlFor={`${id}-other`}>
              <input
                {...aria}
                id={`${id}-other`}
                type={type}
                name={name}
                value={OTHER_VALUE}
                defaultChecked={current.includes(OTHER_VALUE)}
              />
              <span>Other</span>
            </label>
            <label className="sr-only" htmlFor={`${id}-other-text`}>
              Other, please specify
            </label>
            <input
              id={`${id}-other-text`}
              name={otherFieldName(q.id)}
              type="text"
              placeholder="Please specify"
              maxLength={500}
              defaultValue={typeof values[otherFieldName(q.id)] === "string" ? (values[otherFieldName(q.id)] as string) : ""}
              aria-invalid={otherError ? true : undefined}
              aria-describedby={otherError ? `${id}-other-error` : undefined}
            />
            {otherError ? (
              <p className="error" id={`${id}-other-error`}>
                {otherError}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      {errorText}
    </fieldset>
  );
}

function autoCompleteFor(role: string | null): string | undefined {
  switch (role) {
    case "contact_name":
      return "name";
    case "contact_email":
      return "email";
    case "company_name":
      return "organization";
    case "job_title":
      return "organization-title";
    default:
      return "off";
  }
}
