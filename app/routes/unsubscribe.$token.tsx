import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { checkOptOutToken, INVALID_LINK_MESSAGE, redeemOptOutToken } from "~/consent/opt-out.server";
import { readFormData } from "~/utils/body.server";
import { database, db } from "~/utils/db.server";
import { appRateLimiter, type SharedRateLimiter } from "~/jobs/shared-rate-limit.server";
import { clientAddress } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Unsubscribe · Painmap" }, { name: "robots", content: "noindex" }];

let shared: SharedRateLimiter | undefined;
const limiter = () => (shared ??= appRateLimiter("unsubscribe", 30, 60_000, database().pool));

/**
 * Public one-click opt-out. GET shows a confirm button (mail scanners prefetch links, so a GET
 * never opts anyone out); POST opts out, including RFC 8058 `List-Unsubscribe=One-Click`.
 * Forged, expired, reused and unknown tokens all get the same neutral message.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const check = await checkOptOutToken(db(), params.token ?? "");
  // The message travels with the data: a .server module's constant is undefined in the browser bundle.
  return json(
    { valid: check.ok, invalidMessage: INVALID_LINK_MESSAGE },
    { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (await limiter().hit(clientAddress(request))) {
    return json({ done: false, message: "Too many attempts. Please try again in a minute." }, { status: 429 });
  }
  await readFormData(request, 4 * 1024);
  const outcome = await redeemOptOutToken(db(), params.token ?? "");
  return outcome.ok
    ? json({ done: true, message: "You are unsubscribed. You will get no more email from us." })
    : json({ done: false, message: INVALID_LINK_MESSAGE }, { status: 400 });
}

export default function Unsubscribe() {
  const { valid, invalidMessage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="page page--narrow">
      <h1>Unsubscribe</h1>
      {result ? (
        <div className={result.done ? "alert alert--ok" : "alert alert--error"} role="status">
          {result.message}
        </div>
      ) : valid ? (
        <Form method="post" className="card stack">
          <p>Stop all email from us, including educational content and study summaries?</p>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Unsubscribing…" : "Unsubscribe"}
          </button>
        </Form>
      ) : (
        <div className="alert alert--error" role="status">
          {invalidMessage}
        </div>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
