import { Form } from "@remix-run/react";
import { formatDate } from "~/components/format";
import type { WebhookEndpointRow } from "../../../db/queries/webhooks";

type Endpoint = Omit<WebhookEndpointRow, never>;

function Status({ e }: { e: Endpoint }) {
  if (e.disabledAt) return <span className="badge">disabled</span>;
  if (e.failingSince)
    return (
      <span className="badge badge--danger" data-testid="endpoint-failing">
        failing since {formatDate(e.failingSince)}
      </span>
    );
  return <span className="badge badge--ok">active</span>;
}

/** The endpoints, each with send test, disable and delete (the last two asked to confirm). */
export function EndpointList({ endpoints }: { endpoints: Endpoint[] }) {
  if (!endpoints.length) return <p className="empty">No endpoints yet. Register one to have events pushed to your CRM or chat tool.</p>;
  return (
    <ul className="stack" aria-label="Endpoints">
      {endpoints.map((e) => (
        <li key={e.id} className="card" data-testid="endpoint">
          <p>
            <code className="break">{e.url}</code> <Status e={e} />
          </p>
          {e.description ? <p className="muted">{e.description}</p> : null}
          <p className="muted">
            {e.events.join(", ")} · registered {formatDate(e.createdAt)}
            {e.lastDeliveryAt ? ` · last delivery ${formatDate(e.lastDeliveryAt)}` : ""}
          </p>
          <div className="row">
            {!e.disabledAt ? (
              <Form method="post">
                <input type="hidden" name="intent" value="test" />
                <input type="hidden" name="endpointId" value={e.id} />
                <button type="submit" className="button--secondary button--small">
                  Send test<span className="sr-only"> to {e.url}</span>
                </button>
              </Form>
            ) : null}
            {!e.disabledAt ? (
              <Form method="post" onSubmit={(ev) => !confirm(`Disable ${e.url}? Nothing more is sent to it.`) && ev.preventDefault()}>
                <input type="hidden" name="intent" value="disable" />
                <input type="hidden" name="endpointId" value={e.id} />
                <button type="submit" className="button--secondary button--small">
                  Disable<span className="sr-only"> {e.url}</span>
                </button>
              </Form>
            ) : null}
            <Form method="post" onSubmit={(ev) => !confirm(`Delete ${e.url} and its delivery log?`) && ev.preventDefault()}>
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="endpointId" value={e.id} />
              <button type="submit" className="button--danger button--small">
                Delete<span className="sr-only"> {e.url}</span>
              </button>
            </Form>
          </div>
        </li>
      ))}
    </ul>
  );
}
