import { Form, Link } from "@remix-run/react";
import { formatDate } from "~/components/format";
import type { LoaderData } from "./types";

/**
 * The confirmation step of a destructive action (ADR 0603): the action's first button is a link to
 * this page with ?confirm=…, which shows this panel in place; only its button posts, with confirm=yes.
 * Plain links and forms, so it works the same without JavaScript.
 */
export function ConfirmPanel(props: {
  id: string;
  action: string;
  intent: string;
  questionId?: number;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  busyLabel: string;
  pending: boolean;
  cancelTo: string;
}) {
  return (
    <div className="confirm-panel" id={props.id} role="group" aria-labelledby={`${props.id}-title`}>
      <p className="confirm-panel__title" id={`${props.id}-title`}>
        <strong>{props.title}</strong>
      </p>
      {props.children}
      <div className="row">
        <Form method="post" action={props.action} preventScrollReset>
          <input type="hidden" name="intent" value={props.intent} />
          {props.questionId ? <input type="hidden" name="questionId" value={props.questionId} /> : null}
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" className="button--danger" disabled={props.pending}>
            {props.pending ? props.busyLabel : props.confirmLabel}
          </button>
        </Form>
        <Link className="button button--secondary" to={props.cancelTo} preventScrollReset>
          Cancel
        </Link>
      </div>
    </div>
  );
}

/** What can still be undone, from the server's record (so it survives a reload and needs no script). */
export function UndoList({ undos, action, pending }: { undos: LoaderData["undos"]; action: string; pending: (id: number) => boolean }) {
  if (!undos.length) return null;
  return (
    <section className="card undo-list" aria-labelledby="undo-heading">
      <h2 id="undo-heading">Undo a recent change</h2>
      <ul>
        {undos.map((u) => (
          <li key={u.id} className="row">
            <span>
              {u.label}. Undo until {formatDate(u.expiresAt)} UTC.
            </span>
            <Form method="post" action={action} preventScrollReset>
              <input type="hidden" name="intent" value="undo" />
              <input type="hidden" name="undoId" value={u.id} />
              <button type="submit" className="button--small button--secondary" aria-label={`Undo: ${u.label}`} disabled={pending(u.id)}>
                {pending(u.id) ? "Undoing…" : "Undo"}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
