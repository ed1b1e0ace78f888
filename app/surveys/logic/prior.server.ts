import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { findResponseByTokenHash, listResponseAnswers } from "../../../db/queries/responses.js";
import type { AnswerValue } from "../answer-schema.js";
import { storedAnswerValue } from "./rules.js";

/**
 * The answers a response already holds, by question: what display logic on the posted page is
 * evaluated against. Read only when the survey has logic; a post without a resume token (page 1)
 * has nothing stored yet.
 */
export async function storedAnswers(
  db: Kysely<Database>,
  surveyId: number,
  tokenHash: string | undefined,
): Promise<Map<number, AnswerValue>> {
  if (!tokenHash) return new Map();
  const response = await findResponseByTokenHash(db, surveyId, tokenHash);
  if (!response) return new Map();
  return new Map((await listResponseAnswers(db, response.id)).map((a) => [a.question_id, storedAnswerValue(a)]));
}
