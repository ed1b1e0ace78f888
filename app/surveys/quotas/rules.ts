import { z } from "zod";

/**
 * Quotas per segment (issue 13 item 5, ADRs 0602 and 0604): "at most N complete responses from
 * prospects who chose option O at question Q", Q a single choice (they chose O) or a multiple
 * choice (O among their choices: one prospect can be in several segments of it). Pure rules here; counting and enforcement under a
 * lock live in quotas.server.ts.
 */

export interface Quota {
  id: number;
  questionId: number;
  option: string;
  maxComplete: number;
}

/** What a quota needs from a question: a single- or multiple-choice question and its options. */
export interface QuotaQuestion {
  id: number;
  kind: string;
  prompt: string;
  options: string[];
}

const MAX_QUOTA = 1_000_000;

/**
 * The quota form (the quotas page and its action). The segment is one select of "question|option"
 * pairs grouped by question, so choosing works without JavaScript (no dependent second select).
 */
export const QuotaFormSchema = z
  .object({
    segment: z
      .string({ error: "Choose the answer that defines the segment." })
      .regex(/^\d+\|[\s\S]+$/, "Choose the answer that defines the segment.")
      .max(600, "Choose the answer that defines the segment."),
    maxComplete: z.coerce
      .number({ error: "Enter how many complete responses this segment may have." })
      .int("Enter a whole number, like 50.")
      .min(1, "A quota must be at least 1: a quota of 0 or below would close the segment before anyone answers. Remove the quota instead.")
      .max(MAX_QUOTA, `A quota can be at most ${MAX_QUOTA.toLocaleString("en")}.`),
  })
  .transform(({ segment, maxComplete }) => {
    const bar = segment.indexOf("|");
    return { questionId: Number(segment.slice(0, bar)), option: segment.slice(bar + 1), maxComplete };
  });
export const segmentValue = (questionId: number, option: string) => `${questionId}|${option}`;
export type QuotaForm = z.output<typeof QuotaFormSchema>;

/** Questions a quota may be set on: single and multiple choice, with options. */
export function quotaQuestions<Q extends QuotaQuestion>(questions: readonly Q[]): Q[] {
  return questions.filter((q) => (q.kind === "single_choice" || q.kind === "multiple_choice") && q.options.length > 0);
}

/** The options each question's answer chose: one for a single choice, the list of a multiple choice. */
export type Chosen = ReadonlyMap<number, readonly string[]>;

/** `Chosen` out of answers as stored (value_text, or value_json: a JSON array of options). */
export function chosenOptions(answers: Iterable<{ questionId: number; text: string | null; json: string | null }>): Map<number, string[]> {
  const chosen = new Map<number, string[]>();
  for (const a of answers) {
    if (a.json !== null) {
      try {
        const list: unknown = JSON.parse(a.json);
        if (Array.isArray(list))
          chosen.set(
            a.questionId,
            list.filter((v): v is string => typeof v === "string"),
          );
      } catch {
        // not a list: no segment
      }
    } else if (a.text !== null) chosen.set(a.questionId, [a.text]);
  }
  return chosen;
}

/** Field errors of a parsed quota form against the survey's questions ({} when it may be saved). */
export function quotaTargetErrors(form: QuotaForm, questions: readonly QuotaQuestion[]): Record<string, string[]> {
  const q = quotaQuestions(questions).find((x) => x.id === form.questionId);
  if (!q) return { segment: ["Quotas can be set on single- and multiple-choice questions of this survey only."] };
  if (!q.options.includes(form.option)) return { segment: [`“${form.option}” is not an answer of “${q.prompt}”.`] };
  return {};
}

/**
 * The quota whose segment these answers put the prospect in, among those already full; undefined
 * when every segment the prospect is in still has room. `counts` maps `segmentKey` to complete
 * responses (excluding this prospect's, which is not complete yet).
 */
export function fullQuotaFor(quotas: readonly Quota[], chosen: Chosen, counts: ReadonlyMap<string, number>): Quota | undefined {
  return quotas.find(
    (quota) => chosen.get(quota.questionId)?.includes(quota.option) && (counts.get(segmentKey(quota)) ?? 0) >= quota.maxComplete,
  );
}

export function segmentKey(s: { questionId: number; option: string }): string {
  return `${s.questionId}\u0000${s.option}`;
}

/** A quota with its count, as the quotas page shows it. */
export function quotaProgress(quota: Quota, counts: ReadonlyMap<string, number>) {
  const complete = counts.get(segmentKey(quota)) ?? 0;
  return { ...quota, complete, full: complete >= quota.maxComplete, remaining: Math.max(0, quota.maxComplete - complete) };
}
