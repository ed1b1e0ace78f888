import { formatDate } from "~/components/format";
import type { WebhookDeliveryRow } from "../../../db/queries/webhooks";

const TONE: Record<string, string> = { delivered: "badge--ok", failed: "badge--danger", retrying: "badge--warn" };

/** The latest deliveries: what was sent where, how often, and what the receiver answered. */
export function DeliveryLog({ deliveries }: { deliveries: WebhookDeliveryRow[] }) {
  if (!deliveries.length) return <p className="empty">No deliveries yet. “Send test” sends one now.</p>;
  return (
    <div className="table-wrap">
      <table aria-label="Delivery log">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">Endpoint</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery">
              <td>{formatDate(d.createdAt)}</td>
              <td>
                <code>{d.event}</code>
              </td>
              <td className="break">{d.endpointUrl}</td>
              <td>
                <span className={`badge ${TONE[d.status] ?? ""}`}>{d.status}</span>
                {d.nextAttemptAt ? <span className="muted"> next {formatDate(d.nextAttemptAt)}</span> : null}
              </td>
              <td>{d.attempts}</td>
              <td>{d.responseStatus ?? d.error ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
