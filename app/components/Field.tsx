import type { ReactNode } from "react";

/** Label, control, help and error wired together so screen readers announce them. */
export function Field(props: {
  id: string;
  label: ReactNode;
  error?: string;
  help?: ReactNode;
  required?: boolean;
  children: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {props.help ? (
        <p className="help" id={helpId}>
          {props.help}
        </p>
      ) : null}
      {props.children({ id: props.id, "aria-invalid": props.error ? true : undefined, "aria-describedby": describedBy })}
      {props.error ? (
        <p className="error" id={errorId} role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A list of messages in one alert box (nothing when the list is empty). */
export function AlertList({ messages, tone }: { messages?: string[]; tone: "error" | "warn" }) {
  if (!messages?.length) return null;
  return (
    <div className={`alert alert--${tone}`} role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

export function FormErrors({ errors }: { errors?: string[] }) {
  return <AlertList messages={errors} tone="error" />;
}
