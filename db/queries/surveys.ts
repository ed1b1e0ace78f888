import type { Kysely } from "kysely";
import type { Database, Question, Survey, SurveyStatus } from "../schema.js";
import { parseJson } from "./util.js";

export interface QuestionInput {
  page: number;
  kind: string;
  prompt: string;
  helpText?: string;
  options?: string[];
  allowOther?: boolean;
  required?: boolean;
  role: string | null;
}

export interface SurveyInput {
  slug: string;
  title: string;
  intro: string;
  template: string | null;
  templateVars?: Record<string, string>;
  status?: SurveyStatus;
  closesAt?: string | null;
  maxResponses?: number | null;
  createdBy: number | null;
}

/** A survey and its questions in one transaction; positions follow the given order. */
export async function createSurvey(db: Kysely<Database>, survey: SurveyInput, questions: QuestionInput[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const status = survey.status ?? "draft";
    const { id } = await trx
      .insertInto("surveys")
      .values({
        slug: survey.slug,
        title: survey.title,
        intro: survey.intro,
        status,
        template: survey.template,
        template_vars: JSON.stringify(survey.templateVars ?? {}),
        closes_at: survey.closesAt ?? null,
        max_responses: survey.maxResponses ?? null,
        created_by: survey.createdBy,
        created_at: now,
        updated_at: now,
        published_at: status === "open" ? now : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (questions.length) {
      await trx
        .insertInto("questions")
        .values(questions.map((q, index) => questionRow(id, index + 1, q)))
        .execute();
    }
    return id;
  });
}

function questionRow(surveyId: number, position: number, q: QuestionInput) {
  return {
    survey_id: surveyId,
    position,
    page: q.page,
    kind: q.kind,
    prompt: q.prompt,
    help_text: q.helpText ?? "",
    options: JSON.stringify(q.options ?? []),
    allow_other: q.allowOther ? 1 : 0,
    required: q.required ? 1 : 0,
    role: q.role,
  };
}

export async function getSurvey(db: Kysely<Database>, id: number): Promise<Survey | undefined> {
  return db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Surveys for a filter's select, newest first; drafts left out when they have nothing to show. */
export async function listSurveyChoices(
  db: Kysely<Database>,
  options: { excludeDrafts?: boolean } = {},
): Promise<Array<{ id: number; title: string; status: string }>> {
  let query = db.selectFrom("surveys").select(["id", "title", "status"]);
  if (options.excludeDrafts) query = query.where("status", "<>", "draft");
  return query.orderBy("id", "desc").execute();
}

export async function listQuestions(db: Kysely<Database>, surveyId: number): Promise<Question[]> {
  return db.selectFrom("questions").selectAll().where("survey_id", "=", surveyId).orderBy("position").execute();
}

/** Options are stored as JSON text; a question with none gives []. */
export function questionOptions(question: Pick<Question, "options">): string[] {
  const parsed = parseJson<unknown>(question.options, []);
  return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === "string") : [];
}

// ---------------------------------------------------------------------------------------------
// Builder (surveys list and edit page). Every write bumps surveys.updated_at in the same transaction,
// and every question write checks that the question belongs to the survey inside that transaction.

export interface SurveyListItem {
  id: number;
  slug: string;
  title: string;
  status: SurveyStatus;
  closes_at: string | null;
  max_responses: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  question_count: number;
  complete_count: number;
  partial_count: number;
}

/** Every survey, newest first, with its question and response counts. */
export async function listSurveysWithCounts(db: Kysely<Database>): Promise<SurveyListItem[]> {
  const [surveys, questionCounts, responseCounts] = await Promise.all([
    db
      .selectFrom("surveys")
      .select(["id", "slug", "title", "status", "closes_at", "max_responses", "created_at", "updated_at", "published_at"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute(),
    db
      .selectFrom("questions")
      .select((eb) => ["survey_id", eb.fn.countAll().as("n")])
      .groupBy("survey_id")
      .execute(),
    db
      .selectFrom("responses")
      .select((eb) => ["survey_id", "status", eb.fn.countAll().as("n")])
      .groupBy(["survey_id", "status"])
      .execute(),
  ]);
  const questions = new Map(questionCounts.map((r) => [r.survey_id, Number(r.n)]));
  const complete = new Map<number, number>();
  const partial = new Map<number, number>();
  for (const r of responseCounts) (r.status === "complete" ? complete : partial).set(r.survey_id, Number(r.n));
  return surveys.map((s) => ({
    ...s,
    max_responses: s.max_responses === null ? null : Number(s.max_responses),
    question_count: questions.get(s.id) ?? 0,
    complete_count: complete.get(s.id) ?? 0,
    partial_count: partial.get(s.id) ?? 0,
  }));
}

/** Complete and partial response counts of one survey. */
export async function surveyResponseCounts(db: Kysely<Database>, surveyId: number): Promise<{ complete: number; partial: number }> {
  const rows = await db
    .selectFrom("responses")
    .select((eb) => ["status", eb.fn.countAll().as("n")])
    .where("survey_id", "=", surveyId)
    .groupBy("status")
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { complete: count("complete"), partial: count("partial") };
}

/** Why a builder write was refused; the route turns it into a message. */
export type BuilderRefusal =
  | "survey_not_found"
  | "question_not_found"
  | "no_questions"
  | "not_draft"
  | "not_open"
  | "not_closed"
  | "close_date_passed"
  | "undo_expired";

export type BuilderResult<T = undefined> = { ok: true; value: T } | { ok: false; reason: BuilderRefusal };

type Trx = Kysely<Database>;

export const refuse = (reason: BuilderRefusal) => ({ ok: false as const, reason });
export const done = <T>(value: T) => ({ ok: true as const, value });

/**
 * Every edit moves updated_at strictly forward, even two edits within one millisecond: the public
 * form's survey cache (loadAnsweringSurvey) trusts an unchanged updated_at to mean "unchanged".
 */
export async function touchSurvey(
  trx: Trx,
  surveyId: number,
  set: Partial<Pick<Survey, "title" | "intro" | "status" | "closes_at" | "max_responses" | "one_at_a_time" | "published_at">> = {},
) {
  const current = await trx.selectFrom("surveys").select("updated_at").where("id", "=", surveyId).executeTakeFirst();
  if (!current) return false;
  const now = Date.now();
  const previous = Date.parse(current.updated_at);
  const updatedAt = new Date(Number.isFinite(previous) && previous >= now ? previous + 1 : now).toISOString();
  const result = await trx
    .updateTable("surveys")
    .set({ ...set, updated_at: updatedAt })
    .where("id", "=", surveyId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function ownedQuestion(trx: Trx, surveyId: number, questionId: number) {
  const question = await trx.selectFrom("questions").select(["id", "survey_id"]).where("id", "=", questionId).executeTakeFirst();
  return question && question.survey_id === surveyId ? question : undefined;
}

/** Rewrites positions as 1..n in the given order (only rows whose position changes). */
export async function renumber(trx: Trx, ordered: Array<{ id: number; position: number }>) {
  for (const [index, q] of ordered.entries()) {
    if (q.position !== index + 1) {
      await trx
        .updateTable("questions")
        .set({ position: index + 1 })
        .where("id", "=", q.id)
        .execute();
    }
  }
}

export async function positions(trx: Trx, surveyId: number) {
  return trx
    .selectFrom("questions")
    .select(["id", "position"])
    .where("survey_id", "=", surveyId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function updateSurveyDetails(
  db: Kysely<Database>,
  surveyId: number,
  details: { title: string; intro: string },
): Promise<BuilderResult> {
  return db
    .transaction()
    .execute(async (trx) =>
      (await touchSurvey(trx, surveyId, { title: details.title, intro: details.intro })) ? done(undefined) : refuse("survey_not_found"),
    );
}

export async function setSurveyLimits(
  db: Kysely<Database>,
  surveyId: number,
  limits: { closesAt: string | null; maxResponses: number | null },
  /** runs in the same transaction once saved (the study summary's run, ADR 0702) */
  onSaved?: (trx: Kysely<Database>) => Promise<void>,
): Promise<BuilderResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await touchSurvey(trx, surveyId, { closes_at: limits.closesAt, max_responses: limits.maxResponses })))
      return refuse("survey_not_found");
    await onSaved?.(trx);
    return done(undefined);
  });
}

/** One question per screen with JavaScript (ADR 0601); the page-per-step form stays the no-JavaScript path. */
export async function setSurveyFlow(db: Kysely<Database>, surveyId: number, flow: { oneAtATime: boolean }): Promise<BuilderResult> {
  return db
    .transaction()
    .execute(async (trx) =>
      (await touchSurvey(trx, surveyId, { one_at_a_time: flow.oneAtATime ? 1 : 0 })) ? done(undefined) : refuse("survey_not_found"),
    );
}

/** Appends a question at the end; returns its id. */
export async function addQuestion(db: Kysely<Database>, surveyId: number, question: QuestionInput): Promise<BuilderResult<number>> {
  return db.transaction().execute(async (trx) => {
    if (!(await touchSurvey(trx, surveyId))) return refuse("survey_not_found");
    const last = await trx
      .selectFrom("questions")
      .select((eb) => eb.fn.max("position").as("max"))
      .where("survey_id", "=", surveyId)
      .executeTakeFirst();
    const position = Number(last?.max ?? 0) + 1;
    const { id } = await trx
      .insertInto("questions")
      .values(questionRow(surveyId, position, question))
      .returning("id")
      .executeTakeFirstOrThrow();
    return done(id);
  });
}

export async function updateQuestion(
  db: Kysely<Database>,
  surveyId: number,
  questionId: number,
  question: QuestionInput,
): Promise<BuilderResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownedQuestion(trx, surveyId, questionId))) return refuse("question_not_found");
    const { survey_id: _survey, position: _position, ...row } = questionRow(surveyId, 0, question);
    await trx.updateTable("questions").set(row).where("id", "=", questionId).where("survey_id", "=", surveyId).execute();
    await touchSurvey(trx, surveyId);
    return done(undefined);
  });
}

