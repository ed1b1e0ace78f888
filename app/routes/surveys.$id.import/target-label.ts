import { META_LABELS } from "~/surveys/import-mapping";

/** What a column maps to, in words: "Q3. What happened?", a respondent detail, or Ignore. */
export function targetLabel(target: string, questions: Array<{ id: number; prompt: string; position: number }>): string {
  if (target.startsWith("q:")) {
    const q = questions.find((x) => x.id === Number(target.slice(2)));
    return q ? `Q${q.position}. ${q.prompt}` : target;
  }
  if (target.startsWith("meta:")) return META_LABELS[target.slice(5) as keyof typeof META_LABELS] ?? target;
  return "Ignore";
}
