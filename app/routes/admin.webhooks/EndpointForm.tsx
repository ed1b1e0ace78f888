import { Form, useNavigation } from "@remix-run/react";
import { Field } from "~/components/Field";
import { EVENT_HELP, WEBHOOK_EVENTS } from "~/webhooks/events";
import { firstError, type FieldErrors } from "~/utils/forms";

/** Register an endpoint: URL, what it is for, which events. */
export function EndpointForm({ errors }: { errors: FieldErrors | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  const eventsError = firstError(errors, "events");
  return (
    <Form method="post" className="card" noValidate>
      <h2>Register an endpoint</h2>
      <input type="hidden" name="intent" value="create" />
      <Field
        id="hook-url"
        label="URL"
        help="Where we POST the events, e.g. https://crm.example.com/hooks/painmap."
        error={firstError(errors, "url")}
        required
      >
        {(aria) => <input {...aria} name="url" type="url" maxLength={2000} required inputMode="url" />}
      </Field>
      <Field
        id="hook-description"
        label="Description"
        help="What receives them, e.g. HubSpot workflow."
        error={firstError(errors, "description")}
      >
        {(aria) => <input {...aria} name="description" type="text" maxLength={200} />}
      </Field>
      <fieldset
        className={eventsError ? "fieldset fieldset--error" : "fieldset"}
        aria-describedby={eventsError ? "hook-events-error" : undefined}
      >
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="choice">
            <input type="checkbox" name="events" value={event} defaultChecked={event !== "prospect.updated"} /> <code>{event}</code>:{" "}
            {EVENT_HELP[event]}
          </label>
        ))}
        {eventsError ? (
          <p className="error" id="hook-events-error">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? "Registering…" : "Register endpoint"}
      </button>
    </Form>
  );
}
