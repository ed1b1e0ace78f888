import type { Kysely } from "kysely";
import { bearerToken, touchApiKey, verifyApiKey } from "../../../db/queries/api-keys.js";
import type { Database } from "../../../db/schema.js";
import { apiProspect } from "../../prospects/api-prospect.js";
import { nurtureList, prospectViews, readyNowForCrm } from "../../prospects/prospect-views.server.js";

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
const BANDS = ["ready_now", "nurture", "all"] as const;

function json(body: unknown, status: number, extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...extra } });
}

/**
 * GET /api/prospects: read-only JSON for a CRM sync. `Authorization: Bearer pm_...` with a live key
 * (from /admin/api-keys); `?band=ready_now|nurture|all` (default ready_now). Unsubscribed people never appear.
 * The HTTP shape lives beside the route; the prospects themselves come from the prospects feature.
 */
export async function prospectsApi(
  db: Kysely<Database>,
  request: Request,
  origin: string,
  linkFor: (personId: number) => string,
): Promise<Response> {
  const keyId = await verifyApiKey(db, bearerToken(request.headers.get("Authorization")));
  if (keyId === null) {
    return json({ error: "A valid API key is required: Authorization: Bearer pm_..." }, 401, {
      "WWW-Authenticate": 'Bearer realm="painmap"',
    });
  }
  await touchApiKey(db, keyId, new Date().toISOString());
  const band = new URL(request.url).searchParams.get("band") ?? "ready_now";
  if (!(BANDS as readonly string[]).includes(band)) return json({ error: "band must be ready_now, nurture or all" }, 400);
  const list = band === "ready_now" ? await readyNowForCrm(db) : band === "nurture" ? await nurtureList(db) : await prospectViews(db);
  return json(
    {
      band,
      count: list.length,
      generated_at: new Date().toISOString(),
      prospects: list.map((p) => ({ ...apiProspect(p, p.email ? linkFor(p.personId) : null), url: `${origin}/prospects/${p.personId}` })),
    },
    200,
  );
}
