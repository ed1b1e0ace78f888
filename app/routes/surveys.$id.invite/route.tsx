import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors } from "~/components/Field";
import { InvitationFunnel } from "~/reach/InvitationFunnel";
import { firstError } from "~/utils/forms";
import { ContactReport } from "./ContactReport";
import type { action, loader } from "./route.server";

export { action, loader } from "./route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Invite: ${data?.survey.title ?? ""} · Painmap` }];

const DEFAULT_MESSAGE = "We are running a short study and would value your view. It takes about five minutes.";

/**
 * Invite a contact list by email: paste or upload (CSV or XLSX), preview the per-row report, then
 * send after ticking the confirmation. The same fields travel through both steps.
 */
export default function InvitePage() {
  const { survey, funnel, smtp } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = result && !result.ok ? result.errors : undefined;
  const rows = result?.rows ?? null;
  const sent = result && result.ok ? result.sent : null;
  const fd = navigation.formData;
  const err = (f: string) => firstError(errors, f);

  return (
    <div className="page">
      <p>
        <Link to={`/surveys/${survey.id}/edit`}>← {survey.title}</Link>
      </p>
      <h1>Invite by email</h1>
      <section className="card" aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">Invitations so far</h2>
        <InvitationFunnel funnel={funnel} />
      </section>
      {!smtp ? (
        <p className="alert alert--warn">
          No SMTP server is configured (SMTP_URL): messages are kept in the <Link to="/admin/outbox">outbox</Link> instead of being sent.
        </p>
      ) : null}
      {sent ? (
        <p className="alert alert--ok" role="status">
          {sent.invited} {sent.invited === 1 ? "invitation" : "invitations"} queued
          {sent.skipped ? `; ${sent.skipped} ${sent.skipped === 1 ? "row" : "rows"} skipped (see the report)` : ""}.
        </p>
      ) : null}
      {errors?.[""] ? <FormErrors errors={errors[""]} /> : null}
      {survey.status !== "open" ? (
        <p className="alert alert--warn">Publish the survey first: invitations link to its public page.</p>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="card stack" noValidate>
        <Field
          id="contacts"
          label="Contacts (CSV: a header row with email, and name, company, role or any other column)"
          error={err("contacts")}
        >
          {(aria) => (
            <textarea
              {...aria}
              name="contacts"
              rows={6}
              defaultValue={result && "csv" in result && result.csv ? result.csv : ""}
              key={result && "csv" in result ? result.csv : "empty"}
              placeholder={"email,name,company,role\ndana@example.com,Dana Reed,Acme,IT lead"}
            />
          )}
        </Field>
        <Field id="file" label="…or upload a CSV or Excel (.xlsx) file" help="A file replaces what is pasted above.">
          {(aria) => <input {...aria} type="file" name="file" accept=".csv,.xlsx,text/csv" />}
        </Field>
        <div className="grid">
          <Field id="campaign" label="Campaign (goes in each link)" error={err("campaign")} required>
            {(aria) => <input {...aria} name="campaign" defaultValue={(fd?.get("campaign") as string) ?? "email-invite"} />}
          </Field>
          <Field id="subject" label="Subject" error={err("subject")} required>
            {(aria) => <input {...aria} name="subject" defaultValue={`Your view on ${survey.title}?`} />}
          </Field>
        </div>
        <Field id="message" label="Message (each recipient's personal link is added below it)" error={err("message")} required>
          {(aria) => <textarea {...aria} name="message" rows={4} defaultValue={DEFAULT_MESSAGE} />}
        </Field>
        <div className="grid">
          <Field id="reminderCount" label="Reminders to those who have not finished" error={err("reminderCount")}>
            {(aria) => (
              <select {...aria} name="reminderCount" defaultValue="1">
                <option value="0">None</option>
                <option value="1">One</option>
                <option value="2">Two</option>
              </select>
            )}
          </Field>
          <Field id="reminderDays" label="Days between invitation and each reminder" error={err("reminderDays")}>
            {(aria) => <input {...aria} name="reminderDays" type="number" min={1} max={60} defaultValue={3} />}
          </Field>
        </div>
        {rows ? <ContactReport rows={rows} /> : null}
        {rows && rows.some((r) => !r.problem) ? (
          <Field id="confirm" label="" error={err("confirm")}>
            {(aria) => (
              <label className="choice">
                <input {...aria} type="checkbox" name="confirm" value="yes" /> Send {rows.filter((r) => !r.problem).length} invitations now
              </label>
            )}
          </Field>
        ) : null}
        <div className="row">
          <button type="submit" name="intent" value="preview" className={rows ? "button button--secondary" : undefined} disabled={busy}>
            {busy && fd?.get("intent") === "preview" ? "Checking…" : "Preview"}
          </button>
          {rows && rows.some((r) => !r.problem) ? (
            <button type="submit" name="intent" value="send" disabled={busy}>
              {busy && fd?.get("intent") === "send" ? "Sending…" : "Send invitations"}
            </button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
