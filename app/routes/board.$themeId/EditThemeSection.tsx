import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { firstError } from "~/utils/forms";

import type { SectionProps } from "./section-props";

export function EditThemeSection({ data, errors, busy }: SectionProps) {
  const { theme, siblings, canEdit } = data;
  return (
    <>
      {canEdit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">Edit this theme</h2>
          <p className="muted">Your decisions survive every later analysis run.</p>
          <Form method="post" className="row" noValidate>
            <input type="hidden" name="intent" value="rename" />
            <input type="hidden" name="version" value={theme.version} />
            <Field id="rename-label" label="Name" error={firstError(errors, "label")}>
              {(aria) => <input {...aria} name="label" defaultValue={theme.label} key={theme.label} />}
            </Field>
            <button type="submit" disabled={busy}>
              Rename
            </button>
          </Form>
          <div className="row">
            <Form method="post">
              <input type="hidden" name="intent" value={theme.status === "hidden" ? "unhide" : "hide"} />
              <input type="hidden" name="version" value={theme.version} />
              <button type="submit" className="button--secondary" disabled={busy}>
                {theme.status === "hidden" ? "Show on the board" : "Hide from the board"}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value={theme.pinned ? "unpin" : "pin"} />
              <input type="hidden" name="version" value={theme.version} />
              <button type="submit" className="button--secondary" disabled={busy}>
                {theme.pinned ? "Unpin" : "Pin to the top"}
              </button>
            </Form>
          </div>
          {siblings.length ? (
            <Form method="post" className="row" noValidate>
              <input type="hidden" name="intent" value="merge" />
              <input type="hidden" name="version" value={theme.version} />
              <Field id="merge-target" label="Merge this theme into" error={firstError(errors, "targetId")}>
                {(aria) => (
                  <select {...aria} name="targetId" defaultValue="">
                    <option value="">Choose a theme…</option>
                    {siblings.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                        {s.status === "hidden" ? " (hidden)" : ""}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="submit" className="button--secondary" disabled={busy}>
                Merge
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
