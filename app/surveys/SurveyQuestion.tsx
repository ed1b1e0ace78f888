import type { ReactNode } from "react";
import { CharCounter } from "~/surveys/flow/CharCounter";
import { isExclusiveOption } from "~/surveys/flow/exclusive";
import { MAX_SHORT_ANSWER } from "~/surveys/questions";
import { fieldName, maxLengthOf, otherFieldName, OTHER_VALUE, type FormValues, type PublicQuestion } from "~/surveys/answer-schema";
import { useFormT } from "~/surveys/i18n/i18n";
import { optionLabel } from "~/surveys/i18n/localize";

/**
 * One question of the public form, uncontrolled (works without JavaScript). Text kinds use a
 * label; choice kinds a fieldset + legend. Help and error ids are tied with aria-describedby.
 */
export function SurveyQuestion({
  question: q,
  values,
  errors,
  shortcuts = false,
}: {
  question: PublicQuestion;
  values: FormValues;
  errors: Record<string, string[]> | undefined;
  /** one question at a time with JavaScript: each choice shows the letter that picks it */
  shortcuts?: boolean;
}) {
  const t = useFormT();
  const name = fieldName(q.id);
  const id = `q${q.id}`;
  const error = errors?.[name]?.[0];
  const otherError = errors?.[otherFieldName(q.id)]?.[0];
  const helpId = q.helpText ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const counted = q.kind === "short_text" || q.kind === "long_text" || q.kind === "email";
  const countId = counted ? `${id}-count` : undefined;
  const describedBy = [helpId, countId, errorId].filter(Boolean).join(" ") || undefined;
  const raw = values[name];
  const current = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const first = current[0] ?? "";
  const rawOther = values[otherFieldName(q.id)];
  const otherValue = typeof rawOther === "string" ? rawOther : "";
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
          <textarea {...aria} id={id} name={name} rows={5} defaultValue={first} aria-required={q.required || undefined} />
        ) : (
          <input
            {...aria}
            id={id}
            name={name}
            type={q.kind === "email" ? "email" : "text"}
            inputMode={q.kind === "number" ? "decimal" : undefined}
            autoComplete={autoCompleteFor(q.role)}
            maxLength={q.kind === "number" ? 30 : undefined}
            defaultValue={first}
            aria-required={q.required || undefined}
          />
        )}
        {counted ? <CharCounter inputId={id} max={maxLengthOf(q.kind)} initial={first.length} /> : null}
        {errorText}
      </div>
    );
  }

  if (q.kind === "consent") {
    return (
      <div className={error ? "field field--error" : "field"}>
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
        {help}
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
    choices = options.map((o) => ({ value: o, label: optionLabel(q, o) }));
    if (q.kind === "multiple_choice") type = "checkbox";
  }
  return (
    <fieldset className={error || otherError ? "fieldset fieldset--error" : "fieldset"} aria-describedby={describedBy}>
      <legend>
        {q.prompt}
        {requiredMark}
        {/* aria-required is not allowed on a group (axe aria-allowed-attr): the legend says it instead */}
        {q.required ? <span className="sr-only"> {t("requiredSr")}</span> : null}
        {q.kind === "multiple_choice" ? <span className="muted small"> {t("chooseAny")}</span> : null}
      </legend>
      {help}
      <div className={layout}>
        {choices.map((c, i) => (
          <label key={c.value} className={layout === "scale" ? undefined : "choice"} htmlFor={`${id}-${i}`}>
            <input
              {...aria}
              id={`${id}-${i}`}
              type={type}
              name={name}
              value={c.value}
              defaultChecked={current.includes(c.value)}
              data-exclusive={type === "checkbox" && isExclusiveOption(c.value) ? "" : undefined}
            />
            {shortcuts && layout !== "scale" ? (
              <kbd className="choice__key" aria-hidden="true">
                {shortcutLetter(i)}
              </kbd>
            ) : null}
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
              <span>{t("other")}</span>
            </label>
            <label className="sr-only" htmlFor={`${id}-other-text`}>
              {t("otherSpecify")}
            </label>
            <input
              id={`${id}-other-text`}
              name={otherFieldName(q.id)}
              type="text"
              placeholder={t("pleaseSpecify")}
              defaultValue={otherValue}
              aria-invalid={otherError ? true : undefined}
              aria-describedby={[`${id}-other-text-count`, otherError ? `${id}-other-error` : ""].join(" ").trim()}
            />
            <CharCounter inputId={`${id}-other-text`} max={MAX_SHORT_ANSWER} initial={otherValue.length} />
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

/** A, B, C… for the first 26 choices (what the one-at-a-time keyboard shortcuts press). */
function shortcutLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : "";
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
