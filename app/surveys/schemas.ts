/**
 * Builder forms: one zod schema per form, used by the routes (server) and available to the browser.
 * Every message is written for the marketer who sees it next to the field.
 */
import { z } from "zod";
import { LogicFormSchema } from "./logic/check.js";
import { CHOICE_KINDS, QUESTION_KINDS, QUESTION_ROLES, kindRoleProblem, type QuestionKind, type QuestionRole } from "./questions.js";

export const LIMITS = {
  title: 200,
  intro: 2000,
  templateWord: 120,
  prompt: 1000,
  helpText: 1000,
  option: 200,
  options: 50,
  pages: 50,
  maxResponses: 1_000_000,
} as const;

const text = (label: string, max: number) =>
  z
    .string({ message: `${label} must be text.` })
    .trim()
    .max(max, `Keep ${label.toLowerCase()} under ${max} characters.`);

const requiredText = (label: string, max: number, empty: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? empty : `${label} must be text.`) })
    .trim()
    .max(max, `Keep ${label.toLowerCase()} under ${max} characters.`)
    .min(1, empty);

const id = (what: string) =>
  z.coerce
    .number({ message: `That ${what} id is not valid.` })
    .int(`That ${what} id is not valid.`)
    .positive(`That ${what} id is not valid.`)
    .max(Number.MAX_SAFE_INTEGER, `That ${what} id is not valid.`);

/** A checkbox: present (any of the usual values) means true; absent means false. */
const checkbox = z
  .enum(["on", "true", "1", "yes"], { message: "That checkbox value is not valid." })
  .optional()
  .transform((v) => v !== undefined);

// ---------------------------------------------------------------------------------------------
// New survey

const TemplateWordsSchema = z.object({
  problem: requiredText("The problem", LIMITS.templateWord, "Describe the problem in a few words."),
  area: requiredText("The area", LIMITS.templateWord, 'Name the area, for example "IT security".'),
  category: requiredText("The category", LIMITS.templateWord, "Name the product category."),
});

export const NewSurveySchema = z.discriminatedUnion(
  "start",
  [
    TemplateWordsSchema.extend({
      start: z.literal("template"),
      title: requiredText("The title", LIMITS.title, "Give the survey a title."),
    }),
    z.object({
      start: z.literal("blank"),
      title: requiredText("The title", LIMITS.title, "Give the survey a title."),
    }),
  ],
  { message: "Choose the template or a blank survey." },
);

// ---------------------------------------------------------------------------------------------
// Questions

/** Options arrive one per line from a textarea; blank lines are ignored. */
export function splitOptions(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const optionsField = z
  .string({ message: "Options must be text, one per line." })
  .max((LIMITS.option + 2) * LIMITS.options, `Use at most ${LIMITS.options} options of up to ${LIMITS.option} characters each.`)
  .optional()
  .transform((raw) => splitOptions(raw ?? ""));

const roleField = z
  .union([z.literal(""), z.enum(QUESTION_ROLES)], { message: "Choose a role from the list, or none." })
  .optional()
  .transform((v): QuestionRole | null => (v ? v : null));

const questionFields = {
  kind: z.enum(QUESTION_KINDS, { message: "Choose a question type from the list." }),
  prompt: requiredText("The question", LIMITS.prompt, "Write the question."),
  helpText: text("The help text", LIMITS.helpText)
    .optional()
    .transform((v) => v ?? ""),
  required: checkbox,
  role: roleField,
  options: optionsField,
  allowOther: checkbox,
  page: z.coerce
    .number({ message: "The page must be a whole number." })
    .int("The page must be a whole number.")
    .min(1, "Pages start at 1.")
    .max(LIMITS.pages, `Use at most ${LIMITS.pages} pages.`),
};

type QuestionFieldValues = {
  kind: QuestionKind;
  role: QuestionRole | null;
  options: string[];
};

/** The checks across fields: a kind that fits the role (ROLE_KINDS), and a choice question's options. */
function checkQuestion(value: QuestionFieldValues, ctx: z.RefinementCtx) {
  // zod 4 runs this after a non-fatal field issue too: a kind or role that failed its own check is skipped
  if (QUESTION_KINDS.includes(value.kind) && (value.role === null || QUESTION_ROLES.includes(value.role))) {
    const problem = kindRoleProblem(value.kind, value.role);
    if (problem) ctx.addIssue({ code: "custom", path: ["kind"], message: problem });
  }
  checkOptions(value, ctx);
}

function checkOptions(value: QuestionFieldValues, ctx: z.RefinementCtx) {
  // zod 4 still runs this after a non-fatal field issue (e.g. an oversized options text): skip then
  const { options } = value as { options: unknown };
  if (!Array.isArray(options) || !CHOICE_KINDS.has(value.kind)) return;
  if (options.length < 2) {
    ctx.addIssue({ code: "custom", path: ["options"], message: "A choice question needs at least 2 options, one per line." });
    return;
  }
  if (options.length > LIMITS.options) {
    ctx.addIssue({ code: "custom", path: ["options"], message: `Use at most ${LIMITS.options} options.` });
  }
  const long = options.findIndex((o) => o.length > LIMITS.option);
  if (long >= 0) {
    ctx.addIssue({
      code: "custom",
      path: ["options"],
      message: `Option ${long + 1} is too long: keep each option under ${LIMITS.option} characters.`,
    });
  }
  const seen = new Set<string>();
  for (const option of options) {
    const key = option.toLowerCase();
    if (seen.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: `"${option.slice(0, 60)}" is listed twice: each option must be different.`,
      });
      break;
    }
    seen.add(key);
  }
}

