import { z } from "zod";
import type { FieldErrors } from "../../utils/forms.js";
import { CHOICE_KINDS, type QuestionKind } from "../questions.js";
import { LOGIC_OP_LABELS, LOGIC_OPS, MAX_CONDITIONS, VALUELESS_OPS, type Condition, type Logic, type LogicOp } from "./rules.js";

/**
 * The builder's side of display logic: the "logic" form (a fixed number of condition rows, so it
 * works without JavaScript; a row left without a question is ignored), its check against the
 * survey's questions (a rule may refer only to earlier questions), the problems a later edit
 * leaves behind (reported before publishing), and a sentence that says what a rule does.
 */

export interface BuilderQuestion {
  id: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  logic?: Logic | null;
}

const MAX_VALUE = 2000;

export const conditionField = (index: number, part: "question" | "op" | "value") => `c${index}_${part}`;

const ref = z.string().max(20).optional();
const value = z.string().max(MAX_VALUE, "Keep the value under 2,000 characters.").optional();

/** The raw form; `checkLogicForm` turns it into a rule against the survey's questions. */
export const LogicFormSchema = z.object({
  combine: z.enum(["all", "any"], { message: "Choose whether all or any of the conditions must match." }).optional(),
  c1_question: ref,
  c1_op: ref,
  c1_value: value,
  c2_question: ref,
  c2_op: ref,
  c2_value: value,
  c3_question: ref,
  c3_op: ref,
  c3_value: value,
});
export type LogicFormInput = z.infer<typeof LogicFormSchema>;

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

/** Values arrive one per line; blank lines are ignored. */
const valueLines = (raw: string | undefined) =>
  (raw ?? "")
    .split(/\r?\n/)
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * The rule for question `questionId`, or a message per field. No condition at all means "always
 * shown" (the rule is removed).
 */
export function checkLogicForm(
  questions: readonly BuilderQuestion[],
  questionId: number,
  form: LogicFormInput,
): { ok: true; logic: Logic | null } | { ok: false; errors: FieldErrors } {
  const input = form as Record<string, string | undefined>;
  const self = questions.findIndex((q) => q.id === questionId);
  const errors: FieldErrors = {};
  const conditions: Condition[] = [];
  for (let i = 1; i <= MAX_CONDITIONS; i++) {
    const rawQuestion = (input[conditionField(i, "question")] ?? "").trim();
    if (!rawQuestion) continue;
    const field = (part: "question" | "op" | "value") => conditionField(i, part);
    const refersTo = Number(rawQuestion);
    const index = questions.findIndex((q) => q.id === refersTo);
    if (index < 0) {
      errors[field("question")] = ["That question is not part of this survey. Choose an earlier question."];
      continue;
    }
    if (index === self) {
      errors[field("question")] = ["A question cannot depend on itself. Choose an earlier question."];
      continue;
    }
    if (index > self) {
      errors[field("question")] = [
        `${quote(questions[index]!.prompt)} comes after this question: a rule can refer only to earlier questions.`,
      ];
      continue;
    }
    const target = questions[index]!;
    const op = input[field("op")] as LogicOp | undefined;
    if (!op || !(LOGIC_OPS as readonly string[]).includes(op)) {
      errors[field("op")] = ["Choose how the answer must match."];
      continue;
    }
    const message = valueProblem(target, op, valueLines(input[field("value")]));
    if (message) {
      errors[field("value")] = [message];
      continue;
    }
    conditions.push({ questionId: target.id, op, values: VALUELESS_OPS.has(op) ? [] : valueLines(input[field("value")]) });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (!conditions.length) return { ok: true, logic: null };
  return { ok: true, logic: { combine: form.combine ?? "all", conditions } };
}

const NUMERIC_KINDS: ReadonlySet<QuestionKind> = new Set(["number", "scale_0_10", "rating_1_5"]);

function valueProblem(target: BuilderQuestion, op: LogicOp, values: string[]): string | null {
  if (VALUELESS_OPS.has(op)) return null;
  if (op === "at_least") {
    if (!NUMERIC_KINDS.has(target.kind)) return `“is at least” needs a number question; ${quote(target.prompt)} is not one.`;
    if (values.length !== 1 || !Number.isFinite(Number(values[0]))) return "Enter one number, like 7.";
    return null;
  }
  if (!values.length) return op === "any_of" ? "Enter the values, one per line." : "Enter the value to compare with.";
  if (op === "equals" && values.length > 1) return "“is” compares with one value; use “is any of” for several, one per line.";
  if (NUMERIC_KINDS.has(target.kind)) {
    const bad = values.find((v) => !Number.isFinite(Number(v)));
    if (bad !== undefined) return `${quote(bad)} is not a number; ${quote(target.prompt)} is answered with a number.`;
  }
  if (CHOICE_KINDS.has(target.kind)) {
    const missing = values.find((v) => !target.options.includes(v));
    if (missing !== undefined) return `${quote(missing)} is not an option of ${quote(target.prompt)}. Use the option exactly as written.`;
  }
  return null;
}

/** One message per broken rule, keyed by the question that carries it: reported in the builder, refused at publishing. */
export function logicProblems(questions: readonly BuilderQuestion[]): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  questions.forEach((q, self) => {
    for (const c of q.logic?.conditions ?? []) {
      const index = questions.findIndex((other) => other.id === c.questionId);
      const target = questions[index];
      let message: string | null = null;
      if (!target) message = "Its rule refers to a question that was removed. Change or remove the rule.";
      else if (index >= self) message = `Its rule refers to ${quote(target.prompt)}, which now comes later. Move it or change the rule.`;
      else {
        const problem = valueProblem(target, c.op, c.values);
        if (problem) message = `Its rule no longer fits ${quote(target.prompt)}: ${problem}`;
      }
      if (message) problems.set(q.id, [...(problems.get(q.id) ?? []), message]);
    }
  });
  return problems;
}

/** "Shown only if “Industry” is “Healthcare”" — for the builder and for the no-JavaScript form. */
export function describeLogic(logic: Logic | null | undefined, questions: ReadonlyArray<Pick<BuilderQuestion, "id" | "prompt">>): string {
  if (!logic?.conditions.length) return "";
  const parts = logic.conditions.map((c) => {
    const target = questions.find((q) => q.id === c.questionId);
    const name = target ? quote(target.prompt) : "a removed question";
    const values = c.values.map(quote).join(" or ");
    return `${name} ${LOGIC_OP_LABELS[c.op]}${VALUELESS_OPS.has(c.op) ? "" : ` ${values}`}`;
  });
  return `Only if ${parts.join(logic.combine === "all" ? " and " : " or ")}`;
}
