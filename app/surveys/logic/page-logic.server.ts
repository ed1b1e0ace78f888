import type { AnswerValue, FormValues, PublicQuestion } from "../answer-schema.js";
import { formI18n } from "../i18n/i18n.js";
import { SOURCE_LANGUAGE, type FormLanguage } from "../i18n/languages.js";
import { logicHint } from "./hint.js";
import { hiddenWithoutScript, shownOnPage } from "./page.js";
import { storedAnswerValue, type Logic } from "./rules.js";

/** What the public page needs to apply display logic: in the server render and, live, in the browser. */
export interface PageLogic {
  /** every question of the survey in order, with its rule (evaluation walks them all) */
  questions: Array<{ id: number; logic: Logic | null }>;
  /** stored answers to questions on other pages */
  prior: Array<[number, AnswerValue]>;
  /** hidden in the server render (and so without JavaScript) */
  hidden: number[];
  /** "Only if ..." for questions that depend on this same page, shown until the script takes over */
  hints: Record<number, string>;
}

export function pageLogic(
  all: readonly PublicQuestion[],
  page: readonly PublicQuestion[],
  stored: ReadonlyArray<{ question_id: number; value_text: string | null; value_number: number | null; value_json: string | null }>,
  values: FormValues,
  /** the form's language; `all` and `page` come localized in it (their prompts and option labels are quoted) */
  lang: FormLanguage = SOURCE_LANGUAGE,
): PageLogic {
  const onPage = new Set(page.map((q) => q.id));
  const prior: Array<[number, AnswerValue]> = stored
    .filter((a) => !onPage.has(a.question_id))
    .map((a) => [a.question_id, storedAnswerValue(a)]);
  const visible = shownOnPage(all, page, new Map(prior), values);
  const hints: Record<number, string> = {};
  for (const q of page) {
    if (q.logic?.conditions.some((c) => onPage.has(c.questionId))) hints[q.id] = logicHint(q.logic, all, formI18n(lang).t);
  }
  return {
    questions: all.map((q) => ({ id: q.id, logic: q.logic ?? null })),
    prior,
    hidden: [...hiddenWithoutScript(page, visible)],
    hints,
  };
}
