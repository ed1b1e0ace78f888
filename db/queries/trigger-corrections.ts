import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, TriggerCorrectionsTable } from "../schema.js";
import { chunks } from "./util.js";

export type TriggerCorrectionRow = Selectable<TriggerCorrectionsTable>;

export interface CorrectionInput {
  answerId: number;
  type: string;
  action: "reject" | "add";
  timing: "past" | "upcoming" | "unknown" | null;
  authorId: number | null;
  now: string;
}

/** One correction per answer and type: a later one replaces the earlier (marking wrong, then adding back). */
export async function saveCorrection(trx: Transaction<Database>, input: CorrectionInput): Promise<void> {
  await trx.deleteFrom("trigger_corrections").where("answer_id", "=", input.answerId).where("trigger_type", "=", input.type).execute();
  await trx
    .insertInto("trigger_corrections")
    .values({
      answer_id: input.answerId,
      trigger_type: input.type,
      action: input.action,
      timing: input.action === "add" ? input.timing : null,
      author_id: input.authorId,
      created_at: input.now,
    })
    .execute();
}

export async function deleteCorrection(trx: Transaction<Database>, answerId: number, type: string): Promise<number> {
  const result = await trx
    .deleteFrom("trigger_corrections")
    .where("answer_id", "=", answerId)
    .where("trigger_type", "=", type)
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

export async function correctionsForAnswers(
  db: Kysely<Database>,
  answerIds: readonly number[],
): Promise<Map<number, TriggerCorrectionRow[]>> {
  const out = new Map<number, TriggerCorrectionRow[]>();
  for (const ids of chunks([...new Set(answerIds)])) {
    if (!ids.length) continue;
    const rows = await db.selectFrom("trigger_corrections").selectAll().where("answer_id", "in", ids).orderBy("id").execute();
    for (const row of rows) {
      const list = out.get(row.answer_id) ?? [];
      list.push(row);
      out.set(row.answer_id, list);
    }
  }
  return out;
}

/** Every corrected answer with its text, for retraining (npm run triggers:train). */
export async function correctedAnswers(
  db: Kysely<Database>,
): Promise<{ answerId: number; text: string; corrections: TriggerCorrectionRow[] }[]> {
  const rows = await db
    .selectFrom("trigger_corrections as c")
    .innerJoin("answers as a", "a.id", "c.answer_id")
    .select(["c.id", "c.answer_id", "c.trigger_type", "c.action", "c.timing", "c.author_id", "c.created_at", "a.value_text"])
    .orderBy("c.answer_id")
    .orderBy("c.id")
    .execute();
  const byAnswer = new Map<number, { answerId: number; text: string; corrections: TriggerCorrectionRow[] }>();
  for (const { value_text, ...c } of rows) {
    const entry = byAnswer.get(c.answer_id) ?? { answerId: c.answer_id, text: value_text ?? "", corrections: [] };
    entry.corrections.push(c);
    byAnswer.set(c.answer_id, entry);
  }
  return [...byAnswer.values()];
}

export interface MentionRow {
  answerId: number;
  responseId: number;
  type: string;
  timing: "past" | "upcoming" | "unknown";
  phrase: string;
  origin: "text" | "choice" | "correction";
  confidence: number;
}

/** Replace one answer's text mentions (a correction changes them at once, before any re-run). */
export async function replaceAnswerMentions(
  trx: Transaction<Database>,
  answerId: number,
  runId: number | null,
  mentions: readonly MentionRow[],
): Promise<void> {
  await trx.deleteFrom("trigger_mentions").where("answer_id", "=", answerId).where("origin", "in", ["text", "correction"]).execute();
  if (!mentions.length) return;
  await trx
    .insertInto("trigger_mentions")
    .values(
      mentions.map((m) => ({
        answer_id: m.answerId,
        response_id: m.responseId,
        run_id: runId,
        trigger_type: m.type,
        timing: m.timing,
        phrase: m.phrase,
        origin: m.origin,
        confidence: m.confidence,
      })),
    )
    .execute();
}

/** The answer a correction targets, with what decides whether it can carry triggers. */
export async function correctableAnswer(db: Kysely<Database>, answerId: number) {
  return db
    .selectFrom("answers as a")
    .innerJoin("responses as r", "r.id", "a.response_id")
    .innerJoin("questions as q", "q.id", "a.question_id")
    .select(["a.id", "a.response_id", "a.value_text", "r.person_id", "q.role"])
    .where("a.id", "=", answerId)
    .executeTakeFirst();
}
