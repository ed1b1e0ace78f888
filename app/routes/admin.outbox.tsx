import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { messageCountsByStatus, recentMessages } from "../../db/queries/reach";
import { formatDate } from "~/components/format";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Painmap" }];

const STATUSES = ["queued", "sent", "outbox", "failed", "bounced", "suppressed"] as const;
const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  queued: "Queued",
  sent: "Sent",
  outbox: "In the outbox (no SMTP)",
  failed: "Failed",
  bounced: "Bounced",
  suppressed: "Not sent: opted out",
};
const FilterSchema = z.object({ status: z.enum(STATUSES).optional().catch(undefined) });

/**
 * Every message the app wrote, newest first: with no SMTP_URL this is where they are (the outbox a
 * new user reads to see what would be sent); with SMTP, each recipient's delivery, failure or bounce.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["admin"]);
  const { status } = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [messages, counts] = await Promise.all([recentMessages(db(), { status, limit: 200 }), messageCountsByStatus(db())]);
  return json(
    { messages, counts, status: status ?? "", smtp: Boolean(env().SMTP_URL) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function Outbox() {
  const { messages, counts, status, smtp } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/admin/users">← Admin</Link>
      </p>
      <h1>Outbox</h1>
      <p className="muted">
        {smtp
          ? "Messages go out through the SMTP server in SMTP_URL. Each row shows what happened to one recipient."
          : "No SMTP server is configured (set SMTP_URL): messages are kept here instead of being sent."}
      </p>
      <Form method="get" className="row filters">
        <label htmlFor="status">Show</label>
        <select id="status" name="status" defaultValue={status}>
          <option value="">All ({Object.values(counts).reduce((a, b) => a + b, 0)})</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]} ({counts[s] ?? 0})
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>
      {messages.length === 0 ? (
        <p className="empty">No messages yet. Invitations, reminders, resume links and confirmations appear here.</p>
      ) : (
        <ul className="stack" data-testid="outbox">
          {messages.map((m) => (
            <li key={m.id} className="card" data-status={m.status}>
              <details>
                <summary>
                  <strong className="break">{m.toEmail}</strong> · {m.subject}{" "}
                  <span className={m.status === "failed" || m.status === "bounced" ? "badge badge--danger" : "badge"}>
                    {STATUS_LABELS[m.status as (typeof STATUSES)[number]] ?? m.status}
                  </span>
                </summary>
                <p className="small muted">
                  {m.kind} · written {formatDate(m.createdAt)}
                  {m.sentAt ? ` · delivered ${formatDate(m.sentAt)}` : ""}
                  {m.attempts ? ` · ${m.attempts} ${m.attempts === 1 ? "attempt" : "attempts"}` : ""}
                </p>
                {m.lastError ? <p className="alert alert--error">{m.lastError}</p> : null}
                <pre className="outbox-body">{m.bodyText}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
