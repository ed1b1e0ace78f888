import type { Kysely, Selectable } from "kysely";
import type { AnswersTable, BuilderUndosTable, Database, Question } from "../schema.js";
import { type BuilderResult, done, ownedQuestion, positions, refuse, renumber, touchSurvey } from "./surveys.js";

/**
 * Undo for the builder's destructive actions (ADR 0603). Removing a question deletes it and its
 * answers as before, but first writes what it deletes into builder_undos in the same transaction;
 * closing a survey writes a row too. Within UNDO_MINUTES the row puts things back (same ids, so the
 * logic rules, theme members and trigger corrections that referred to them hold again); after that
 * it is deleted at the next builder write (a snapshot holds answers, which must not linger).
 */
export const UNDO_MINUTES = 10;

type Trx = Kysely<Database>;
type Row = Record<string, unknown>;

interface RemovedQuestion {
  question: Row;
  answers: Row[];
  themeMembers: Row[];
  triggerMentions: Row[];
  triggerCorrections: Row[];
}

export interface UndoItem {
  id: number;
  action: BuilderUndosTable["action"];
  label: string;
  expiresAt: string;
}

async function purgeExpired(trx: Trx, now: Date) {
  await trx.deleteFrom("builder_undos").where("expires_at", "<=", now.toISOString()).execute();
}

async function record(
  trx: Trx,
  surveyId: number,
  action: UndoItem["action"],
  label: string,
  snapshot: unknown,
  userId: number | null,
  now: Date,
) {
  await purgeExpired(trx, now);
  const { id } = await trx
    .insertInto("builder_undos")
    .values({
      survey_id: surveyId,
      action,
      label,
      snapshot: JSON.stringify(snapshot),
      created_by: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + UNDO_MINUTES * 60_000).toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** What a survey's builder can still undo, newest first. */
export async function listUndos(db: Kysely<Database>, surveyId: number, now = new Date()): Promise<UndoItem[]> {
  const rows = await db
    .selectFrom("builder_undos")
    .select(["id", "action", "label", "expires_at"])
    .where("survey_id", "=", surveyId)
    .where("expires_at", ">", now.toISOString())
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, action: r.action, label: r.label, expiresAt: r.expires_at }));
}

const shortPrompt = (prompt: string) => (prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt);

/** Deletes a question (its answers by cascade) after keeping all of it for undo; returns the undo id. */
export async function removeQuestionWithUndo(
  db: Kysely<Database>,
  surveyId: number,
  questionId: number,
  userId: number | null,
  now = new Date(),
): Promise<BuilderResult<{ undoId: number; label: string }>> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownedQuestion(trx, surveyId, questionId))) return refuse("question_not_found");
    const question = (await trx.selectFrom("questions").selectAll().where("id", "=", questionId).executeTakeFirstOrThrow()) as Question;
    const answers = await trx.selectFrom("answers").selectAll().where("question_id", "=", questionId).execute();
    const answerIds = answers.map((a) => a.id);
    const byAnswer = async (table: "theme_members" | "trigger_mentions" | "trigger_corrections") =>
      answerIds.length ? ((await trx.selectFrom(table).selectAll().where("answer_id", "in", answerIds).execute()) as Row[]) : [];
    const snapshot: RemovedQuestion = {
      question: question as unknown as Row,
      answers: answers as unknown as Row[],
      themeMembers: await byAnswer("theme_members"),
      triggerMentions: await byAnswer("trigger_mentions"),
      triggerCorrections: await byAnswer("trigger_corrections"),
    };
    const label = `Question ${question.position} “${shortPrompt(question.prompt)}” removed`;
    const undoId = await record(trx, surveyId, "remove-question", label, snapshot, userId, now);
    await trx.deleteFrom("answers").where("question_id", "=", questionId).execute();
    await trx.deleteFrom("questions").where("id", "=", questionId).where("survey_id", "=", surveyId).execute();
    await renumber(trx, await positions(trx, surveyId));
    await touchSurvey(trx, surveyId);
    return done({ undoId, label });
  });
}

/**
 * open -> closed, with an undo row (undoing it reopens under the same rules as "Reopen").
 * `onClosed` runs in the same transaction (the study summary's job is queued there, ADR 0702).
 */
