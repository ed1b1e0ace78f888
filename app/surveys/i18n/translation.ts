import { z } from "zod";
import type { FieldErrors } from "~/utils/forms";

/**
 * A survey's translation into one language (ADR 0602): its title and intro, and per question the
 * prompt, help text and every option, in the options' original order. The chosen option is stored
 * in the survey's own language (the form posts the original value and only shows the translated
 * label), so analysis, quotas and scoring never see a translated answer.
 *
 * One flat key per string, the same in the translations form and the CSV:
 * `title`, `intro`, `q_<id>_prompt`, `q_<id>_help`, `q_<id>_option_<n>` (n from 1).
 */

interface QuestionStrings {
  prompt: string;
  helpText: string;
  options: string[];
}
export interface SurveyStrings {
  title: string;
  intro: string;
  questions: Record<string, QuestionStrings>;
}

/** What a translation is checked against: the survey as written. */
export interface SourceSurvey {
  title: string;
  intro: string;
  questions: Array<{ id: number; prompt: string; helpText: string; options: string[] }>;
}

export interface StringEntry {
  key: string;
  /** what the marketer reads beside the field: "Question 3 · option 2" */
  label: string;
  source: string;
  /** a source string that is empty needs no translation */
  required: boolean;
  /** long text gets a text area */
  long: boolean;
}

const MAX_STRING = 2000;

/** Every string of the survey to translate, in reading order. */
export function sourceEntries(source: SourceSurvey): StringEntry[] {
  const entries: StringEntry[] = [
    { key: "title", label: "Title", source: source.title, required: true, long: false },
    { key: "intro", label: "Introduction", source: source.intro, required: source.intro.trim() !== "", long: true },
  ];
  source.questions.forEach((q, i) => {
    const n = i + 1;
    entries.push({
      key: `q_${q.id}_prompt`,
      label: `Question ${n} · prompt`,
      source: q.prompt,
      required: true,
      long: q.prompt.length > 80,
    });
    if (q.helpText.trim())
      entries.push({ key: `q_${q.id}_help`, label: `Question ${n} · help text`, source: q.helpText, required: true, long: true });
    q.options.forEach((o, k) =>
      entries.push({ key: `q_${q.id}_option_${k + 1}`, label: `Question ${n} · option ${k + 1}`, source: o, required: true, long: false }),
    );
  });
  return entries;
}

function missingMessage(entry: StringEntry): string {
  if (entry.key.includes("_option_"))
    return `${entry.label} (“${entry.source}”) has no translation: a translation must keep every option, or prospects could not choose it.`;
  return `${entry.label} (“${clip(entry.source)}”) needs a translation.`;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * The zod schema of one survey's translation form (the page's fields and the CSV's rows both
 * become this flat object): every string the survey has must be translated, one message per field.
 */
function translationSchema(source: SourceSurvey) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const entry of sourceEntries(source)) {
    const text = z
      .string({ error: missingMessage(entry) })
      .trim()
      .max(MAX_STRING, `${entry.label} is too long (at most ${MAX_STRING.toLocaleString("en")} characters).`);
    shape[entry.key] = entry.required ? text.min(1, missingMessage(entry)) : text.default("");
  }
  return z.object(shape);
}

export type TranslationParse = { success: true; data: SurveyStrings } | { success: false; errors: FieldErrors };

/** Parses the flat fields into SurveyStrings, or a message per field (a dropped option names the option). */
export function parseTranslation(source: SourceSurvey, input: Record<string, unknown>): TranslationParse {
  const parsed = translationSchema(source).safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      (errors[key] ??= []).push(issue.message);
    }
    return { success: false, errors };
  }
  const flat = parsed.data as Record<string, string>;
  const errors: FieldErrors = {};
  const questions: Record<string, QuestionStrings> = {};
  for (const q of source.questions) {
    const options = q.options.map((_, k) => flat[`q_${q.id}_option_${k + 1}`]!);
    // Two options translated alike would look like one choice to the prospect.
    options.forEach((o, k) => {
      if (options.indexOf(o) !== k)
        (errors[`q_${q.id}_option_${k + 1}`] ??= []).push(`“${o}” is already the translation of another option of this question.`);
    });
    questions[String(q.id)] = { prompt: flat[`q_${q.id}_prompt`]!, helpText: flat[`q_${q.id}_help`] ?? "", options };
  }
  if (Object.keys(errors).length) return { success: false, errors };
  return { success: true, data: { title: flat.title!, intro: flat.intro ?? "", questions } };
}

/** The flat fields of a stored translation (to fill the form), only for questions the survey still has. */
export function flatStrings(source: SourceSurvey, strings: SurveyStrings | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!strings) return out;
  out.title = strings.title;
  out.intro = strings.intro;
  for (const q of source.questions) {
    const t = strings.questions[String(q.id)];
    if (!t) continue;
    out[`q_${q.id}_prompt`] = t.prompt;
    if (t.helpText) out[`q_${q.id}_help`] = t.helpText;
    t.options.forEach((o, k) => {
      if (k < q.options.length) out[`q_${q.id}_option_${k + 1}`] = o;
    });
  }
  return out;
}

/** A stored translation read back: anything not of the expected shape counts as no translation. */
const StoredSchema = z.object({
  title: z.string(),
  intro: z.string(),
  questions: z.record(z.string(), z.object({ prompt: z.string(), helpText: z.string(), options: z.array(z.string()) })),
});
export function readStoredStrings(value: unknown): SurveyStrings | undefined {
  const parsed = StoredSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Whether a stored translation still covers the survey: a question or option added after it was
 * written has no translation yet, and the survey is then not offered in that language (the
 * prospect would otherwise meet English in the middle of a Spanish form).
 */
export function coversSurvey(source: SourceSurvey, strings: SurveyStrings | undefined): boolean {
  return !!strings && parseTranslation(source, flatStrings(source, strings)).success;
}
