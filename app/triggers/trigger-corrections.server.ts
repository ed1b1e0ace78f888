import type { Kysely } from "kysely";
import { isTriggerType } from "../../analysis/index.js";
import { correctedTriggers } from "./corrected-triggers.server.js";
import {
  correctableAnswer,
  correctionsForAnswers,
  deleteCorrection,
  replaceAnswerMentions,
  saveCorrection,
} from "../../db/queries/trigger-corrections.js";
import type { Database } from "../../db/schema.js";
import { TRIGGER_TEXT_ROLES, type QuestionRole } from "../surveys/questions.js";
import { reassessPerson } from "../prospects/readiness.server.js";
import type { AnswerTrigger } from "./correction-schema.js";

/**
 * Marketers teach the trigger detector: a correction of one answer is stored (who, when), the
 * answer's mentions are rewritten at once in the same transaction, and the person is re-scored,
 * so sales sees the new band and reasons before any re-run; runs apply stored corrections again.
 */

export class CorrectionRefused extends Error {}

export interface CorrectionRequest {
  answerId: number;
  type: string;
  action: "reject" | "add" | "undo";
  timing: "past" | "upcoming" | "unknown" | null;
  userId: number;
}

export async function correctTrigger(db: Kysely<Database>, request: CorrectionRequest): Promise<{ personId: number | null }> {
  if (!isTriggerType(request.type)) throw new CorrectionRefused("Unknown trigger type.");
  const answer = await correctableAnswer(db, request.answerId);
  if (!answer) throw new CorrectionRefused("That answer no longer exists.");
  if (!answer.role || !TRIGGER_TEXT_ROLES.has(answer.role as QuestionRole) || !answer.value_text?.trim()) {
    throw new CorrectionRefused("Only written answers to the story, trigger and cost questions carry detected triggers.");
  }
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    if (request.action === "undo") await deleteCorrection(trx, answer.id, request.type);
    else
      await saveCorrection(trx, {
        answerId: answer.id,
        type: request.type,
        action: request.action,
        timing: request.timing,
        authorId: request.userId,
        now,
      });
    const stored = (await correctionsForAnswers(trx, [answer.id])).get(answer.id) ?? [];
    const mentions = correctedTriggers(answer.value_text ?? "", stored);
    await replaceAnswerMentions(
      trx,
      answer.id,
      null, // written by a marketer, not by a run
      mentions.map((m) => ({
        answerId: answer.id,
        responseId: answer.response_id,
        type: m.type,
        timing: m.timing,
        phrase: m.phrase.slice(0, 300),
        origin: m.corrected ? "correction" : "text",
        confidence: m.confidence,
      })),
    );
  });
  if (answer.person_id !== null) await reassessPerson(db, answer.person_id);
  return { personId: answer.person_id };
}

/**
 * What a page shows under each answer: the detector's findings on its words with the marketers'
 * corrections applied, the same computation readiness uses, so the page and sales agree even
 * before the next analysis run.
 */
export async function answerTriggers(db: Kysely<Database>, answers: readonly { answerId: number; text: string }[]) {
  const corrections = await correctionsForAnswers(
    db,
    answers.map((a) => a.answerId),
  );
  const out: Record<number, { mentions: AnswerTrigger[]; corrections: { type: string; action: "reject" | "add" }[] }> = {};
  for (const { answerId, text } of answers) {
    const own = corrections.get(answerId) ?? [];
    const mentions = correctedTriggers(text, own);
    out[answerId] = {
      mentions: mentions.map((m) => ({
        type: m.type,
        timing: m.timing,
        phrase: m.phrase,
        confidence: m.confidence,
        origin: m.corrected ? "correction" : "text",
      })),
      corrections: own.map((c) => ({ type: c.trigger_type, action: c.action })),
    };
  }
  return out;
}