export async function closeSurveyWithUndo(
  db: Kysely<Database>,
  surveyId: number,
  userId: number | null,
  now = new Date(),
  onClosed?: (trx: Trx) => Promise<void>,
): Promise<BuilderResult<{ undoId: number }>> {
  return db.transaction().execute(async (trx) => {
    const survey = await trx.selectFrom("surveys").select(["status"]).where("id", "=", surveyId).executeTakeFirst();
    if (!survey) return refuse("survey_not_found");
    if (survey.status !== "open") return refuse("not_open");
    await touchSurvey(trx, surveyId, { status: "closed" });
    const undoId = await record(trx, surveyId, "close", "Survey closed", {}, userId, now);
    await onClosed?.(trx);
    return done({ undoId });
  });
}

/** Puts back what an undo row recorded, once; refused when it has expired or is not this survey's. */
export async function undoBuilderAction(
  db: Kysely<Database>,
  surveyId: number,
  undoId: number,
  now = new Date(),
): Promise<BuilderResult<UndoItem["action"]>> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("builder_undos")
      .selectAll()
      .where("id", "=", undoId)
      .where("survey_id", "=", surveyId)
      .where("expires_at", ">", now.toISOString())
      .executeTakeFirst();
    if (!row) return refuse("undo_expired");
    if (row.action === "close") {
      const survey = await trx.selectFrom("surveys").select(["status", "closes_at"]).where("id", "=", surveyId).executeTakeFirstOrThrow();
      if (survey.status !== "closed") return refuse("not_closed");
      if (survey.closes_at && survey.closes_at < now.toISOString()) return refuse("close_date_passed");
    }
    // the row is deleted before anything is put back: of two concurrent undos only one deletes it
    const claimed = await trx.deleteFrom("builder_undos").where("id", "=", row.id).executeTakeFirst();
    if (Number(claimed.numDeletedRows) !== 1) return refuse("undo_expired");
    if (row.action === "close") {
      await touchSurvey(trx, surveyId, { status: "open" });
      return done(row.action);
    }
    await restoreQuestion(trx, surveyId, JSON.parse(row.snapshot) as RemovedQuestion);
    await touchSurvey(trx, surveyId);
    return done(row.action);
  });
}

async function restoreQuestion(trx: Trx, surveyId: number, snapshot: RemovedQuestion) {
  const question = snapshot.question as unknown as Question;
  await trx
    .insertInto("questions")
    .values({ ...question, survey_id: surveyId })
    .execute();
  // back in its old place: the others shift down again
  const others = (await positions(trx, surveyId)).filter((q) => q.id !== question.id);
  const at = Math.min(Math.max(question.position - 1, 0), others.length);
  await renumber(trx, [...others.slice(0, at), { id: question.id, position: question.position }, ...others.slice(at)]);

  // answers whose response still exists, and what hangs off them where its other end still exists
  const answers = snapshot.answers as unknown as Selectable<AnswersTable>[];
  const responseIds = [...new Set(answers.map((a) => a.response_id))];
  const liveResponses = new Set(
    responseIds.length ? (await trx.selectFrom("responses").select("id").where("id", "in", responseIds).execute()).map((r) => r.id) : [],
  );
  const restored = answers.filter((a) => liveResponses.has(a.response_id));
  for (const answer of restored) await trx.insertInto("answers").values(answer).execute();
  const answerIds = new Set(restored.map((a) => a.id));
  const existing = async (table: "themes" | "analysis_runs" | "users", ids: unknown[]) => {
    const wanted = [...new Set(ids.filter((id): id is number => typeof id === "number"))];
    return new Set(wanted.length ? (await trx.selectFrom(table).select("id").where("id", "in", wanted).execute()).map((r) => r.id) : []);
  };
  const runs = await existing(
    "analysis_runs",
    [...snapshot.themeMembers, ...snapshot.triggerMentions].map((r) => r.run_id),
  );
  const themes = await existing(
    "themes",
    snapshot.themeMembers.map((r) => r.theme_id),
  );
  const authors = await existing(
    "users",
    snapshot.triggerCorrections.map((r) => r.author_id),
  );
  const keepRun = (r: Row) => ({ ...r, run_id: runs.has(r.run_id as number) ? r.run_id : null });
  for (const m of snapshot.themeMembers) {
    if (answerIds.has(m.answer_id as number) && themes.has(m.theme_id as number))
      await trx
        .insertInto("theme_members")
        .values(keepRun(m) as never)
        .execute();
  }
  for (const m of snapshot.triggerMentions) {
    if (answerIds.has(m.answer_id as number))
      await trx
        .insertInto("trigger_mentions")
        .values(keepRun(m) as never)
        .execute();
  }
  for (const c of snapshot.triggerCorrections) {
    if (answerIds.has(c.answer_id as number))
      await trx
        .insertInto("trigger_corrections")
        .values({ ...c, author_id: authors.has(c.author_id as number) ? c.author_id : null } as never)
        .execute();
  }
}
