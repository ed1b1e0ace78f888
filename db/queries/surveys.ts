import type { Kysely } from "kysely";
import type { Database, Question, Survey, SurveyStatus } from "../schema.js";

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

export function questionRow(surveyId: number, position: number, q: QuestionInput) {
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

export async function findSurveyBySlug(db: Kysely<Database>, slug: string): Promise<Survey | undefined> {
  return db.selectFrom("surveys").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function listQuestions(db: Kysely<Database>, surveyId: number): Promise<Question[]> {
  return db.selectFrom("questions").selectAll().where("survey_id", "=", surveyId).orderBy("position").execute();
}

/** Options are stored as JSON text; a question with none gives []. */
export function questionOptions(question: Pick<Question, "options">): string[] {
  try {
    const parsed: unknown = JSON.parse(question.options);
    return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === "string") : [];
  } catch {
    return [];
  }
}
