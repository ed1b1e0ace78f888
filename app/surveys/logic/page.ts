import {
  parseDraftAnswers,
  parsePageAnswers,
  type AnswerValue,
  type FormValues,
  type PageAnswers,
  type PublicQuestion,
} from "../answer-schema.js";
import type { FieldErrors } from "../../utils/forms.js";
import { visibleQuestionIds, type LogicQuestion } from "./rules.js";

/**
 * One page of answers with display logic applied: which of the page's questions are shown given the
 * earlier answers (`prior`) and what is typed on the page now, and the page parsed so that a hidden
 * question is never required and its posted answer is stored as nothing. The browser runs the same
 * code on every change to show and hide questions live.
 */

/** The shown questions of `questions` (the whole survey, in order), given earlier answers and the page as typed. */
export function shownOnPage(
  questions: readonly LogicQuestion[],
  page: readonly PublicQuestion[],
  prior: ReadonlyMap<number, AnswerValue>,
  input: FormValues,
): Set<number> {
  const answers = new Map(prior);
  for (const q of page) answers.delete(q.id);
  for (const { questionId, value } of parseDraftAnswers([...page], input)) if (value) answers.set(questionId, value);
  return visibleQuestionIds(questions, answers);
}

export function parseShownPage(
  questions: readonly LogicQuestion[],
  page: readonly PublicQuestion[],
  prior: ReadonlyMap<number, AnswerValue>,
  input: FormValues,
  mode: "next" | "back",
): { success: true; data: PageAnswers } | { success: false; errors: FieldErrors } {
  const visible = shownOnPage(questions, page, prior, input);
  const shown = page.filter((q) => visible.has(q.id));
  const hidden: PageAnswers = page.filter((q) => !visible.has(q.id)).map((q) => ({ questionId: q.id, value: null }));
  if (mode === "back") return { success: true, data: [...parseDraftAnswers(shown, input), ...hidden] };
  const parsed = parsePageAnswers(shown, input);
  return parsed.success ? { success: true, data: [...parsed.data, ...hidden] } : parsed;
}

/** True when any question of the survey carries a rule (the common case, none, skips the extra work). */
export function hasLogic(questions: readonly LogicQuestion[]): boolean {
  return questions.some((q) => q.logic);
}

/**
 * What the server renders hidden: a question hidden by answers on earlier pages. A question whose
 * rule looks at a question on this same page stays in view without JavaScript (with a sentence
 * saying when to answer it), since only the browser can react to the page as it is typed; the
 * server still ignores its answer when the rule does not hold.
 */
export function hiddenWithoutScript(page: readonly PublicQuestion[], visible: ReadonlySet<number>): Set<number> {
  const onPage = new Set(page.map((q) => q.id));
  return new Set(
    page.filter((q) => !visible.has(q.id) && !(q.logic?.conditions ?? []).some((c) => onPage.has(c.questionId))).map((q) => q.id),
  );
}
