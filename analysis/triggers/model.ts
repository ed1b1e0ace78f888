/**
 * The learned part: one L2-regularised logistic regression per trigger type (is this type stated
 * as a fact of the speaker's organisation?) and one softmax regression for timing. Sparse binary
 * features, full-batch gradient descent with a fixed schedule: the same corpus gives the same
 * weights on every machine. The fitted model is a JSON file in the repo (model.json).
 */
import { TIMINGS, type Timing, type TriggerType } from "./types.js";

export interface BinaryModel {
  bias: number;
  weights: Record<string, number>;
}

export interface SoftmaxModel {
  bias: number[];
  weights: Record<string, number[]>;
}

export interface TriggerModel {
  version: 1;
  threshold: number;
  types: Record<TriggerType, BinaryModel>;
  timing: SoftmaxModel;
  /** Test-split figures recorded when the model was trained (reproduced by a test). */
  figures: Record<string, unknown>;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty on word and bigram features. */
  l2: number;
  /** Multiplier of `l2` for lexicon features (hit scopes, patterns, matched lemmas): concept-level
   *  below 1 lets concept-level evidence carry more of the decision than any one word. With the
   *  wider lexicon of the second round, writer-grouped cross-validation on the training split
   *  preferred 1 (F1 0.878 against 0.875 at 0.3), so lexicon and word features are penalised alike. */
  lexiconL2Scale: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 400, learningRate: 0.5, l2: 0.001, lexiconL2Scale: 1 };

const isLexiconFeature = (f: string) => f.startsWith("L") || f.startsWith("P") || f.startsWith("M:");

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function scoreSoftmax(model: SoftmaxModel, features: readonly string[]): Timing {
  const z = [...model.bias];
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let k = 0; k < z.length; k++) z[k] += w[k];
  }
  let best = 0;
  for (let k = 1; k < z.length; k++) if (z[k] > z[best]) best = k;
  return TIMINGS[best];
}

/** Features seen in at least `minCount` examples: rarer ones only memorise the training set. */
function vocabulary(examples: readonly (readonly string[])[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of new Set(ex)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts]
    .filter(([, c]) => c >= minCount)
    .map(([f]) => f)
    .sort();
  return new Map(kept.map((f, i) => [f, i]));
}

/** Adagrad on the full batch; features are binary so the gradient is a sum over active ones. */
export function fitBinary(
  examples: readonly (readonly string[])[],
  labels: readonly number[],
  options: TrainOptions = DEFAULT_TRAIN,
  minCount = 2,
): BinaryModel {
  const vocab = vocabulary(examples, minCount);
  const rows = examples.map((ex) => [...new Set(ex)].map((f) => vocab.get(f)).filter((i): i is number => i !== undefined));
  const w = new Float64Array(vocab.size);
  const g2 = new Float64Array(vocab.size).fill(1e-8);
  const l2 = new Float64Array(vocab.size);
  for (const [f, i] of vocab) l2[i] = options.l2 * (isLexiconFeature(f) ? options.lexiconL2Scale : 1);
  let bias = 0;
  let biasG2 = 1e-8;
  const n = rows.length;
  // Positives are rarer than negatives for every type; weigh them so a type is not learned as "never".
  const positives = labels.reduce((s, y) => s + y, 0);
  const posWeight = positives > 0 ? Math.min(4, Math.max(1, (n - positives) / positives / 2)) : 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const grad = new Float64Array(vocab.size);
    let biasGrad = 0;
    for (let r = 0; r < n; r++) {
      let z = bias;
      for (const i of rows[r]) z += w[i];
      const weight = labels[r] === 1 ? posWeight : 1;
      const err = (sigmoid(z) - labels[r]) * weight;
      biasGrad += err;
      for (const i of rows[r]) grad[i] += err;
    }
    for (let i = 0; i < w.length; i++) {
      const g = grad[i] / n + l2[i] * w[i];
      g2[i] += g * g;
      w[i] -= (options.learningRate / Math.sqrt(g2[i])) * g;
    }
    const bg = biasGrad / n;
    biasG2 += bg * bg;
    bias -= (options.learningRate / Math.sqrt(biasG2)) * bg;
  }
  const weights: Record<string, number> = {};
  for (const [f, i] of vocab) if (Math.abs(w[i]) >= 1e-3) weights[f] = round(w[i]);
  return { bias: round(bias), weights };
}

export function fitSoftmax(
  examples: readonly (readonly string[])[],
  labels: readonly Timing[],
  options: TrainOptions = DEFAULT_TRAIN,
  minCount = 2,
): SoftmaxModel {
  const K = TIMINGS.length;
  const vocab = vocabulary(examples, minCount);
  const rows = examples.map((ex) => [...new Set(ex)].map((f) => vocab.get(f)).filter((i): i is number => i !== undefined));
  const y = labels.map((l) => TIMINGS.indexOf(l));
  const w = new Float64Array(vocab.size * K);
  const g2 = new Float64Array(vocab.size * K).fill(1e-8);
  const bias = new Float64Array(K);
  const biasG2 = new Float64Array(K).fill(1e-8);
  const n = rows.length;
  const p = new Float64Array(K);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const grad = new Float64Array(vocab.size * K);
    const biasGrad = new Float64Array(K);
    for (let r = 0; r < n; r++) {
      for (let k = 0; k < K; k++) {
        let z = bias[k];
        for (const i of rows[r]) z += w[i * K + k];
        p[k] = z;
      }
      const max = Math.max(...p);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k] - max);
      for (let k = 0; k < K; k++) {
        const err = p[k] / sum - (y[r] === k ? 1 : 0);
        biasGrad[k] += err;
        for (const i of rows[r]) grad[i * K + k] += err;
      }
    }
    for (let j = 0; j < w.length; j++) {
      const g = grad[j] / n + options.l2 * w[j];
      g2[j] += g * g;
      w[j] -= (options.learningRate / Math.sqrt(g2[j])) * g;
    }
    for (let k = 0; k < K; k++) {
      const g = biasGrad[k] / n;
      biasG2[k] += g * g;
      bias[k] -= (options.learningRate / Math.sqrt(biasG2[k])) * g;
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, i] of vocab) {
    const row = Array.from({ length: K }, (_, k) => round(w[i * K + k]));
    if (row.some((v) => Math.abs(v) >= 1e-3)) weights[f] = row;
  }
  return { bias: Array.from(bias, round), weights };
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
