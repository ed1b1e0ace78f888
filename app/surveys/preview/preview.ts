import { z } from "zod";
import { answerFormValues, pageFormValues, type AnswerValue, type FormValues, type PublicQuestion } from "../answer-schema.js";
import type { FieldErrors } from "../../utils/forms.js";
import { parseShownPage } from "../logic/page.js";
import { nextPageIndex, previousPageIndex, visibleQuestionIds, visiblePageIndexes } from "../logic/rules.js";

/**
 * The builder's preview: the survey page by page as a prospect sees it, logic included, with
 * nothing written. The answers so far travel with the form (a hidden field), so each step is a
 * pure function of the post: the same parsing and page routing as the real form.
 */

export type PreviewAnswers = Record<string, AnswerValue>;

const AnswerValueSchema = z.object({
  text: z.string().max(20_000).nullable(),
  number: z.number().nullable(),
  json: z.array(z.string().max(20_000)).max(200).nullable(),
});

/** The hidden `answers` field: JSON of question id -> answer; junk reads as "nothing answered yet". */
export function readPreviewAnswers(raw: unknown): PreviewAnswers {
  if (typeof raw !== "string" || raw.length > 500_000) return {};
  try {
    const parsed = z.record(z.string().regex(/^\d{1,15}$/), AnswerValueSchema).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export interface PreviewSurvey {
  questions: PublicQuestion[];
  pages: number[];
}

export type PreviewStep =
  | { kind: "page"; pageIndex: number; answers: PreviewAnswers; errors?: FieldErrors; values: FormValues }
  | { kind: "done"; answers: PreviewAnswers };

export const pageOf = (s: PreviewSurvey, pageIndex: number) => s.questions.filter((q) => q.page === s.pages[pageIndex - 1]);

/** The form values of a page from the answers so far (what a resumed page shows). */
export function previewValues(s: PreviewSurvey, pageIndex: number, answers: PreviewAnswers): FormValues {
  const values: FormValues = {};
  for (const q of pageOf(s, pageIndex)) {
    const a = answers[q.id];
    if (a)
      Object.assign(
        values,
        answerFormValues(q, { value_text: a.text, value_number: a.number, value_json: a.json && JSON.stringify(a.json) }),
      );
  }
  return values;
}

export function previewStep(
  s: PreviewSurvey,
  pageIndex: number,
  answers: PreviewAnswers,
  input: FormValues,
  mode: "next" | "back",
): PreviewStep {
  const page = pageOf(s, pageIndex);
  const prior = new Map(Object.entries(answers).map(([id, a]) => [Number(id), a] as const));
  const parsed = parseShownPage(s.questions, page, prior, input, mode);
  if (!parsed.success) return { kind: "page", pageIndex, answers, errors: parsed.errors, values: pageFormValues(page, input) };
  for (const { questionId, value } of parsed.data) {
    if (value) prior.set(questionId, value);
    else prior.delete(questionId);
  }
  const visible = visibleQuestionIds(s.questions, prior);
  for (const id of [...prior.keys()]) if (!visible.has(id)) prior.delete(id);
  const next: PreviewAnswers = Object.fromEntries([...prior].map(([id, a]) => [String(id), a]));
  const pages = visiblePageIndexes(s.questions, s.pages, visible);
  const target = mode === "back" ? previousPageIndex(pages, pageIndex) : nextPageIndex(pages, pageIndex);
  if (target === null) return { kind: "done", answers: next };
  return { kind: "page", pageIndex: target, answers: next, values: previewValues(s, target, next) };
}
