import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/**
 * Responses for the CRM API (/api/responses) and webhook payloads: keyset pages in id order, so a
 * walk through every page sees each response once however many arrive meanwhile.
 */
export interface ApiResponseQuery {
  afterId?: number;
  limit?: number;
  updatedSince?: string;
  surveyId?: number;
  status?: "complete" | "partial";
  ids?: number[];
}

export async function apiResponseRows(db: Kysely<Database>, q: ApiResponseQuery) {
  let query = db
    .selectFrom("responses as r")
    .innerJoin("surveys as s", "s.id", "r.survey_id")
    .leftJoin("people as p", "p.id", "r.person_id")
    .leftJoin("companies as c", "c.id", "p.company_id")
    .select([
      "r.id",
      "r.survey_id as surveyId",
      "s.title as surveyTitle",
      "r.status",
      "r.source",
      "r.utm_campaign as campaign",
      "r.started_at as startedAt",
      "r.updated_at as updatedAt",
      "r.completed_at as completedAt",
      "r.person_id as personId",
      "p.name as personName",
      "p.email as personEmail",
      "p.job_title as jobTitle",
      "c.name as company",
      "c.industry",
      "c.region",
    ]);
  if (q.ids) {
    if (!q.ids.length) return [];
    query = query.where("r.id", "in", q.ids);
  }
  if (q.afterId !== undefined) query = query.where("r.id", ">", q.afterId);
  if (q.updatedSince !== undefined) query = query.where("r.updated_at", ">=", q.updatedSince);
  if (q.surveyId !== undefined) query = query.where("r.survey_id", "=", q.surveyId);
  if (q.status) query = query.where("r.status", "=", q.status);
  query = query.orderBy("r.id");
  if (q.limit !== undefined) query = query.limit(q.limit);
  return query.execute();
}

export async function apiAnswerRows(db: Kysely<Database>, responseIds: readonly number[]) {
  if (!responseIds.length) return [];
  return db
    .selectFrom("answers as a")
    .innerJoin("questions as q", "q.id", "a.question_id")
    .select([
      "a.response_id as responseId",
      "q.id as questionId",
      "q.prompt",
      "q.role",
      "q.kind",
      "a.value_text",
      "a.value_number",
      "a.value_json",
    ])
    .where("a.response_id", "in", [...responseIds])
    .orderBy("a.response_id")
    .orderBy("q.position")
    .execute();
}
