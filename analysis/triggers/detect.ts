/**
 * detectTriggers: lexicon hits and scoped words (features.ts) -> one logistic model per type
 * (model.ts) -> for each type found, the evidence clause, its timing and the model's confidence.
 */
// A plain JSON import: esbuild (the Remix build), tsx and vitest inline it. (Node's own ESM loader would
// want `with { type: "json" }`, which the Remix compiler cannot parse, so Playwright specs must not import this.)
import shippedModel from "./model.json";
import { extractFeatures, type AnswerFeatures, type Hit } from "./features.js";
import type { TriggerModel } from "./model.js";
import { scoreBinary, scoreSoftmax } from "./model.js";
import type { Clause } from "./parse.js";
import { timingFeatures } from "./timing.js";
import { TRIGGER_TYPES, type Timing, type TriggerMention, type TriggerType } from "./types.js";

/** Upper bound on analysed characters per answer; 1 MB of text must not stall a batch. */
export const MAX_SCAN_CHARS = 20_000;
/** Longest evidence phrase, in words. */
const PHRASE_WORDS = 24;
/** Text with no letters at all (emoji, numbers, punctuation) cannot state an event. */
const HAS_LETTER = /\p{L}/u;

const MODEL = shippedModel as unknown as TriggerModel;

export function typeFeatures(f: AnswerFeatures, type: TriggerType): string[] {
  return [...f.shared, ...(f.byType.get(type) ?? [])];
}

/** The clause that shows the type best: its strongest factual lexicon hit, else its best words. */
export function evidenceOf(model: TriggerModel, f: AnswerFeatures, type: TriggerType): { clause: number; first: number } | null {
  const weights = model.types[type].weights;
  let best: { score: number; hit: Hit } | null = null;
  for (const hit of f.hits) {
    if (hit.type !== type || hit.scope !== "fact") continue;
    const score = (weights[`Pf:${hit.pattern}`] ?? 0) + (weights[`M:${hit.matched}`] ?? 0);
    if (best === null || score > best.score) best = { score, hit };
  }
  if (best) return { clause: best.hit.clause, first: best.hit.first };
  let bestClause = -1;
  let bestScore = 0;
  f.clauseWords.forEach((words, c) => {
    const score = words.reduce((s, w) => s + Math.max(0, weights[w] ?? 0), 0);
    if (score > bestScore) {
      bestScore = score;
      bestClause = c;
    }
  });
  return bestClause < 0 ? null : { clause: bestClause, first: 0 };
}

const FUTURE_CUES = ["c:will", "c:goingto", "c:chrono:future", "c:biz:future"];
const PAST_CUES = ["c:chrono:past", "c:biz:past", "c:pastform", "c:perfect"];

export function timingOf(model: TriggerModel, f: AnswerFeatures, type: TriggerType, clause: number, first: number): Timing {
  const features = timingFeatures(f.clauses, clause, first);
  const timing = scoreSoftmax(model.timing, [...features, `type:${type}`]);
  if (timing !== "unknown") return timing;
  // An explicit auxiliary or time expression in the clause outranks a learned "unknown":
  // "the vendor will sunset it" is upcoming whatever the corpus said of bare "sunset".
  const future = FUTURE_CUES.some((c) => features.includes(c));
  const past = PAST_CUES.some((c) => features.includes(c));
  if (future && !past) return "upcoming";
  if (past && !future && (features.includes("c:chrono:past") || features.includes("c:biz:past"))) return "past";
  return timing;
}

function phraseOf(clause: Clause, first: number): string {
  const tokens = clause.tokens;
  const from = tokens.length <= PHRASE_WORDS ? 0 : Math.max(0, Math.min(first - 8, tokens.length - PHRASE_WORDS));
  const shown = tokens.slice(from, from + PHRASE_WORDS);
  return shown
    .map((t, i) => (i === 0 ? "" : t.space || (/^[\p{L}\p{N}]/u.test(t.value) && !t.value.startsWith("'") ? " " : "")) + t.value)
    .join("")
    .trim();
}

export function detectWith(model: TriggerModel, input: unknown): TriggerMention[] {
  if (typeof input !== "string") return [];
  const text = input.length > MAX_SCAN_CHARS ? input.slice(0, MAX_SCAN_CHARS) : input;
  if (text.trim().length === 0 || !HAS_LETTER.test(text)) return [];
  return decide(model, extractFeatures(text));
}

/** The model's decisions on one answer's features (split from detectWith so training reuses features). */
export function decide(model: TriggerModel, f: AnswerFeatures): TriggerMention[] {
  const out: TriggerMention[] = [];
  for (const type of TRIGGER_TYPES) {
    const p = scoreBinary(model.types[type], typeFeatures(f, type));
    if (p < model.threshold) continue;
    const evidence = evidenceOf(model, f, type);
    if (evidence === null) continue;
    out.push({
      type,
      timing: timingOf(model, f, type, evidence.clause, evidence.first),
      phrase: phraseOf(f.clauses[evidence.clause], evidence.first),
      confidence: Math.round(p * 100) / 100,
    });
  }
  return out;
}

export function detectTriggersInText(text: string): TriggerMention[] {
  return detectWith(MODEL, text);
}

export function detectTriggers(texts: readonly string[]): TriggerMention[][] {
  return texts.map((text) => detectTriggersInText(text));
}

export function shippedTriggerModel(): TriggerModel {
  return MODEL;
}
