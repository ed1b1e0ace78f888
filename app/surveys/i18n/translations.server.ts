import type { Kysely } from "kysely";
import type { Database, Question, Survey } from "../../../db/schema.js";
import { writeTransaction } from "../../../db/group-commit.js";
import { getSurvey, listQuestions, questionOptions, touchSurvey } from "../../../db/queries/surveys.js";
import { deleteTranslation, getTranslation, listTranslationLanguages, saveTranslation } from "../../../db/queries/translations.js";
import { isFormLanguage, type FormLanguage } from "./languages.js";
import { coversSurvey, readStoredStrings, type SourceSurvey, type SurveyStrings } from "./translation.js";

/**
 * Translations on the server (ADR 0602). Every write bumps the survey's updated_at, so the public
 * form's cached survey (which carries its translations) is refreshed on the next request.
 */

function sourceSurvey(survey: Pick<Survey, "title" | "intro">, questions: readonly Question[]): SourceSurvey {
  return {
    title: survey.title,
    intro: survey.intro,
    questions: questions.map((q) => ({ id: q.id, prompt: q.prompt, helpText: q.help_text, options: questionOptions(q) })),
  };
}

export async function loadSource(db: Kysely<Database>, surveyId: number) {
  const survey = await getSurvey(db, surveyId);
  if (!survey) return undefined;
  return { survey, source: sourceSurvey(survey, await listQuestions(db, surveyId)) };
}

export async function storedTranslation(
  db: Kysely<Database>,
  surveyId: number,
  language: FormLanguage,
): Promise<SurveyStrings | undefined> {
  return readStoredStrings(await getTranslation(db, surveyId, language));
}

/** Each translated language with whether it still covers every string of the survey. */
export async function translationStatus(db: Kysely<Database>, surveyId: number, source: SourceSurvey) {
  const out: Array<{ language: FormLanguage; updatedAt: string; complete: boolean }> = [];
  for (const { language, updatedAt } of await listTranslationLanguages(db, surveyId)) {
    if (!isFormLanguage(language)) continue;
    out.push({ language, updatedAt, complete: coversSurvey(source, await storedTranslation(db, surveyId, language)) });
  }
  return out;
}

/** The translations a prospect may be offered: only those that cover every string of the survey as it is now. */
export async function answeringTranslations(
  db: Kysely<Database>,
  survey: Pick<Survey, "id" | "title" | "intro">,
  questions: readonly Question[],
): Promise<Map<FormLanguage, SurveyStrings>> {
  const source = sourceSurvey(survey, questions);
  const out = new Map<FormLanguage, SurveyStrings>();
  for (const { language } of await listTranslationLanguages(db, survey.id)) {
    if (!isFormLanguage(language)) continue;
    const strings = await storedTranslation(db, survey.id, language);
    if (strings && coversSurvey(source, strings)) out.set(language, strings);
  }
  return out;
}

export async function writeTranslation(db: Kysely<Database>, surveyId: number, language: FormLanguage, strings: SurveyStrings) {
  await writeTransaction(db, async (trx) => {
    await saveTranslation(trx, { surveyId, language, strings, now: new Date().toISOString() });
    await touchSurvey(trx, surveyId);
  });
}

export async function removeTranslation(db: Kysely<Database>, surveyId: number, language: FormLanguage) {
  await writeTransaction(db, async (trx) => {
    await deleteTranslation(trx, surveyId, language);
    await touchSurvey(trx, surveyId);
  });
}
