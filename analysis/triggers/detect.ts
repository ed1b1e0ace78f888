/**
 * detectTriggers: lexicon hits and scoped words (features.ts) -> one logistic model per type
 * (model.ts) -> for each type found, the evidence clause, its timing and the model's confidence.
 */
// A plain JSON import: esbuild (the Remix build), tsx and vitest inline it. (Node's own ESM loader would
// want `with { type: "json" }`, which the Remix compiler cannot parse, so Playwright specs must not import this.)
import shippedModel from "./model.json";
import { extractFeatures, type AnswerFeatures, type Hit } from "./features.js";
import type { TriggerModel } from "./model.js";
import { scoreSoftmax } from "./model.js";
import type { Clause } from "./parse.js";
import { timingFeatures } from "./timing.js";
import { TRIGGER_TYPES, type Timing, type TriggerMention, type TriggerType } from "./types.js";

/** Upper bound on analysed characters per answer; 1 MB of text must not stall a batch. */
const MAX_SCAN_CHARS = 20_000;
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

function timingOf(model: TriggerModel, f: AnswerFeatures, type: TriggerType, clause: number, first: number): Timing {
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
  const z = sharedScores(model, f.shared);
  TRIGGER_TYPES.forEach((type, t) => {
    const weights = model.types[type].weights;
    let score = z[t];
    for (const feature of f.byType.get(type) ?? []) score += weights[feature] ?? 0;
    const p = 1 / (1 + Math.exp(-score));
    if (p < model.threshold) return;
    const evidence = evidenceOf(model, f, type);
    if (evidence === null) return;
    out.push({
      type,
      timing: timingOf(model, f, type, evidence.clause, evidence.first),
      phrase: phraseOf(f.clauses[evidence.clause], evidence.first),
      confidence: Math.round(p * 100) / 100,
    });
  });
  return out;
}

/** Per model, each word feature's weight in every type's model: one lookup per feature instead of ten. */
const sharedTables = new WeakMap<TriggerModel, Map<string, Float64Array>>();

/** Each type's bias plus its weights of the answer's shared features, added in the features' order
 *  (the same sums, bit for bit, as adding each type model's weights over typeFeatures one by one). */
function sharedScores(model: TriggerModel, shared: readonly string[]): Float64Array {
  let table = sharedTables.get(model);
  if (table === undefined) {
    table = new Map();
    for (const [t, type] of TRIGGER_TYPES.entries())
      for (const [feature, w] of Object.entries(model.types[type].weights)) {
        if (!/^[wb][a-z]:|^nfact:/.test(feature)) continue;
        let row = table.get(feature);
        if (!row) table.set(feature, (row = new Float64Array(TRIGGER_TYPES.length)));
        row[t] = w;
      }
    sharedTables.set(model, table);
  }
  const z = Float64Array.from(TRIGGER_TYPES, (type) => model.types[type].bias);
  for (const feature of shared) {
    const row = table.get(feature);
    if (row) for (let t = 0; t < z.length; t++) z[t] += row[t];
  }
  return z;
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
