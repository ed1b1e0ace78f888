import { Form } from "@remix-run/react";

export function StatusButton(props: { intent: string; label: string; busyLabel: string; pending: boolean; danger?: boolean }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={props.intent} />
      <button type="submit" className={props.danger ? "button--danger" : undefined} disabled={props.pending}>
        {props.pending ? props.busyLabel : props.label}
      </button>
    </Form>
  );
}

export function SmallAction(props: {
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
