import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { TriggerCorrectionSchema } from "~/triggers/correction-schema";
import { correctTrigger, CorrectionRefused } from "~/triggers/trigger-corrections.server";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest, idParam } from "~/utils/http.server";

/** POST /answers/:answerId/triggers: a marketer marks a detected trigger wrong or adds a missed one. */
export const meta: MetaFunction = () => [{ title: "Trigger correction · Painmap" }];

const BODY_LIMIT = 8 * 1024;

/** Opened directly, the page only says where corrections are made; it shows no answer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  idParam(params.answerId);
  return json(null);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, MARKETING_ROLES);
  const answerId = idParam(params.answerId);
  const form = await readFormData(request, BODY_LIMIT);
  const parsed = parseWith(TriggerCorrectionSchema, form);
  if (!parsed.success) return badRequest(parsed.errors, { answerId });
  const { action, type, timing, backTo, backId } = parsed.data;
  try {
    await correctTrigger(db(), { answerId, type, action, timing, userId: user.id });
  } catch (error) {
    if (error instanceof CorrectionRefused) return badRequest({ form: [error.message] }, { answerId });
    throw error;
  }
  // Without JavaScript the browser follows this; with it, the fetcher stays and pages revalidate.
  if (!new URL(request.url).searchParams.has("_data")) {
    return redirect(backTo === "response" ? `/responses/${backId}#answer-${answerId}` : `/board/${backId}#answer-${answerId}`, 303);
  }
  return json({ ok: true as const, answerId, errors: {} as Record<string, string[]> });
}

/** Shown only to a browser without JavaScript whose correction was refused. */
export default function TriggerCorrectionResult() {
  const data = useActionData<typeof action>();
  const messages = data && !data.ok ? Object.values(data.errors).flat() : [];
  return (
    <div className="page">
      <h1>Trigger correction</h1>
      {messages.length ? (
        <div className="alert alert--error" role="alert">
          {messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : (
        <p>Buying triggers are corrected under each answer on a response's page or a theme's page.</p>
      )}
      <p>
        <Link to="/responses">Back to responses</Link> · <Link to="/board">Back to the board</Link>
      </p>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
