import { z } from "zod";
import type { AnswerValue } from "../answer-schema.js";

/**
 * Display logic: a question is shown only when earlier answers match its rule. Pure and shared by
 * the server (which decides what counts) and the browser (which shows and hides live). A page
 * whose questions are all hidden is skipped.
 *
 * Evaluation walks the questions in survey order; a hidden question's answer counts as nothing for
 * the questions after it, so a chain of rules hides a whole branch.
 */

export const LOGIC_OPS = ["equals", "any_of", "at_least", "answered", "not_answered"] as const;
export type LogicOp = (typeof LOGIC_OPS)[number];

export const LOGIC_OP_LABELS: Record<LogicOp, string> = {
  equals: "is",
  any_of: "is any of",
  at_least: "is at least",
  answered: "is answered",
  not_answered: "is not answered",
};

/** Ops that take no value. */
export const VALUELESS_OPS: ReadonlySet<LogicOp> = new Set(["answered", "not_answered"]);

export interface Condition {
  questionId: number;
  op: LogicOp;
  /** equals: one value; any_of: several; at_least: one number as text; answered/not_answered: none */
  values: string[];
}

export interface Logic {
  combine: "all" | "any";
  conditions: Condition[];
}

export const MAX_CONDITIONS = 3;

/** The stored JSON: anything else (hand-edited, a future shape) reads as "no logic", never a crash. */
const StoredLogicSchema = z.object({
  combine: z.enum(["all", "any"]),
  conditions: z
    .array(
      z.object({
        questionId: z.number().int().positive(),
        op: z.enum(LOGIC_OPS),
        values: z.array(z.string()).max(100),
      }),
    )
    .min(1)
    .max(MAX_CONDITIONS),
});

export function parseStoredLogic(text: string | null): Logic | null {
  if (!text) return null;
  try {
    const parsed = StoredLogicSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What evaluation needs of a question. */
export interface LogicQuestion {
  id: number;
  logic?: Logic | null;
}

function answered(a: AnswerValue | undefined): a is AnswerValue {
  if (!a) return false;
  if (a.json) return a.json.length > 0;
  if (a.text !== null) return a.text.trim() !== "";
  // a number (a consent box left unticked is 0) is an answer; "equals 1" asks for a ticked box
  return a.number !== null;
}

/** The answer's values as text, to compare with the rule's values (choices are compared exactly). */
function answerTexts(a: AnswerValue): string[] {
  if (a.json) return a.json;
  if (a.text !== null) return [a.text];
  if (a.number !== null) return [String(a.number)];
  return [];
}

const same = (answer: string, value: string, numeric: boolean) =>
  numeric ? Number(answer) === Number(value) : answer.trim().toLowerCase() === value.trim().toLowerCase();

export function conditionHolds(c: Condition, a: AnswerValue | undefined): boolean {
  if (c.op === "answered") return answered(a);
  if (c.op === "not_answered") return !answered(a);
  if (!answered(a)) return false;
  const numeric = a.number !== null && a.text === null && a.json === null;
  const texts = answerTexts(a);
  switch (c.op) {
    case "equals":
      return c.values.length === 1 && texts.some((t) => same(t, c.values[0]!, numeric));
    case "any_of":
      return texts.some((t) => c.values.some((v) => same(t, v, numeric)));
    case "at_least": {
      const limit = Number(c.values[0]);
      return a.number !== null && Number.isFinite(limit) && a.number >= limit;
    }
  }
}

function logicHolds(logic: Logic | null, answers: ReadonlyMap<number, AnswerValue>): boolean {
  if (!logic || logic.conditions.length === 0) return true;
  const results = logic.conditions.map((c) => conditionHolds(c, answers.get(c.questionId)));
  return logic.combine === "all" ? results.every(Boolean) : results.some(Boolean);
}

/**
 * The ids of the questions shown, given what has been answered. `answers` may hold answers to
 * questions outside `questions` (earlier pages already decided): they count as given.
 */
export function visibleQuestionIds(questions: readonly LogicQuestion[], answers: ReadonlyMap<number, AnswerValue>): Set<number> {
  const known = new Map(answers);
  const visible = new Set<number>();
  for (const q of questions) {
    if (logicHolds(q.logic ?? null, known)) visible.add(q.id);
    else known.delete(q.id);
  }
  return visible;
}

/** Pages (1-based indexes into `pages`) that have at least one visible question. */
export function visiblePageIndexes(
  questions: ReadonlyArray<LogicQuestion & { page: number }>,
  pages: readonly number[],
  visible: ReadonlySet<number>,
): number[] {
  const shown = new Set(questions.filter((q) => visible.has(q.id)).map((q) => q.page));
  return pages.flatMap((page, index) => (shown.has(page) ? [index + 1] : []));
}

/** The next page to show after `pageIndex`, or null when none is left (the response is complete). */
export function nextPageIndex(visiblePages: readonly number[], pageIndex: number): number | null {
  return visiblePages.find((p) => p > pageIndex) ?? null;
}

/** The page "Previous page" goes back to: the nearest earlier shown page (page 1 at the least). */
export function previousPageIndex(visiblePages: readonly number[], pageIndex: number): number {
  let previous = 1;
  for (const p of visiblePages) if (p < pageIndex) previous = p;
  return previous;
}

/** A stored answers row as an AnswerValue. */
export function storedAnswerValue(row: { value_text: string | null; value_number: number | null; value_json: string | null }): AnswerValue {
  let json: string[] | null = null;
  if (row.value_json !== null) {
    try {
      const parsed: unknown = JSON.parse(row.value_json);
      json = Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
    } catch {
      json = [];
    }
  }
  return { text: row.value_text, number: row.value_number === null ? null : Number(row.value_number), json };
}