export const QuestionSchema = z.object(questionFields).superRefine(checkQuestion);

/** The type and role pair alone: the builder checks it in the browser as the marketer picks them. */
export const KindRoleSchema = z.object({ kind: questionFields.kind, role: questionFields.role }).superRefine((value, ctx) => {
  const problem = kindRoleProblem(value.kind, value.role);
  if (problem) ctx.addIssue({ code: "custom", path: ["kind"], message: problem });
});
export type QuestionFormInput = z.infer<typeof QuestionSchema>;

/** What is stored: options and "other" only for choice kinds. */
export function normalizeQuestion(q: QuestionFormInput) {
  const choice = CHOICE_KINDS.has(q.kind);
  return {
    kind: q.kind,
    prompt: q.prompt,
    helpText: q.helpText,
    required: q.required,
    role: q.role,
    page: q.page,
    options: choice ? q.options : [],
    allowOther: choice ? q.allowOther : false,
  };
}

// ---------------------------------------------------------------------------------------------
// Close date and cap

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` -> the end of that day in UTC, or null when empty; undefined for an invalid date. */
export function closeDateToIso(value: string): string | null | undefined {
  if (value === "") return null;
  if (!DATE.test(value)) return undefined;
  const date = new Date(`${value}T23:59:59.999Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return undefined;
  return date.toISOString();
}

/** The date part an ISO close timestamp shows in a date input. */
export function isoToCloseDate(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "";
}

const closesAtField = z
  .string({ message: "The close date must be a date." })
  .trim()
  .max(20, "Use a date like 2027-03-31.")
  .optional()
  .transform((v, ctx) => {
    const iso = closeDateToIso(v ?? "");
    if (iso === undefined) {
      ctx.addIssue({ code: "custom", message: "Use a real date like 2027-03-31, or leave it empty." });
      return z.NEVER;
    }
    if (iso !== null && iso < new Date().toISOString()) {
      ctx.addIssue({ code: "custom", message: "The close date has already passed. Choose today or a later date." });
      return z.NEVER;
    }
    return iso;
  });

const maxResponsesField = z
  .string({ message: "The cap must be a whole number." })
  .trim()
  .max(20, "The cap must be a whole number.")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d+$/.test(v)) {
      ctx.addIssue({ code: "custom", message: "The cap must be a whole number, or empty for no cap." });
      return z.NEVER;
    }
    const n = Number(v);
    if (n < 1 || n > LIMITS.maxResponses) {
      ctx.addIssue({ code: "custom", message: `Use a cap between 1 and ${LIMITS.maxResponses.toLocaleString("en")}, or leave it empty.` });
      return z.NEVER;
    }
    return n;
  });

// ---------------------------------------------------------------------------------------------
// The edit page: one action, one schema, one branch per intent

/**
 * Destructive intents carry confirm=yes, which only the confirmation step's button sends (ADR 0603):
 * a stray or replayed one-click post is refused, with or without JavaScript.
 */
const confirmed = (message: string) => z.literal("yes", { error: message });

export const SurveyEditSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("details"),
      title: requiredText("The title", LIMITS.title, "Give the survey a title."),
      intro: text("The introduction", LIMITS.intro)
        .optional()
        .transform((v) => v ?? ""),
    }),
    z.object({ intent: z.literal("add-question"), ...questionFields }).superRefine(checkQuestion),
    z.object({ intent: z.literal("update-question"), questionId: id("question"), ...questionFields }).superRefine(checkQuestion),
    z.object({ intent: z.literal("remove-question"), questionId: id("question"), confirm: confirmed("Confirm the removal first.") }),
    z.object({
      intent: z.literal("move-question"),
      questionId: id("question"),
      direction: z.enum(["up", "down"], { message: "Move a question up or down." }),
    }),
    z.object({ intent: z.literal("logic"), questionId: id("question"), ...LogicFormSchema.shape }),
    z.object({ intent: z.literal("limits"), closesAt: closesAtField, maxResponses: maxResponsesField }),
    z.object({ intent: z.literal("flow"), oneAtATime: checkbox }),
    z.object({ intent: z.literal("publish") }),
    z.object({ intent: z.literal("close"), confirm: confirmed("Confirm closing the survey first.") }),
    z.object({ intent: z.literal("reopen") }),
    z.object({ intent: z.literal("undo"), undoId: id("undo") }),
  ],
  { message: "Unknown action." },
);
