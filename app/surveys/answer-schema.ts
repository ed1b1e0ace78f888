import { z } from "zod";
import type { FieldErrors } from "../utils/forms.js";
import type { Logic } from "./logic/rules.js";
import { exclusiveConflict } from "./flow/exclusive.js";
import { EXCLUSIVE, TOO_LONG, WHOLE_NUMBER } from "./flow/strings.js";
import { errorMessage } from "./i18n/i18n.js";
import { MAX_SHORT_ANSWER, MAX_TEXT_ANSWER, OTHER_PREFIX, QUESTION_KINDS, type QuestionKind } from "./questions.js";

/**
 * The public form's answers: field names, the zod schema of one page (built from that page's
 * questions; used by the browser before posting and by the server, which is the one that counts),
 * and the mapping between stored answers and form values.
 *
 * How each kind is stored (answers row):
 *   short_text, long_text, email  value_text
 *   single_choice                 value_text = the option, or OTHER_PREFIX + text
 *   multiple_choice               value_json = JSON array of chosen options ("other" as OTHER_PREFIX + text)
 *   scale_0_10, rating_1_5, number value_number
 *   consent                       value_number 1 (ticked) or 0 (shown and left unticked)
 * An optional question left empty has no answers row.
 */

export interface PublicQuestion {
  id: number;
  page: number;
  kind: QuestionKind;
  prompt: string;
  helpText: string;
  options: string[];
  allowOther: boolean;
  required: boolean;
  role: string | null;
  /** display logic: shown only when earlier answers match (null: always) */
  logic?: Logic | null;
  /** the options as a translated form shows them (same order); values posted and stored stay `options` */
  optionLabels?: string[];
}

/** What goes into an answers row (null everywhere is never stored). */
export interface AnswerValue {
  text: string | null;
  number: number | null;
  json: string[] | null;
}

/** One page's parsed answers: `value` null means "left empty" (an optional question). */
export type PageAnswers = Array<{ questionId: number; value: AnswerValue | null }>;

export type FormValues = Record<string, string | string[]>;

/** The radio/checkbox value that stands for "Other"; its text comes in `q_<id>_other`. */
export const OTHER_VALUE = "__other__";
const MAX_EMAIL = 254;
const MAX_NUMBER = 1e12;
const MAX_CHOICES = 100;

export const fieldName = (questionId: number) => `q_${questionId}`;
export const otherFieldName = (questionId: number) => `q_${questionId}_other`;

export function isQuestionKind(kind: string): kind is QuestionKind {
  return (QUESTION_KINDS as readonly string[]).includes(kind);
}

export function maxLengthOf(kind: QuestionKind): number {
  if (kind === "long_text") return MAX_TEXT_ANSWER;
  if (kind === "email") return MAX_EMAIL;
  return MAX_SHORT_ANSWER;
}

const EmailSchema = z.email();

type One = { value: AnswerValue | null } | { error: string; field: string };

function single(raw: string | string[] | undefined): string | undefined {
  if (Array.isArray(raw)) return raw.length ? raw[raw.length - 1] : undefined;
  return raw;
}

function text(value: string): AnswerValue {
  return { text: value, number: null, json: null };
}