/** Deletes a question (and, by cascade, its answers) and closes the gap in positions. */
export async function removeQuestion(db: Kysely<Database>, surveyId: number, questionId: number): Promise<BuilderResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownedQuestion(trx, surveyId, questionId))) return refuse("question_not_found");
    await trx.deleteFrom("answers").where("question_id", "=", questionId).execute();
    await trx.deleteFrom("questions").where("id", "=", questionId).where("survey_id", "=", surveyId).execute();
    await renumber(trx, await positions(trx, surveyId));
    await touchSurvey(trx, surveyId);
    return done(undefined);
  });
}

/** Swaps a question with its neighbour; at either end it stays put. Positions end up 1..n. */
export async function moveQuestion(
  db: Kysely<Database>,
  surveyId: number,
  questionId: number,
  direction: "up" | "down",
): Promise<BuilderResult<{ moved: boolean }>> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownedQuestion(trx, surveyId, questionId))) return refuse("question_not_found");
    const ordered = await positions(trx, surveyId);
    const index = ordered.findIndex((q) => q.id === questionId);
    const target = direction === "up" ? index - 1 : index + 1;
    const moved = target >= 0 && target < ordered.length;
    const next = ordered.map((q) => ({ ...q }));
    if (moved) [next[index], next[target]] = [next[target]!, next[index]!];
    // each row carries its stored position, so only rows whose place changed are written
    await renumber(trx, next);
    await touchSurvey(trx, surveyId);
    return done({ moved });
  });
}

