import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { MarkNotesSeen } from "~/board/MarkNotesSeen";
import { formatUtcDateTime } from "~/components/format";
import { firstError } from "~/utils/forms";

import type { SectionProps } from "./section-props";

export function FieldNotesSection({ data, errors, busy }: SectionProps) {
  const { theme, notes, canEdit } = data;
  return (
    <>
      <section className="card" aria-labelledby="notes-title">
        <h2 id="notes-title">Field notes from sales</h2>
        {/* keyed by the note count: a saved note remounts the form empty; an error keeps what was typed */}
        <Form method="post" noValidate key={`note-form-${notes.length}`}>
          <input type="hidden" name="intent" value="note" />
          <Field id="note-body" label="What did the customer say mattered?" error={firstError(errors, "body")} required>
            {(aria) => <textarea {...aria} name="body" rows={2} />}
          </Field>
          <Field id="note-outcome" label="Outcome" error={firstError(errors, "outcome")}>
            {(aria) => (
              <select {...aria} name="outcome" defaultValue="">
                <option value="">No outcome yet</option>
                <option value="won">Won</option>
                <option value="lost">Lost</option>
              </select>
            )}
          </Field>
          <button type="submit" disabled={busy}>
            Add note
          </button>
        </Form>
        {canEdit ? <MarkNotesSeen themeId={theme.id} hasNew={notes.some((n) => n.isNew)} /> : null}
        {notes.length ? (
          <ul className="notes">
            {notes.map((n) => (
              <li key={n.id} className={n.isNew ? "note note--new" : "note"}>
                {n.isNew ? <span className="badge badge--danger">New</span> : null}{" "}
                {n.outcome ? <span className={n.outcome === "won" ? "badge badge--ok" : "badge badge--warn"}>{n.outcome}</span> : null}
                <p>“{n.body}”</p>
                <p className="muted">
                  {n.author_name ?? "someone"} ({n.author_role}), {formatUtcDateTime(n.created_at)} UTC
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No notes yet. Sales: tell marketing what customers valued, and whether you won or lost.</p>
        )}
      </section>
    </>
  );
}