function parseOne(q: PublicQuestion, input: FormValues): One {
  const name = fieldName(q.id);
  const raw = input[name];
  const needed = (message: string): One => (q.required ? { error: message, field: name } : { value: null });

  switch (q.kind) {
    case "short_text":
    case "long_text":
    case "email": {
      const value = (single(raw) ?? "").trim();
      if (!value) return needed("Please answer this question.");
      const max = maxLengthOf(q.kind);
      if (value.length > max) return { error: errorMessage(TOO_LONG, { count: value.length, max }), field: name };
      if (q.kind === "email" && !EmailSchema.safeParse(value).success)
        return { error: "Enter a valid email address, like name@company.com.", field: name };
      return { value: text(q.kind === "email" ? value.toLowerCase() : value) };
    }
    case "number":
    case "scale_0_10":
    case "rating_1_5": {
      const value = (single(raw) ?? "").trim();
      if (!value) return needed(q.kind === "number" ? "Please enter a number." : "Please choose a value.");
      const number = Number(value.replace(",", "."));
      if (!Number.isFinite(number)) return { error: "Enter a number, like 12 or 3.5.", field: name };
      if (q.kind === "number") {
        if (Math.abs(number) > MAX_NUMBER) return { error: "That number is too large.", field: name };
        return { value: { text: null, number, json: null } };
      }
      const [min, max] = q.kind === "scale_0_10" ? [0, 10] : [1, 5];
      if (!Number.isInteger(number) || number < min || number > max)
        return { error: errorMessage(WHOLE_NUMBER, { min, max }), field: name };
      return { value: { text: null, number, json: null } };
    }
    case "consent": {
      const value = single(raw);
      const ticked = value !== undefined && value !== "" && value !== "0" && value !== "off";
      if (!ticked && q.required) return { error: "Please tick the box to continue.", field: name };
      return { value: { text: null, number: ticked ? 1 : 0, json: null } };
    }
    case "single_choice":
    case "multiple_choice": {
      const chosen = (Array.isArray(raw) ? raw : raw === undefined || raw === "" ? [] : [raw]).filter((v) => v !== "");
      if (chosen.length > MAX_CHOICES) return { error: "Too many choices.", field: name };
      if (q.kind === "single_choice" && chosen.length > 1) return { error: "Choose only one option.", field: name };
      const values: string[] = [];
      for (const choice of chosen) {
        if (choice === OTHER_VALUE && q.allowOther) {
          const other = (single(input[otherFieldName(q.id)]) ?? "").trim();
          if (!other) return { error: "Please tell us what “Other” means for you.", field: otherFieldName(q.id) };
          if (other.length > MAX_SHORT_ANSWER)
            return { error: errorMessage(TOO_LONG, { count: other.length, max: MAX_SHORT_ANSWER }), field: otherFieldName(q.id) };
          values.push(OTHER_PREFIX + other);
        } else if (q.options.includes(choice)) {
          if (!values.includes(choice)) values.push(choice);
        } else {
          return { error: "Choose one of the options shown.", field: name };
        }
      }
      if (!values.length) return needed(q.kind === "single_choice" ? "Please choose an option." : "Please choose at least one option.");
      const exclusive = q.kind === "multiple_choice" ? exclusiveConflict(values) : undefined;
      if (exclusive) return { error: errorMessage(EXCLUSIVE, { option: exclusive }), field: name };
      return { value: q.kind === "single_choice" ? text(values[0]) : { text: null, number: null, json: values } };
    }
  }
}

/** A posted page: field name -> one value or several (a multiple choice). */
const PostedFieldsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * Each question of the page with its field read by the question's rules; undefined when the post
 * is not a form at all. The shape is checked by one schema built once and the rules run as a plain
 * loop, so a post does not build a zod schema for its survey (that cost CPU and, held by zod's
 * caches until a full GC, a share of the pauses that set the p99 in bench:submit).
 */
function readPage(
  questions: PublicQuestion[],
  input: FormValues,
): Array<{ q: PublicQuestion; raw: FormValues[string] | undefined; result: One }> | undefined {
  const posted = PostedFieldsSchema.safeParse(input);
  if (!posted.success) return undefined;
  return questions.map((q) => ({ q, raw: posted.data[fieldName(q.id)], result: parseOne(q, posted.data) }));
}

/** The answers of one page; errors are keyed by field name (`q_<id>` or `q_<id>_other`). */
export function parsePageAnswers(
  questions: PublicQuestion[],
  input: FormValues,
): { success: true; data: PageAnswers } | { success: false; errors: FieldErrors } {
  const read = readPage(questions, input);
  if (!read) return { success: false, errors: { "": ["The form could not be read. Please reload the page and try again."] } };
  const answers: PageAnswers = [];
  const errors: FieldErrors = {};
  for (const { q, result } of read) {
    if ("error" in result) (errors[result.field] ??= []).push(result.error);
    else answers.push({ questionId: q.id, value: result.value });
  }
  for (const e of unreachableConsents(questions, answers)) (errors[e.field] ??= []).push(e.error);
  return Object.keys(errors).length ? { success: false, errors } : { success: true, data: answers };
}

/** Consents that need a way to reach the person: the summary is emailed, sales contact needs an address. */
const NEEDS_EMAIL: Record<string, string> = {
  consent_contact: "We need your work email to send you the summary: add it below, or untick this box.",
  consent_sales: "We need your work email so sales can contact you: add it below, or untick this box.",
};

/** A ticked "contact me" or "send me the summary" on a page whose email question is left empty. */
function unreachableConsents(questions: PublicQuestion[], answers: PageAnswers): Array<{ field: string; error: string }> {
  const email = questions.find((q) => q.role === "contact_email");
  if (!email) return [];
  const byId = new Map(answers.map((a) => [a.questionId, a.value]));
  if (byId.get(email.id)?.text?.trim()) return [];
  return questions
    .filter((q) => q.kind === "consent" && q.role !== null && q.role in NEEDS_EMAIL && byId.get(q.id)?.number === 1)
    .map((q) => ({ field: fieldName(q.id), error: NEEDS_EMAIL[q.role!] }));
}

/**
 * The answers of a page the prospect leaves by "Previous page": nothing is required yet, so every
 * answer that is valid is kept, a field left empty clears its answer, and a field that holds
 * something not yet valid (a half-typed number) keeps what was stored before.
 */
