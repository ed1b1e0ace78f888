import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { apiBadRequest, apiJson, requireApiKey } from "../../api/auth.server.js";
import { BOUNCE_MAX_BYTES, parseDsn, parseJsonBounce, recordBounces, type ParsedBounces } from "../../reach/bounces.server.js";
import { readBody } from "../../utils/body.server.js";
import { clientAddress, createRateLimiter, type RateLimiter } from "../../utils/rate-limit.server.js";

/** A mailbox rule posts one DSN per bounce; 120 a minute per client is plenty and bounds a key guesser. */
const standardLimiter = createRateLimiter({ limit: 120, windowMs: 60_000 });

const DSN_TYPES = ["message/rfc822", "multipart/report", "text/plain"];

/**
 * POST /api/bounces (ADR 0702): a late bounce, as the raw DSN (Content-Type message/rfc822,
 * multipart/report or text/plain) or as JSON {email, status, diagnostic}. API key required, like
 * /api/*; rate-limited per client; 400 with a message per field for anything that is not a report.
 */
export async function bouncesApi(db: Kysely<Database>, request: Request, limiter: RateLimiter = standardLimiter): Promise<Response> {
  const client = clientAddress(request);
  if (!limiter.hit(client))
    return apiJson({ error: "Too many bounce reports: wait a minute." }, 429, {
      "Retry-After": String(Math.max(1, limiter.retryAfter(client))),
    });
  const refused = await requireApiKey(db, request);
  if (refused) return refused;
  if (request.method !== "POST") return apiJson({ error: "POST a bounce report here." }, 405, { Allow: "POST" });

  let body: Uint8Array;
  try {
    body = await readBody(request, BOUNCE_MAX_BYTES);
  } catch (error) {
    if (error instanceof Response) return apiJson({ error: "A bounce report is at most 512 KB." }, 413);
    throw error;
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(body);
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  let parsed: ParsedBounces;
  if (type === "application/json") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return apiBadRequest({ body: ["The body is not valid JSON."] });
    }
    parsed = parseJsonBounce(value);
  } else if (DSN_TYPES.includes(type)) {
    if (!text.trim()) return apiBadRequest({ message: ["The body is empty: post the bounce message as received."] });
    parsed = await parseDsn(text);
  } else {
    return apiJson({ error: `Send the DSN as message/rfc822 (or multipart/report, text/plain), or JSON as application/json.` }, 415);
  }
  if (!parsed.ok) return apiBadRequest(parsed.errors);
  return apiJson({ recipients: await recordBounces(db, parsed.reports) });
}
