import type { PublicQuestion } from "../answer-schema.js";
import type { SurveyStrings } from "./translation.js";

/**
 * The questions as a prospect reading `strings` sees them: translated prompt and help text, and
 * translated option labels beside the original option values (what is posted and stored).
 */
export function localizeQuestions(questions: readonly PublicQuestion[], strings: SurveyStrings | undefined): PublicQuestion[] {
  if (!strings) return [...questions];
  return questions.map((q) => {
    const t = strings.questions[String(q.id)];
    if (!t) return q;
    return {
      ...q,
      prompt: t.prompt || q.prompt,
      helpText: q.helpText ? t.helpText || q.helpText : "",
      optionLabels: t.options.length === q.options.length ? t.options : undefined,
    };
  });
}

/** The translated label of an option value (the value itself when there is none). */
export function optionLabel(q: Pick<PublicQuestion, "options" | "optionLabels">, value: string): string {
  const i = q.options.indexOf(value);
  return (i >= 0 && q.optionLabels?.[i]) || value;
}
