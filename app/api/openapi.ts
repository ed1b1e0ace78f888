import { DEFAULT_LIMIT, MAX_LIMIT } from "./paging.js";

/**
 * The CRM API in OpenAPI 3.1, served at /api/openapi.json (issue 14, item 7). Written by hand next
 * to the zod schemas it describes (app/routes/api.*); test/integration/api-paging.test.ts checks
 * that every API route is listed and that the documented parameters are the ones accepted.
 */
const paging = [
  {
    name: "limit",
    in: "query",
    description: `Records per page (default ${DEFAULT_LIMIT}). Giving limit, cursor or updated_since turns on paging.`,
    schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  { name: "cursor", in: "query", description: "Opaque: the next_cursor of the previous page, unchanged.", schema: { type: "string" } },
  {
    name: "updated_since",
    in: "query",
    description: "Only records changed at or after this instant (ISO 8601, e.g. 2026-12-01T00:00:00Z).",
    schema: { type: "string", format: "date-time" },
  },
];

const errors = {
  "400": {
    description: "A parameter is not valid: one message per parameter.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/BadRequest" } } },
  },
  "401": { description: "No valid API key.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

const nullableString = { type: ["string", "null"] };

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Painmap CRM API",
      version: "1.1.0",
      description:
        "Read-only access for CRMs. People are named (name, email, company) only when they agreed to be contacted by sales; " +
        "otherwise they appear under a pseudonym. People who unsubscribed never appear in /api/prospects. Pages are in id order: " +
        "walking every next_cursor until it is null visits each record once. Webhooks (admin: /admin/webhooks) push the same " +
        "shapes; each delivery carries Painmap-Timestamp and Painmap-Signature: v1=hex(HMAC-SHA256(secret, timestamp + '.' + body)).",
    },
    servers: [{ url: origin }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/prospects": {
        get: {
          operationId: "listProspects",
          summary: "Prospects by readiness band",
          parameters: [
            {
              name: "band",
              in: "query",
              description: "ready_now (default): ready and may be contacted; nurture: opted in to content; all: every assessed person.",
              schema: { type: "string", enum: ["ready_now", "nurture", "all"], default: "ready_now" },
            },
            ...paging,
          ],
          responses: {
            "200": {
              description: "Without paging parameters: the whole band, best first, and no next_cursor. With them: one page in id order.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/ProspectPage" } } },
            },
            ...errors,
          },
        },
      },
      "/api/responses": {
        get: {
          operationId: "listResponses",
          summary: "Survey responses with their answers, paged",
          parameters: [
            { name: "status", in: "query", schema: { type: "string", enum: ["complete", "partial", "all"], default: "complete" } },
            { name: "survey_id", in: "query", schema: { type: "integer", minimum: 1 } },
            ...paging,
          ],
          responses: {
            "200": {
              description: "One page in id order.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/ResponsePage" } } },
            },
            ...errors,
          },
        },
      },
      "/api/bounces": {
        post: {
          operationId: "reportBounce",
          summary: "A late bounce: the raw DSN (RFC 3464) or JSON",
          description:
            "A permanent failure (status 5.x.x) marks every message to the address bounced: reminders and study summaries skip it. " +
            "A temporary one (4.x.x) changes nothing. Rate-limited (429 with Retry-After).",
          requestBody: {
            required: true,
            content: {
              "message/rfc822": { schema: { type: "string", description: "The bounce message as received (multipart/report)." } },
              "application/json": { schema: { $ref: "#/components/schemas/BounceReport" } },
            },
          },
          responses: {
            "200": {
              description: "What each reported recipient came to.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/BounceOutcomes" } } },
            },
            ...errors,
            "415": {
              description: "Neither a DSN nor JSON.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
            "429": { description: "Too many reports: see Retry-After." },
          },
        },
      },
      "/api/openapi.json": {
        get: { operationId: "openApi", summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 JSON" } } },
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A key from /admin/api-keys: Authorization: Bearer pm_..." },
      },
      schemas: {
        Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
        BounceReport: {
          type: "object",
          required: ["email", "status"],
          properties: {
            email: { type: "string", format: "email" },
            status: { type: "string", pattern: "^[245]\\.\\d{1,3}\\.\\d{1,3}$", description: "RFC 3463, e.g. 5.1.1" },
            diagnostic: { type: "string", maxLength: 1000 },
          },
        },
        BounceOutcomes: {
          type: "object",
          properties: {
            recipients: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  email: { type: "string" },
                  status: { type: "string" },
                  outcome: { type: "string", enum: ["bounced", "temporary"] },
                  messages: { type: "integer", description: "messages marked bounced" },
                },
              },
            },
          },
        },
        BadRequest: {
          type: "object",
          required: ["error", "errors"],
          properties: {
            error: { type: "string" },
            errors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
          },
        },
        Prospect: {
          type: "object",
          properties: {
            id: { type: "integer" },
            name: nullableString,
            email: nullableString,
            job_title: nullableString,
            buying_role: nullableString,
            company: nullableString,
            industry: nullableString,
            region: nullableString,
            source: { type: "string" },
            score: { type: "number" },
            band: { type: "string", enum: ["ready_now", "nurture", "not_a_fit"] },
            status: { type: "string" },
            owner: nullableString,
            top_pain_theme: nullableString,
            trigger: { type: ["object", "null"] },
            key_quote: nullableString,
            reasons: { type: "array", items: { type: "string" } },
            profile_version: { type: ["integer", "null"] },
            assessed_at: { type: "string", format: "date-time" },
            updated_at: { type: "string", format: "date-time" },
            unsubscribe_url: nullableString,
            url: { type: "string" },
          },
        },
        ProspectPage: {
          type: "object",
          required: ["band", "count", "generated_at", "prospects"],
          properties: {
            band: { type: "string" },
            count: { type: "integer" },
            generated_at: { type: "string", format: "date-time" },
            updated_since: nullableString,
            next_cursor: { ...nullableString, description: "null on the last page" },
            prospects: { type: "array", items: { $ref: "#/components/schemas/Prospect" } },
          },
        },
        Person: {
          type: ["object", "null"],
          properties: {
            id: { type: "integer" },
            label: { type: "string", description: "Their name with consent to contact, else a pseudonym" },
            named: { type: "boolean" },
            name: nullableString,
            email: nullableString,
            company: nullableString,
            descriptor: { type: "string" },
          },
        },
        Response: {
          type: "object",
          properties: {
            id: { type: "integer" },
            survey_id: { type: "integer" },
            survey_title: { type: "string" },
            status: { type: "string", enum: ["complete", "partial"] },
            source: { type: "string" },
            campaign: nullableString,
            started_at: { type: "string", format: "date-time" },
            updated_at: { type: "string", format: "date-time" },
            completed_at: { type: ["string", "null"], format: "date-time" },
            person: { $ref: "#/components/schemas/Person" },
            answers: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  question_id: { type: "integer" },
                  prompt: { type: "string" },
                  role: nullableString,
                  value: { description: "text, number, list of choices, or null; identifying answers hidden without consent" },
                },
              },
            },
          },
        },
        ResponsePage: {
          type: "object",
          required: ["count", "generated_at", "next_cursor", "responses"],
          properties: {
            count: { type: "integer" },
            generated_at: { type: "string", format: "date-time" },
            updated_since: nullableString,
            next_cursor: nullableString,
            responses: { type: "array", items: { $ref: "#/components/schemas/Response" } },
          },
        },
      },
    },
  };
}
