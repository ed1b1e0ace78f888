import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { TriggerPanel } from "~/triggers/TriggerPanel";
import { firstError } from "~/utils/forms";

import type { SectionProps } from "./section-props";

export function MembersSection({ data, errors, busy }: SectionProps) {
  const { theme, members, siblings, canEdit, triggers } = data;
  return (
    <>
      <section aria-labelledby="members-title">
        <h2 id="members-title">What respondents wrote ({members.length})</h2>
        {members.length === 0 ? <p className="empty">No answers in this theme since the last run.</p> : null}
        <Form method="post" id="split-form" noValidate>
          <input type="hidden" name="intent" value="split" />
          <input type="hidden" name="version" value={theme.version} />
        </Form>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {canEdit ? (
                  <th>
                    <span className="sr-only">Split out</span>
                  </th>
                ) : null}
                <th>Answer</th>
                <th>Company</th>
                <th>Role</th>
                <th>Pain</th>
                {canEdit ? <th>Move to</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.answerId}>
                  {canEdit ? (
                    <td>
                      <input
                        type="checkbox"
                        name="answerIds"
                        value={m.answerId}
                        form="split-form"
                        aria-label={`Split out: ${m.text.slice(0, 60)}`}
                      />
                    </td>
                  ) : null}
                  <td>
                    {m.text}
                    {m.by === "user" ? <span className="muted"> (placed by a marketer)</span> : null}
                    {triggers[m.answerId] ? (
                      <TriggerPanel
                        answerId={m.answerId}
                        {...triggers[m.answerId]}
                        back={{ to: "theme", id: theme.id }}
                        canEdit={canEdit}
                      />
                    ) : null}
                  </td>
                  <td>{m.company ?? "–"}</td>
                  <td>{m.role ?? "–"}</td>
                  <td>{m.pain ?? "–"}</td>
                  {canEdit ? (
                    <td>
                      <Form method="post" className="row">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="version" value={theme.version} />
                        <input type="hidden" name="answerId" value={m.answerId} />
                        <label className="sr-only" htmlFor={`move-${m.answerId}`}>
                          Move this answer to
                        </label>
                        <select id={`move-${m.answerId}`} name="targetId" defaultValue="" style={{ width: "auto" }}>
                          <option value="">Choose…</option>
                          {siblings.map((s) => (
                            <option key={s.id} value={s.id}>
                              {s.label}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button--small button--secondary" disabled={busy}>
                          Move
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit && members.length ? (
          <div className="row split-controls">
            <Field
              id="split-label"
              label="Split the ticked answers into a new theme named"
              error={firstError(errors, "label") ?? firstError(errors, "answerIds")}
            >
              {(aria) => <input {...aria} name="label" form="split-form" />}
            </Field>
            <button type="submit" form="split-form" className="button--secondary" disabled={busy}>
              Split out
            </button>
          </div>
        ) : null}
      </section>
    </>
  );
}
