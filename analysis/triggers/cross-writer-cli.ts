/**
 * tsx analysis/triggers/cross-writer-cli.ts
 *
 * The honest estimate for answers written by people the model has never read: for each corpus
 * writer (one file each), fit on the other writers' answers and score on that writer's. The test
 * split of train-cli mixes writers, so phrasings it holds out were often seen from the same
 * writer in training; this one never is. Prints one line per held-out writer and the pooled figures.
 */
import { loadCorpus } from "./corpus.js";
import { extractFeatures } from "./features.js";
import { scoreTriggers, type LabelledTriggers } from "./score.js";
import { evaluateFeatures, fitTriggerModel } from "./train.js";
import { decide } from "./detect.js";

function main(): number {
  const corpus = loadCorpus();
  const features = corpus.map((r) => extractFeatures(r.text));
  const writers = [...new Set(corpus.map((r) => r.source))].sort();
  const truth: LabelledTriggers[] = [];
  const predicted: LabelledTriggers[] = [];
  const f3 = (v: number) => v.toFixed(3);
  for (const writer of writers) {
    const trainIdx = corpus.flatMap((r, i) => (r.source === writer ? [] : [i]));
    const testIdx = corpus.flatMap((r, i) => (r.source === writer ? [i] : []));
    const model = fitTriggerModel(
      trainIdx.map((i) => corpus[i]),
      undefined,
      undefined,
      trainIdx.map((i) => features[i]),
    );
    const rows = testIdx.map((i) => corpus[i]);
    const s = evaluateFeatures(
      model,
      rows,
      testIdx.map((i) => features[i]),
    );
    for (const i of testIdx) {
      const found = decide(model, features[i]);
      truth.push(corpus[i]);
      predicted.push({ types: found.map((d) => d.type), timings: found.map((d) => d.timing) });
    }
    process.stdout.write(
      `held out ${writer.padEnd(20)} ${String(rows.length).padStart(4)} answers  P ${f3(s.micro.precision)}  R ${f3(s.micro.recall)}  F1 ${f3(s.micro.f1)}  timing ${f3(s.timingAccuracy)}\n`,
    );
  }
  const all = scoreTriggers(truth, predicted);
  process.stdout.write(
    `pooled                        ${String(truth.length).padStart(4)} answers  P ${f3(all.micro.precision)}  R ${f3(all.micro.recall)}  F1 ${f3(all.micro.f1)}  timing ${f3(all.timingAccuracy)}\n`,
  );
  return 0;
}

if (process.argv[1] && /cross-writer-cli\.ts$/.test(process.argv[1])) process.exitCode = main();