/** Sets (or with null clears) a question's display logic, stored as JSON text. */
export async function setQuestionLogic(
  db: Kysely<Database>,
  surveyId: number,
  questionId: number,
  logic: unknown | null,
): Promise<BuilderResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownedQuestion(trx, surveyId, questionId))) return refuse("question_not_found");
    await trx
      .updateTable("questions")
      .set({ logic: logic === null ? null : JSON.stringify(logic) })
      .where("id", "=", questionId)
      .where("survey_id", "=", surveyId)
      .execute();
    await touchSurvey(trx, surveyId);
    return done(undefined);
  });
}

/** draft -> open (needs at least one question; sets published_at), open -> closed, closed -> open. */
export async function changeSurveyStatus(
  db: Kysely<Database>,
  surveyId: number,
  action: "publish" | "close" | "reopen",
): Promise<BuilderResult<SurveyStatus>> {
  return db.transaction().execute(async (trx) => {
    const survey = await trx.selectFrom("surveys").select(["id", "status", "closes_at"]).where("id", "=", surveyId).executeTakeFirst();
    if (!survey) return refuse("survey_not_found");
    const now = new Date().toISOString();
    if (action === "publish") {
      if (survey.status !== "draft") return refuse("not_draft");
      const count = await trx
        .selectFrom("questions")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("survey_id", "=", surveyId)
        .executeTakeFirst();
      if (Number(count?.n ?? 0) === 0) return refuse("no_questions");
      if (survey.closes_at && survey.closes_at < now) return refuse("close_date_passed");
      await touchSurvey(trx, surveyId, { status: "open", published_at: now });
      return done("open" as const);
    }
    if (action === "close") {
      if (survey.status !== "open") return refuse("not_open");
      await touchSurvey(trx, surveyId, { status: "closed" });
      return done("closed" as const);
    }
    if (survey.status !== "closed") return refuse("not_closed");
    if (survey.closes_at && survey.closes_at < now) return refuse("close_date_passed");
    await touchSurvey(trx, surveyId, { status: "open" });
    return done("open" as const);
  });
}
