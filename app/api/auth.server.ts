import type { Kysely } from "kysely";
import { bearerToken, touchApiKey, verifyApiKey } from "../../db/queries/api-keys.js";
import type { Database } from "../../db/schema.js";

/** JSON for API clients: never cached, never shared. */
export function apiJson(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...extra },
  });
}

/** 400 with one message per parameter, the shape every form answers with. */
export function apiBadRequest(errors: Record<string, string[]>): Response {
  return apiJson({ error: "Some parameters are not valid.", errors }, 400);
}

/** A live key (`Authorization: Bearer pm_...`, from /admin/api-keys), or the 401 to answer with. */
export async function requireApiKey(db: Kysely<Database>, request: Request): Promise<Response | null> {
  const keyId = await verifyApiKey(db, bearerToken(request.headers.get("Authorization")));
  if (keyId === null)
    return apiJson({ error: "A valid API key is required: Authorization: Bearer pm_..." }, 401, {
      "WWW-Authenticate": 'Bearer realm="painmap"',
    });
  await touchApiKey(db, keyId, new Date().toISOString());
  return null;
}

export const readOnly = () => apiJson({ error: "This API is read-only." }, 405, { Allow: "GET" });
