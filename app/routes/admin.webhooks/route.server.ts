import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { deleteEndpoint, disableEndpoint, insertEndpoint, listEndpoints, recentDeliveries } from "../../../db/queries/webhooks";
import { sendTestDelivery } from "~/webhooks/deliveries.server";
import { WebhookActionSchema } from "~/webhooks/events";
import { newWebhookSecret } from "~/webhooks/signature.server";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";

const PRIVATE = { "Cache-Control": "private, no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["admin"]);
  const database = db();
  const [endpoints, deliveries] = await Promise.all([listEndpoints(database), recentDeliveries(database, 50)]);
  return json({ endpoints, deliveries }, { headers: PRIVATE });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, ["admin"]);
  const parsed = parseWith(WebhookActionSchema, await readFormData(request, 16 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const database = db();
  const input = parsed.data;
  if (input.intent === "create") {
    const secret = newWebhookSecret();
    await insertEndpoint(database, { url: input.url, description: input.description, events: input.events, secret, createdBy: me.id });
    return json({ ok: true as const, message: `Registered ${input.url}.`, secret }, { headers: PRIVATE });
  }
  const endpoint = (await listEndpoints(database)).find((e) => e.id === input.endpointId);
  if (!endpoint) throw notFound("We could not find that endpoint.");
  if (input.intent === "test") {
    if (endpoint.disabledAt) return badRequest({ "": ["This endpoint is disabled: nothing is sent to it."] });
    await sendTestDelivery(database, endpoint.id);
    return json({ ok: true as const, message: `A test delivery to ${endpoint.url} is on its way: see the log below.`, secret: null });
  }
  if (input.intent === "disable") {
    await disableEndpoint(database, endpoint.id, new Date().toISOString());
    return json({ ok: true as const, message: `Disabled ${endpoint.url}: no more deliveries.`, secret: null });
  }
  await deleteEndpoint(database, endpoint.id);
  return json({ ok: true as const, message: `Deleted ${endpoint.url} and its log.`, secret: null });
}
