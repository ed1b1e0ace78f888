import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/Field";
import { DeliveryLog } from "./DeliveryLog";
import { EndpointForm } from "./EndpointForm";
import { EndpointList } from "./EndpointList";
import type { action, loader } from "./route.server";
import { ShownOnce } from "~/components/ShownOnce";

export { action, loader } from "./route.server";

export const meta: MetaFunction = () => [{ title: "Webhooks · Painmap" }];

export default function Webhooks() {
  const { endpoints, deliveries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <div className="page">
      <p>
        <Link to="/admin/users">← Users</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Webhooks</h1>
          <p className="muted">
            We POST JSON to your endpoints when a response is completed or a prospect changes. Each request carries{" "}
            <code>Painmap-Timestamp</code> and <code>Painmap-Signature: v1=HMAC-SHA256(secret, timestamp + "." + body)</code>: check it over
            the raw body and refuse timestamps older than five minutes. People who did not agree to be contacted are sent as pseudonyms.
          </p>
        </div>
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {result?.ok && result.secret ? (
        <ShownOnce heading="Copy the signing secret now. It is shown only once." value={result.secret} testId="new-secret" />
      ) : null}
      <FormErrors errors={errors?.[""]} />
      <EndpointForm errors={errors} />
      <h2>Endpoints</h2>
      <EndpointList endpoints={endpoints} />
      <h2>Delivery log</h2>
      <DeliveryLog deliveries={deliveries} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
