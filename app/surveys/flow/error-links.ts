import { fieldName, otherFieldName, type PublicQuestion } from "../answer-schema.js";
import type { FieldErrors } from "../../utils/forms.js";

export interface ErrorLink {
  questionId: number;
  /** the id of the control that takes the answer (the first choice of a choice question) */
  target: string;
  text: string;
}

/** The error summary's links, in the page's order: one per refused field, to the control that fixes it. */
/** `say` puts a prompt and its message together in the form's language (i18next's `errorLink`). */
export function errorLinks(
  questions: readonly PublicQuestion[],
  errors: FieldErrors | undefined,
  say: (prompt: string, message: string) => string = (prompt, message) => `${prompt}: ${message}`,
): ErrorLink[] {
  if (!errors) return [];
  const links: ErrorLink[] = [];
  for (const q of questions) {
    const main = errors[fieldName(q.id)]?.[0];
    if (main) {
      const choices =
        q.kind !== "short_text" && q.kind !== "long_text" && q.kind !== "email" && q.kind !== "number" && q.kind !== "consent";
      links.push({ questionId: q.id, target: choices ? `q${q.id}-0` : `q${q.id}`, text: say(q.prompt, main) });
    }
    const other = errors[otherFieldName(q.id)]?.[0];
    if (other) links.push({ questionId: q.id, target: `q${q.id}-other-text`, text: say(q.prompt, other) });
  }
  return links;
}