export function parseDraftAnswers(questions: PublicQuestion[], input: FormValues): PageAnswers {
  const answers: PageAnswers = [];
  for (const { q, raw, result } of readPage(questions, input) ?? []) {
    if (!("error" in result)) answers.push({ questionId: q.id, value: result.value });
    else if (isBlank(raw)) answers.push({ questionId: q.id, value: null });
  }
  return answers;
}

function isBlank(raw: string | string[] | undefined): boolean {
  if (raw === undefined) return true;
  return (Array.isArray(raw) ? raw : [raw]).every((v) => !v.trim());
}

/** The page's own fields out of a posted form, cut to a sane size, to re-render after an error. */
export function pageFormValues(questions: PublicQuestion[], input: FormValues): FormValues {
  const values: FormValues = {};
  // Generous: an answer over its limit comes back whole with its message, never silently cut to fit.
  const cut = (v: string) => v.slice(0, MAX_TEXT_ANSWER * 5);
  for (const q of questions) {
    for (const name of [fieldName(q.id), otherFieldName(q.id)]) {
      const raw = input[name];
      if (raw === undefined) continue;
      values[name] = Array.isArray(raw) ? raw.slice(0, MAX_CHOICES).map(cut) : cut(raw);
    }
  }
  return values;
}

/** A stored answer back into form values (to show a resumed page as it was left). */
export function answerFormValues(
  q: PublicQuestion,
  answer: { value_text: string | null; value_number: number | null; value_json: string | null },
): FormValues {
  const name = fieldName(q.id);
  switch (q.kind) {
    case "short_text":
    case "long_text":
    case "email":
      return answer.value_text === null ? {} : { [name]: answer.value_text };
    case "number":
    case "scale_0_10":
    case "rating_1_5":
      return answer.value_number === null ? {} : { [name]: String(answer.value_number) };
    case "consent":
      return answer.value_number === 1 ? { [name]: "on" } : {};
    case "single_choice":
    case "multiple_choice": {
      let chosen: string[] = [];
      if (q.kind === "single_choice") chosen = answer.value_text === null ? [] : [answer.value_text];
      else {
        try {
          const parsed: unknown = JSON.parse(answer.value_json ?? "[]");
          if (Array.isArray(parsed)) chosen = parsed.filter((v): v is string => typeof v === "string");
        } catch {
          chosen = [];
        }
      }
      const values: FormValues = {};
      const picked: string[] = [];
      for (const choice of chosen) {
        if (!q.options.includes(choice) && choice.startsWith(OTHER_PREFIX)) {
          picked.push(OTHER_VALUE);
          values[otherFieldName(q.id)] = choice.slice(OTHER_PREFIX.length);
        } else picked.push(choice);
      }
      if (picked.length) values[name] = q.kind === "single_choice" ? picked[0] : picked;
      return values;
    }
  }
}

/** Link parameters kept with the response and the person: how a prospect counts as marketing- or sales-sourced. */
const SOURCES = ["marketing", "sales", "partner"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.trim().slice(0, max) || undefined));

export const AttributionSchema = z.object({
  utm_source: optionalText(200).catch(undefined),
  utm_campaign: optionalText(200).catch(undefined),
  src: z.enum(SOURCES).optional().catch(undefined),
  rep: optionalText(100).catch(undefined),
  /** an invitation's personal link (app/reach/invitations.server.ts) */
  inv: z
    .string()
    .regex(/^\d{1,12}\.[A-Za-z0-9_-]{16,128}$/)
    .optional()
    .catch(undefined),
});
export interface Attribution {
  utm_source?: string;
  utm_campaign?: string;
  src?: (typeof SOURCES)[number];
  rep?: string;
  inv?: string;
}

const TOKEN = /^[A-Za-z0-9_-]{16,100}$/;

/** The fields every page post carries besides the answers. */
export const PageMetaSchema = AttributionSchema.extend({
  page: z.coerce
    .number({ error: "The page number is missing." })
    .int("The page number is not valid.")
    .min(1, "The page number is not valid.")
    .max(1000, "The page number is not valid."),
  idem: z.string().regex(TOKEN, "The form is out of date. Please reload the page.").optional(),
  r: z.string().regex(TOKEN, "That resume link is not valid.").optional(),
  /** "back": the prospect pressed "Previous page" (save what is there, go back, require nothing). */
  /** "autosave": the browser saves the page as typed (JavaScript only), moving nowhere (ADR 0601). */
  intent: z.enum(["next", "back", "autosave"]).optional(),
}).refine((meta) => meta.idem || meta.r, { message: "The form is out of date. Please reload the page.", path: [""] });
