import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/schema.js";
import { apiBadRequest, apiJson, requireApiKey } from "../../api/auth.server.js";
import { fillPage, PagingSchema, queryObject } from "../../api/paging.js";
import { apiProspect } from "../../prospects/api-prospect.js";
import { nurtureList, prospectViews, prospectViewsById, readyNowForCrm, type ProspectView } from "../../prospects/prospect-views.server.js";
import { zodErrors } from "../../utils/forms.js";

const BANDS = ["ready_now", "nurture", "all"] as const;

export const ProspectsQuerySchema = PagingSchema.extend({
  band: z.enum(BANDS, { message: "band must be ready_now, nurture or all." }).default("ready_now"),
});

/** Who each band lists: the same rules as readyNowForCrm and nurtureList, applied row by row. */
const BAND_RULE: Record<
  (typeof BANDS)[number],
  { bands?: ("ready_now" | "nurture")[]; onlyNurtureOptIn?: boolean; keep: (p: ProspectView) => boolean }
> = {
  ready_now: { bands: ["ready_now"], keep: (p) => p.effectiveBand === "ready_now" && p.crmReady },
  nurture: { bands: ["nurture", "ready_now"], onlyNurtureOptIn: true, keep: (p) => p.effectiveBand === "nurture" },
  all: { keep: () => true },
};

/**
 * GET /api/prospects: read-only JSON for a CRM sync (documented in /api/openapi.json).
 * `Authorization: Bearer pm_...` with a live key; `?band=ready_now|nurture|all` (default ready_now).
 * Without paging parameters: the whole band, best first (the first contract, kept). With `limit`,
 * `cursor` or `updated_since`: keyset pages in id order with `next_cursor`. Unsubscribed people never appear.
 */
export async function prospectsApi(
  db: Kysely<Database>,
  request: Request,
  origin: string,
  linkFor: (personId: number) => string,
): Promise<Response> {
  const refused = await requireApiKey(db, request);
  if (refused) return refused;
  const { values, errors } = queryObject(new URL(request.url).searchParams);
  const parsed = ProspectsQuerySchema.safeParse(values);
  if (!parsed.success || Object.keys(errors).length)
    return apiBadRequest({ ...(parsed.success ? {} : zodErrors(parsed.error)), ...errors });
  const q = parsed.data;
  const shape = (p: ProspectView) => ({
    ...apiProspect(p, p.email ? linkFor(p.personId) : null),
    url: `${origin}/prospects/${p.personId}`,
  });
  const paged = "limit" in values || "cursor" in values || "updated_since" in values;
  if (!paged) {
    const list = q.band === "ready_now" ? await readyNowForCrm(db) : q.band === "nurture" ? await nurtureList(db) : await prospectViews(db);
    return apiJson({ band: q.band, count: list.length, generated_at: new Date().toISOString(), prospects: list.map(shape) });
  }
  const rule = BAND_RULE[q.band];
  const page = await fillPage(
    (afterPersonId, limit) =>
      prospectViewsById(db, {
        bands: rule.bands,
        onlyNurtureOptIn: rule.onlyNurtureOptIn,
        afterPersonId,
        limit,
        updatedSince: q.updated_since,
      }),
    (p) => p.personId,
    rule.keep,
    q.cursor,
    q.limit,
  );
  return apiJson({
    band: q.band,
    count: page.items.length,
    generated_at: new Date().toISOString(),
    updated_since: q.updated_since ?? null,
    next_cursor: page.nextCursor,
    prospects: page.items.map(shape),
  });
}
