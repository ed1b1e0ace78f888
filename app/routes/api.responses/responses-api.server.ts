import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/schema.js";
import { apiBadRequest, apiJson, requireApiKey } from "../../api/auth.server.js";
import { fillPage, PagingSchema, queryObject } from "../../api/paging.js";
import { apiResponses } from "../../responses/api-response.server.js";
import { zodErrors } from "../../utils/forms.js";

export const ResponsesQuerySchema = PagingSchema.extend({
  status: z.enum(["complete", "partial", "all"], { message: "status must be complete, partial or all." }).default("complete"),
  survey_id: z.coerce
    .number({ message: "survey_id must be a survey's id (a whole number)." })
    .int("survey_id must be a survey's id (a whole number).")
    .positive("survey_id must be a survey's id (a whole number).")
    .optional(),
});

/**
 * GET /api/responses: responses with their answers for a CRM, in keyset pages (id order, opaque
 * `next_cursor`), filtered by `status`, `survey_id` and `updated_since`. Who answered is named
 * only under the consent rule (app/responses/api-response.server.ts).
 */
export async function responsesApi(db: Kysely<Database>, request: Request): Promise<Response> {
  const refused = await requireApiKey(db, request);
  if (refused) return refused;
  const { values, errors } = queryObject(new URL(request.url).searchParams);
  const parsed = ResponsesQuerySchema.safeParse(values);
  if (!parsed.success || Object.keys(errors).length)
    return apiBadRequest({ ...(parsed.success ? {} : zodErrors(parsed.error)), ...errors });
  const q = parsed.data;
  const page = await fillPage(
    (afterId, limit) =>
      apiResponses(db, {
        afterId,
        limit,
        updatedSince: q.updated_since,
        surveyId: q.survey_id,
        status: q.status === "all" ? undefined : q.status,
      }),
    (r) => r.id,
    () => true,
    q.cursor,
    q.limit,
  );
  return apiJson({
    count: page.items.length,
    generated_at: new Date().toISOString(),
    updated_since: q.updated_since ?? null,
    next_cursor: page.nextCursor,
    responses: page.items,
  });
}
