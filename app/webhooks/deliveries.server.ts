import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { deliveryToSend, insertDelivery, liveEndpoints, markEndpointOutcome, recordAttempt } from "../../db/queries/webhooks.js";
import type { Database } from "../../db/schema.js";
import { webhookDeliveryJob } from "../jobs/webhook-delivery.job.server.js";
import { webhookEventJob, type WebhookEventPayload } from "../jobs/webhook-event.job.server.js";
import { enqueue, poke } from "../jobs/runner.server.js";
import { env } from "../utils/env.server.js";
import { TEST_EVENT, type WebhookEvent } from "./events.js";
import { eventData } from "./payloads.server.js";
import { postWebhook } from "./send.server.js";
import { signedHeaders } from "./signature.server.js";

/**
 * Webhooks from event to delivery (ADR 0701). `emitWebhookEvent` writes one job in the caller's
 * transaction (the completion's, the re-scoring's), so an event is never lost and never blocks the
 * change: no network here. The event job builds the payload (under the consent rule, at that moment)
 * and writes one delivery row and job per endpoint; each delivery job makes one attempt and, on
 * failure, queues the next with backoff, until it is failed for good and its endpoint marked failing.
 */
export async function emitWebhookEvent(
  trx: Kysely<Database>,
  event: WebhookEvent,
  ref: { responseId?: number; personId?: number },
  endpoints?: readonly { events: string[] }[],
): Promise<boolean> {
  const live = endpoints ?? (await liveEndpoints(trx));
  if (!live.some((e) => e.events.includes(event))) return false;
  await enqueue(trx, webhookEventJob, { event, eventId: crypto.randomUUID(), occurredAt: new Date().toISOString(), ...ref });
  return true;
}

/** After the emitting transaction committed: fan out now rather than at the next poll. */
export function webhookEventsCommitted(db: Kysely<Database>): void {
  poke(db, webhookEventJob.name);
}

/** The event job: one delivery per subscribed endpoint, in one transaction with their jobs. */
export async function fanOut(db: Kysely<Database>, e: WebhookEventPayload): Promise<number> {
  const endpoints = (await liveEndpoints(db)).filter((x) => x.events.includes(e.event));
  if (!endpoints.length) return 0;
  const data = await eventData(db, e);
  // The person unsubscribed, or the record is gone: nothing is sent about them.
  if (data === null) return 0;
  const body = JSON.stringify({ id: e.eventId, type: e.event, created_at: e.occurredAt, data });
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    // A replayed event job (its server died mid-way) adds no second delivery for the same endpoint.
    const done = new Set(
      (await trx.selectFrom("webhook_deliveries").select("endpoint_id").where("event_id", "=", e.eventId).execute()).map(
        (r) => r.endpoint_id,
      ),
    );
    for (const endpoint of endpoints) {
      if (done.has(endpoint.id)) continue;
      const deliveryId = await insertDelivery(trx, { endpointId: endpoint.id, event: e.event, eventId: e.eventId, payload: body, now });
      await enqueue(trx, webhookDeliveryJob, { deliveryId });
    }
  });
  poke(db, webhookDeliveryJob.name);
  return endpoints.length;
}

/** "Send test": a delivery of `webhook.test` to one endpoint, through the same queue and log. */
export async function sendTestDelivery(db: Kysely<Database>, endpointId: number): Promise<number> {
  const eventId = crypto.randomUUID();
  const now = new Date().toISOString();
  const body = JSON.stringify({ id: eventId, type: TEST_EVENT, created_at: now, data: { message: "A test delivery from Painmap." } });
  const id = await db.transaction().execute(async (trx) => {
    const deliveryId = await insertDelivery(trx, { endpointId, event: TEST_EVENT, eventId, payload: body, now });
    await enqueue(trx, webhookDeliveryJob, { deliveryId });
    return deliveryId;
  });
  poke(db, webhookDeliveryJob.name);
  return id;
}

/** Wait before attempt `attempt + 1`: base, 4 x base, 16 x base... capped at six hours. */
function retryDelayMs(attempt: number, baseMs = env().WEBHOOK_RETRY_BASE_MS): number {
  return Math.min(6 * 3_600_000, baseMs * 4 ** Math.max(0, attempt - 1));
}

/** One attempt of one delivery (the delivery job). Never throws for the receiver's faults. */
export async function attemptDelivery(db: Kysely<Database>, deliveryId: number): Promise<void> {
  const d = await deliveryToSend(db, deliveryId);
  if (!d || d.status === "delivered" || d.status === "failed" || d.status === "skipped") return;
  const nowIso = () => new Date().toISOString();
  if (d.disabledAt !== null) {
    await recordAttempt(db, {
      id: d.id,
      status: "skipped",
      attempts: d.attempts,
      responseStatus: null,
      error: "endpoint disabled",
      nextAttemptAt: null,
      now: nowIso(),
    });
    return;
  }
  const { WEBHOOK_ALLOW_PRIVATE, WEBHOOK_MAX_ATTEMPTS } = env();
  const result = await postWebhook(
    d.url,
    d.payload,
    { ...signedHeaders(d.secret, d.payload), "Painmap-Event": d.event, "Painmap-Delivery": d.eventId },
    { allowPrivate: WEBHOOK_ALLOW_PRIVATE === "true" },
  );
  const attempts = d.attempts + 1;
  const now = nowIso();
  const final = !result.ok && attempts >= WEBHOOK_MAX_ATTEMPTS;
  const delay = retryDelayMs(attempts);
  await db.transaction().execute(async (trx) => {
    await recordAttempt(trx, {
      id: d.id,
      status: result.ok ? "delivered" : final ? "failed" : "retrying",
      attempts,
      responseStatus: result.status,
      error: result.error,
      nextAttemptAt: result.ok || final ? null : new Date(Date.now() + delay).toISOString(),
      now,
    });
    if (result.ok || final) await markEndpointOutcome(trx, d.endpointId, result.ok, now);
    // The next attempt is a job of its own, written with this attempt's outcome: both or neither.
    else await enqueue(trx, webhookDeliveryJob, { deliveryId: d.id }, { startAfterMs: delay });
  });
}
