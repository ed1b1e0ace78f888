import type { Kysely } from "kysely";
import type { Database, Question, Survey } from "../../db/schema.js";
import { countResponses } from "../../db/queries/response-listing.js";
import { questionOptions } from "../../db/queries/surveys.js";
import { loadSurveyForAnswering, surveyHeadBySlug } from "../../db/queries/responses.js";
import type { PublicQuestion } from "./answer-schema.js";
import { isQuestionKind } from "./answer-schema.js";
import { parseStoredLogic } from "./logic/rules.js";
import { surveyQuotas } from "./quotas/quotas.server.js";
import type { Quota } from "./quotas/rules.js";
import { answeringTranslations } from "./i18n/translations.server.js";
import type { FormLanguage } from "./i18n/languages.js";
import type { SurveyStrings } from "./i18n/translation.js";

/**
 * The survey as the public form answers it: its questions in the form's shape, its pages, quotas
 * and translations, cached per slug until the survey changes; and whether it is open.
 */

export interface AnsweringSurvey {
  survey: Survey;
  questions: PublicQuestion[];
  /** the distinct `page` numbers in order; a page index (1-based) points into this list */
  pages: number[];
  /** quotas per segment (ADR 0602); absent: none */
  quotas?: Quota[];
  /** translations that cover the whole survey, by language (ADR 0602); absent: none */
  translations?: Map<FormLanguage, SurveyStrings>;
}

export type Availability = "open" | "closed" | "full";

/** The questions in the public form's shape, in their order (a kind this version does not know is left out). */
export function publicQuestions(questions: Question[]): PublicQuestion[] {
  return questions.map(toPublicQuestion).filter((q): q is PublicQuestion => q !== null);
}

export function toPublicQuestion(q: Question): PublicQuestion | null {
  if (!isQuestionKind(q.kind)) return null;
  return {
    id: q.id,
    page: q.page,
    kind: q.kind,
    prompt: q.prompt,
    helpText: q.help_text,
    options: questionOptions(q),
    allowOther: q.allow_other === 1,
    required: q.required === 1,
    role: q.role,
    logic: parseStoredLogic(q.logic),
  };
}

/**
 * Every page view and post needs the survey and its questions. They change only when a marketer
 * edits the survey, and every edit bumps `updated_at`, so one small query tells whether the parsed
 * copy from an earlier request still holds; status is compared too, so closing a survey takes
 * effect at once.
 */
const answeringCache = new WeakMap<Kysely<Database>, Map<string, AnsweringSurvey>>();
const ANSWERING_CACHE_LIMIT = 200;

/** What a draft and an unknown slug both answer (a 404): a link says nothing about surveys that are not public. */
export const SURVEY_NOT_FOUND = "This survey does not exist or is not open yet.";

/** An open or closed survey with its questions; a draft or unknown slug gives undefined (the same 404). */
export async function loadAnsweringSurvey(db: Kysely<Database>, slug: string): Promise<AnsweringSurvey | undefined> {
  if (!slug || slug.length > 100) return undefined;
  let cache = answeringCache.get(db);
  if (!cache) answeringCache.set(db, (cache = new Map()));
  const head = await surveyHeadBySlug(db, slug);
  if (!head || head.status === "draft") return undefined;
  const cached = cache.get(slug);
  if (cached && cached.survey.id === head.id && cached.survey.updated_at === head.updated_at && cached.survey.status === head.status)
    return cached;
  const found = await loadSurveyForAnswering(db, slug);
  if (!found || found.survey.status === "draft") return undefined;
  const questions = publicQuestions(found.questions);
  const pages = [...new Set(questions.map((q) => q.page))].sort((a, b) => a - b);
  const survey = {
    survey: found.survey,
    questions,
    pages,
    quotas: await surveyQuotas(db, found.survey.id),
    translations: await answeringTranslations(db, found.survey, found.questions),
  };
  if (cache.size >= ANSWERING_CACHE_LIMIT) cache.clear();
  cache.set(slug, survey);
  return survey;
}

export function pageQuestions(s: AnsweringSurvey, pageIndex: number): PublicQuestion[] {
  const page = s.pages[pageIndex - 1];
  return s.questions.filter((q) => q.page === page);
}

export async function surveyAvailability(db: Kysely<Database>, s: AnsweringSurvey, now = new Date()): Promise<Availability> {
  const { survey } = s;
  if (survey.status !== "open" || s.pages.length === 0) return "closed";
  if (survey.closes_at && Date.parse(survey.closes_at) <= now.getTime()) return "closed";
  if (survey.max_responses !== null && (await countResponses(db, { surveyId: survey.id, status: "complete" })) >= survey.max_responses)
    return "full";
  return "open";
}
