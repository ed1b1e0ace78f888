import type { AnsweringSurvey } from "../submission.server.js";
import { localizeQuestions } from "./localize.js";
import { chooseLanguage } from "./negotiate.server.js";
import { SOURCE_LANGUAGE, type FormLanguage } from "./languages.js";

/** The public form in the prospect's language: which one, the languages offered, and the survey's texts in it. */
export function answeringLanguage(request: Request, s: AnsweringSurvey, explicit?: string | null) {
  const languages: FormLanguage[] = [SOURCE_LANGUAGE, ...(s.translations?.keys() ?? [])];
  const lang = chooseLanguage(request, languages, explicit);
  const strings = s.translations?.get(lang);
  return {
    lang,
    languages,
    title: strings?.title || s.survey.title,
    intro: strings ? strings.intro : s.survey.intro,
    localize: (questions: AnsweringSurvey["questions"]) => localizeQuestions(questions, strings),
  };
}
