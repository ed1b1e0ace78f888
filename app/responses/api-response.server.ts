import type { Kysely } from "kysely";
import { apiAnswerRows, apiResponseRows, type ApiResponseQuery } from "../../db/queries/api-responses.js";
import { answerValue } from "../../db/queries/response-listing.js";
import type { Database } from "../../db/schema.js";
import { visibleAnswer, visibleIdentity } from "../consent/consent-rule.js";
import { consentStates } from "../consent/consent-states.server.js";

/**
 * A response as the CRM API and the `response.completed` webhook show it: who answered only under
 * the consent rule (name, email, company and identifying answers hidden without permission to
 * contact), every answer with its question.
 */
export async function apiResponses(db: Kysely<Database>, q: ApiResponseQuery) {
  const rows = await apiResponseRows(db, q);
  const [answers, states] = await Promise.all([
    apiAnswerRows(
      db,
      rows.map((r) => r.id),
    ),
    consentStates(
      db,
      rows.flatMap((r) => (r.personId === null ? [] : [r.personId])),
    ),
  ]);
  return rows.map((r) => {
    const who = visibleIdentity(
      {
        personId: r.personId,
        name: r.personName,
        email: r.personEmail,
        company: r.company,
        role: r.jobTitle,
        industry: r.industry,
        region: r.region,
      },
      r.personId === null ? undefined : states.get(r.personId),
    );
    return {
      id: r.id,
      survey_id: r.surveyId,
      survey_title: r.surveyTitle,
      status: r.status,
      source: r.source,
      campaign: r.campaign,
      started_at: r.startedAt,
      updated_at: r.updatedAt,
      completed_at: r.completedAt,
      person:
        r.personId === null
          ? null
          : {
              id: r.personId,
              label: who.label,
              named: who.named,
              name: who.name,
              email: who.email,
              company: who.company,
              descriptor: who.descriptor,
            },
      answers: answers
        .filter((a) => a.responseId === r.id)
        .map((a) => {
          const value = answerValue(a.kind, a);
          return {
            question_id: a.questionId,
            prompt: a.prompt,
            role: a.role,
            value: typeof value === "string" ? visibleAnswer(a.role, value, who.named) : value,
          };
        }),
    };
  });
}
