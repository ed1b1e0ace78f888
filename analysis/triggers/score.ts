/** Precision, recall and F1 per trigger type and micro-averaged, and timing accuracy of found triggers. */
import { TRIGGER_TYPES, type Timing, type TriggerType } from "./types.js";

export interface LabelledTriggers {
  types: TriggerType[];
  timings: Timing[];
}

interface TypeFigures {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TriggerScores {
  perType: Record<TriggerType, TypeFigures>;
  micro: TypeFigures;
  /** Share of true positives whose timing matches the label. */
  timingAccuracy: number;
  timingCorrect: number;
  timingTotal: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function figures(tp: number, fp: number, fn: number): TypeFigures {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

export function scoreTriggers(truth: readonly LabelledTriggers[], predicted: readonly LabelledTriggers[]): TriggerScores {
  if (truth.length !== predicted.length) throw new Error(`scoreTriggers: ${truth.length} labels for ${predicted.length} predictions`);
  const counts = Object.fromEntries(TRIGGER_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    TriggerType,
    { tp: number; fp: number; fn: number }
  >;
  let timingCorrect = 0;
  let timingTotal = 0;
  truth.forEach((gold, i) => {
    const pred = predicted[i];
    for (const type of TRIGGER_TYPES) {
      const g = gold.types.indexOf(type);
      const p = pred.types.indexOf(type);
      if (g >= 0 && p >= 0) {
        counts[type].tp++;
        timingTotal++;
        if (gold.timings[g] === pred.timings[p]) timingCorrect++;
      } else if (p >= 0) counts[type].fp++;
      else if (g >= 0) counts[type].fn++;
    }
  });
  const perType = Object.fromEntries(TRIGGER_TYPES.map((t) => [t, figures(counts[t].tp, counts[t].fp, counts[t].fn)])) as Record<
    TriggerType,
    TypeFigures
  >;
  const sum = (k: "tp" | "fp" | "fn") => TRIGGER_TYPES.reduce((s, t) => s + counts[t][k], 0);
  return {
    perType,
    micro: figures(sum("tp"), sum("fp"), sum("fn")),
    timingAccuracy: ratio(timingCorrect, timingTotal),
    timingCorrect,
    timingTotal,
  };
}

export function formatScores(scores: TriggerScores): string {
  const pct = (v: number) => v.toFixed(3);
  const lines = ["type                  precision recall  f1     tp  fp  fn"];
  const row = (name: string, f: TypeFigures) =>
    `${name.padEnd(22)}${pct(f.precision).padEnd(10)}${pct(f.recall).padEnd(8)}${pct(f.f1).padEnd(7)}${String(f.tp).padStart(3)} ${String(f.fp).padStart(3)} ${String(f.fn).padStart(3)}`;
  for (const t of TRIGGER_TYPES) lines.push(row(t, scores.perType[t]));
  lines.push(row("micro", scores.micro));
  lines.push(`timing accuracy       ${pct(scores.timingAccuracy)} (${scores.timingCorrect}/${scores.timingTotal} found triggers)`);
  return lines.join("\n");
}
