/**
 * The per-respondent facts a run keeps (filters and severity, response_facts): read from the
 * answers with a fact role, falling back to the company's industry and region. One function for
 * the full run and for an answer assigned live, so a respondent counts the same way in both.
 */
import type { RoleAnswer, RunResults, ScopeResponse } from "../../db/queries/run-results.js";
import { answerDisplay } from "../../db/queries/themes.js";

export const FACT_ROLES = ["industry", "region", "buying_role", "pain_severity"] as const;
const UNKNOWN = "Unknown";

export function buildResponseFacts(
  responses: readonly ScopeResponse[],
  factAnswers: readonly RoleAnswer[],
  analysed: ReadonlySet<number>,
): RunResults["facts"] {
  const byRole = new Map<string, Map<number, { text: string; number: number | null }>>();
  for (const role of FACT_ROLES) byRole.set(role, new Map());
  for (const a of factAnswers) {
    const number =
      a.value_number ??
      (a.value_text !== null && a.value_text.trim() !== "" && Number.isFinite(Number(a.value_text)) ? Number(a.value_text) : null);
    byRole.get(a.role ?? "")?.set(a.response_id, { text: answerDisplay(a), number });
  }
  const pick = (role: string, responseId: number) => byRole.get(role)?.get(responseId);
  return responses
    .filter((r) => analysed.has(r.id))
    .map((r) => ({
      responseId: r.id,
      surveyId: r.survey_id,
      industry: pick("industry", r.id)?.text || r.industry || UNKNOWN,
      region: pick("region", r.id)?.text || r.region || UNKNOWN,
      buyingRole: pick("buying_role", r.id)?.text || UNKNOWN,
      source: r.source || "unknown",
      severity: pick("pain_severity", r.id)?.number ?? null,
    }));
}
