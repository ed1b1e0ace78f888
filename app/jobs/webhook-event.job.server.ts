/**
 * A webhook event (ADR 0701): enqueued in the transaction of the change it reports
 * (app/webhooks/deliveries.server.ts, `emitWebhookEvent`), it turns into one delivery per
 * subscribed endpoint. Replays are harmless: a delivery per endpoint and event id is written once.
 */
import { fanOut } from "../webhooks/deliveries.server.js";
import type { WebhookEvent } from "../webhooks/events.js";
import type { JobDefinition } from "./types.js";

export interface WebhookEventPayload {
  event: WebhookEvent;
  eventId: string;
  occurredAt: string;
  responseId?: number;
  personId?: number;
}

export const webhookEventJob: JobDefinition<WebhookEventPayload> = {
  name: "webhook-event",
  batchSize: 16,
  retryLimit: 5,
  retryDelayMs: 2_000,
  leaseMs: 30_000,
  maxRunMs: 5 * 60_000,
  async handle(jobs, { db }) {
    for (const job of jobs) await fanOut(db, job.payload);
  },
};
