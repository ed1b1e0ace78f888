import { Form } from "@remix-run/react";
import { AlertList, Field } from "~/components/Field";
import { type FieldErrors, firstError } from "~/utils/forms";
import { conditionField, describeLogic } from "./check";
import { LOGIC_OP_LABELS, LOGIC_OPS, MAX_CONDITIONS, type Logic } from "./rules";

interface Target {
  id: number;
  position: number;
  prompt: string;
  options: string[];
}

/**
 * A question's display logic in the builder: a plain form with a fixed number of condition rows
 * (works without JavaScript); only earlier questions are offered. Broken rules are listed above it.
 */
export function LogicForm(props: {
  question: { id: number; position: number; logic: Logic | null };
  earlier: Target[];
  all: Array<{ id: number; prompt: string }>;
  problems?: string[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  pending: boolean;
}) {
  const { question: q, errors, values: v } = props;
  const p = `logic${q.id}`;
  const summary = describeLogic(q.logic, props.all);
  const rows = Array.from({ length: MAX_CONDITIONS }, (_, i) => i + 1);
  return (
    <>
      {summary ? <p className="small logic-summary">{summary}.</p> : null}
      <AlertList messages={props.problems} tone="warn" />
      <details open={Boolean(errors)}>
        <summary>Display logic for question {q.position}</summary>
        {props.earlier.length === 0 ? (
          <p className="small muted">The first question is always shown: a rule can refer only to earlier questions.</p>
        ) : (
          <Form method="post" preventScrollReset noValidate className="logic-form">
            <input type="hidden" name="intent" value="logic" />
            <input type="hidden" name="questionId" value={q.id} />
            <Field id={`${p}-combine`} label="Show this question when" error={firstError(errors, "combine")}>
              {(aria) => (
                <select {...aria} name="combine" defaultValue={v?.combine ?? q.logic?.combine ?? "all"}>
                  <option value="all">all of the conditions match</option>
                  <option value="any">any of the conditions matches</option>
                </select>
              )}
            </Field>
            {rows.map((i) => {
              const c = q.logic?.conditions[i - 1];
              const name = (part: "question" | "op" | "value") => conditionField(i, part);
              return (
                <fieldset className="fieldset logic-row" key={i}>
                  <legend>Condition {i}</legend>
                  <Field id={`${p}-${name("question")}`} label="Question" error={firstError(errors, name("question"))}>
                    {(aria) => (
                      <select {...aria} name={name("question")} defaultValue={v?.[name("question")] ?? (c ? String(c.questionId) : "")}>
                        <option value="">No condition</option>
                        {props.earlier.map((t) => (
                          <option key={t.id} value={t.id}>
                            Q{t.position}: {t.prompt.length > 70 ? `${t.prompt.slice(0, 67)}…` : t.prompt}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field id={`${p}-${name("op")}`} label="Answer" error={firstError(errors, name("op"))}>
                    {(aria) => (
                      <select {...aria} name={name("op")} defaultValue={v?.[name("op")] ?? c?.op ?? "equals"}>
                        {LOGIC_OPS.map((op) => (
                          <option key={op} value={op}>
                            {LOGIC_OP_LABELS[op]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field
                    id={`${p}-${name("value")}`}
                    label="Value"
                    help="An option exactly as written, or a number; for “is any of”, one per line. Empty for answered / not answered."
                    error={firstError(errors, name("value"))}
                  >
                    {(aria) => (
                      <textarea {...aria} name={name("value")} rows={2} defaultValue={v?.[name("value")] ?? c?.values.join("\n") ?? ""} />
                    )}
                  </Field>
                </fieldset>
              );
            })}
            <button type="submit" disabled={props.pending}>
              {props.pending ? "Saving…" : `Save logic for question ${q.position}`}
            </button>
          </Form>
        )}
      </details>
    </>
  );
}
