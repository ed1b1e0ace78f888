import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { confirmationResponseId, confirmOptIn } from "~/reach/confirmations.server";
import { appRateLimiter, type SharedRateLimiter } from "~/jobs/shared-rate-limit.server";
import { readFormData } from "~/utils/body.server";
import { database, db } from "~/utils/db.server";
import { clientAddress } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Confirm your email · Painmap" }, { name: "robots", content: "noindex" }];

let shared: SharedRateLimiter | undefined;
const limiter = () => (shared ??= appRateLimiter("confirm", 30, 60_000, database().pool));
const INVALID = "This link is no longer valid.";
const HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

/**
 * The double opt-in's confirmation link (app/reach/confirmations.server.ts). GET shows a button
 * (mail scanners prefetch links, so a GET never confirms anything); POST confirms.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  return json({ valid: confirmationResponseId(params.token ?? "") !== null, invalidMessage: INVALID }, { headers: HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (await limiter().hit(clientAddress(request)))
    return json({ done: false, message: "Too many attempts. Please try again in a minute." }, { status: 429 });
  await readFormData(request, 4 * 1024);
  const outcome = await confirmOptIn(db(), params.token ?? "");
  if (!outcome.ok) return json({ done: false, message: INVALID }, { status: 400 });
  return json(
    {
      done: true,
      message: outcome.confirmed
        ? "Thank you: your email is confirmed. We will send you what you asked for."
        : "This address was confirmed already (or you unsubscribed since). Nothing changed.",
    },
    { headers: HEADERS },
  );
}

export default function Confirm() {
  const { valid, invalidMessage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="page page--narrow">
      <h1>Confirm your email</h1>
      {result ? (
        <div className={result.done ? "alert alert--ok" : "alert alert--error"} role="status">
          {result.message}
        </div>
      ) : valid ? (
        <Form method="post" className="card stack">
          <p>Confirm that you want the study summary or educational content you asked for, at this address.</p>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Confirming…" : "Confirm"}
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
