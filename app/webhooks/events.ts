import { z } from "zod";

/** The events an endpoint may subscribe to (issue 14, item 6; ADR 0701). Shared with the admin form. */
export const WEBHOOK_EVENTS = ["response.completed", "prospect.ready_now", "prospect.updated"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** What "Send test" sends: never subscribed to, always allowed. */
export const TEST_EVENT = "webhook.test";

export const EVENT_HELP: Record<WebhookEvent, string> = {
  "response.completed": "a prospect finished a survey on the web",
  "prospect.ready_now": "a prospect's score moved them into the ready-now band",
  "prospect.updated": "a prospect's score or band changed",
};

/** Only http and https, no credentials in the URL (they would be logged and shown). */
const webhookUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the events.")
  .max(2000, "Keep the URL under 2,000 characters.")
  .refine((value) => {
    // An empty URL already has its message.
    if (value === "") return true;
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "Enter an http:// or https:// URL.")
  .refine((value) => {
    try {
      const u = new URL(value);
      return !u.username && !u.password;
    } catch {
      return true;
    }
  }, "Leave user names and passwords out of the URL: deliveries are signed instead.");

const eventList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(WEBHOOK_EVENTS, { message: "Choose from the listed events." })).min(1, "Choose at least one event."),
);

export const WebhookActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      url: webhookUrl,
      description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
      events: eventList,
    }),
    z.object({ intent: z.literal("test"), endpointId: z.coerce.number().int().positive() }),
    z.object({ intent: z.literal("disable"), endpointId: z.coerce.number().int().positive() }),
    z.object({ intent: z.literal("delete"), endpointId: z.coerce.number().int().positive() }),
  ],
  { message: "Unknown action." },
);
