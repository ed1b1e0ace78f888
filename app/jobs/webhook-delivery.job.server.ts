/**
 * One attempt of one webhook delivery (ADR 0701). The attempt records its own outcome and queues
 * the next attempt with backoff itself (app/webhooks/deliveries.server.ts), so the log shows every
 * attempt; the queue's own retries only cover a server that died mid-attempt.
 */
import { attemptDelivery } from "../webhooks/deliveries.server.js";
import type { JobDefinition } from "./types.js";

export interface WebhookDeliveryPayload {
  deliveryId: number;
}

export const webhookDeliveryJob: JobDefinition<WebhookDeliveryPayload> = {
  name: "webhook-delivery",
  batchSize: 8,
  retryLimit: 3,
  retryDelayMs: 5_000,
  leaseMs: 30_000,
  maxRunMs: 2 * 60_000,
  async handle(jobs, { db }) {
    // One slow receiver must not hold up the others in the batch.
    await Promise.all(jobs.map((job) => attemptDelivery(db, job.payload.deliveryId)));
  },
};
