import type { Kysely } from "kysely";
import type { Database, WebhookDeliveryStatus } from "../schema.js";
import { parseJson } from "./util.js";

/** Webhook endpoints and their delivery log (issue 14, ADR 0701). Rules live in app/webhooks/. */
export interface WebhookEndpointRow {
  id: number;
  url: string;
  description: string;
  events: string[];
  createdAt: string;
  disabledAt: string | null;
  failingSince: string | null;
  consecutiveFailures: number;
  lastDeliveryAt: string | null;
}

export interface WebhookDeliveryRow {
  id: number;
  endpointId: number;
  endpointUrl: string;
  event: string;
  eventId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

const endpointColumns = [
  "id",
  "url",
  "description",
  "events",
  "created_at as createdAt",
  "disabled_at as disabledAt",
  "failing_since as failingSince",
  "consecutive_failures as consecutiveFailures",
  "last_delivery_at as lastDeliveryAt",
] as const;

function mapEndpoint<R extends { events: string; consecutiveFailures: number | string }>(r: R) {
  return { ...r, events: parseJson<string[]>(r.events, []), consecutiveFailures: Number(r.consecutiveFailures) };
}

export async function insertEndpoint(
  db: Kysely<Database>,
  a: { url: string; description: string; events: readonly string[]; secret: string; createdBy: number | null },
): Promise<number> {
  const { id } = await db
    .insertInto("webhook_endpoints")
    .values({
      url: a.url,
      description: a.description,
      events: JSON.stringify(a.events),
      secret: a.secret,
      created_by: a.createdBy,
      created_at: new Date().toISOString(),
      disabled_at: null,
      failing_since: null,
      last_delivery_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function listEndpoints(db: Kysely<Database>): Promise<WebhookEndpointRow[]> {
  const rows = await db.selectFrom("webhook_endpoints").select(endpointColumns).orderBy("id").execute();
  return rows.map(mapEndpoint);
}

/** Live endpoints: the event filter is applied by the caller (events are a short JSON list). */
export async function liveEndpoints(db: Kysely<Database>): Promise<WebhookEndpointRow[]> {
  const rows = await db.selectFrom("webhook_endpoints").select(endpointColumns).where("disabled_at", "is", null).orderBy("id").execute();
  return rows.map(mapEndpoint);
}

export async function disableEndpoint(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable("webhook_endpoints")
    .set({ disabled_at: now })
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteEndpoint(db: Kysely<Database>, id: number): Promise<boolean> {
  await db.deleteFrom("webhook_deliveries").where("endpoint_id", "=", id).execute();
  const r = await db.deleteFrom("webhook_endpoints").where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function insertDelivery(
  db: Kysely<Database>,
  a: { endpointId: number; event: string; eventId: string; payload: string; now: string },
): Promise<number> {
  const { id } = await db
    .insertInto("webhook_deliveries")
    .values({
      endpoint_id: a.endpointId,
      event: a.event,
      event_id: a.eventId,
      payload: a.payload,
      status: "pending",
      response_status: null,
      error: null,
      next_attempt_at: null,
      created_at: a.now,
      updated_at: a.now,
      delivered_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function deliveryToSend(db: Kysely<Database>, id: number) {
  const row = await db
    .selectFrom("webhook_deliveries")
    .innerJoin("webhook_endpoints as e", "e.id", "webhook_deliveries.endpoint_id")
    .select([
      "webhook_deliveries.id",
      "webhook_deliveries.endpoint_id as endpointId",
      "webhook_deliveries.event",
      "webhook_deliveries.event_id as eventId",
      "webhook_deliveries.payload",
      "webhook_deliveries.status",
      "webhook_deliveries.attempts",
      "e.url",
      "e.secret",
      "e.disabled_at as disabledAt",
    ])
    .where("webhook_deliveries.id", "=", id)
    .executeTakeFirst();
  return row ? { ...row, attempts: Number(row.attempts) } : undefined;
}

/** One attempt's outcome on the delivery row. */
export async function recordAttempt(
  db: Kysely<Database>,
  a: {
    id: number;
    status: WebhookDeliveryStatus;
    attempts: number;
    responseStatus: number | null;
    error: string | null;
    nextAttemptAt: string | null;
    now: string;
  },
): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set({
      status: a.status,
      attempts: a.attempts,
      response_status: a.responseStatus,
      error: a.error,
      next_attempt_at: a.nextAttemptAt,
      updated_at: a.now,
      ...(a.status === "delivered" ? { delivered_at: a.now } : {}),
    })
    .where("id", "=", a.id)
    .execute();
}

/** A success clears the endpoint's failing mark; a delivery failed for good sets it. */
export async function markEndpointOutcome(db: Kysely<Database>, id: number, ok: boolean, now: string): Promise<void> {
  await db
    .updateTable("webhook_endpoints")
    .set((eb) =>
      ok
        ? { failing_since: null, consecutive_failures: 0, last_delivery_at: now }
        : {
            failing_since: eb.fn.coalesce("failing_since", eb.val(now)),
            consecutive_failures: eb("consecutive_failures", "+", 1),
            last_delivery_at: now,
          },
    )
    .where("id", "=", id)
    .execute();
}

export async function recentDeliveries(db: Kysely<Database>, limit = 50): Promise<WebhookDeliveryRow[]> {
  const rows = await db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_endpoints as e", "e.id", "d.endpoint_id")
    .select([
      "d.id",
      "d.endpoint_id as endpointId",
      "e.url as endpointUrl",
      "d.event",
      "d.event_id as eventId",
      "d.status",
      "d.attempts",
      "d.response_status as responseStatus",
      "d.error",
      "d.next_attempt_at as nextAttemptAt",
      "d.created_at as createdAt",
      "d.updated_at as updatedAt",
      "d.delivered_at as deliveredAt",
    ])
    .orderBy("d.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    attempts: Number(r.attempts),
    responseStatus: r.responseStatus === null ? null : Number(r.responseStatus),
  }));
}
