import type { Generated } from "kysely";
import type { Timestamp, JsonText } from "./columns.js";

/** Webhook endpoints and their delivery log (migration 0011, ADR 0701). */

export type WebhookDeliveryStatus = "pending" | "retrying" | "delivered" | "failed" | "skipped";

export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  description: Generated<string>;
  events: JsonText;
  secret: string;
  created_by: number | null;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
  failing_since: Timestamp | null;
  consecutive_failures: Generated<number>;
  last_delivery_at: Timestamp | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  event: string;
  event_id: string;
  payload: JsonText;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  response_status: number | null;
  error: string | null;
  next_attempt_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  delivered_at: Timestamp | null;
}
