/**
 * npm run bench:analysis (second part): buying triggers at scale and the model's load cost.
 *
 * - 100,000 answers: the labelled corpus's answers, replicated with seeded word dropout so no two
 *   are identical (the mix of trigger and no-trigger answers stays the corpus's), through
 *   detectTriggers in one process; median of --repeat runs (default 3). Target <= 5 s.
 * - Model load: the import of the detector (model JSON + wink-nlp's English model), measured in
 *   fresh child processes against the import of a module that loads nothing, median of 5.
 *   Target: <= 200 ms added to the analysis worker's start.
 * - Quality: the shipped model's test-split figures, recomputed.
 */
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRng } from "../../analysis/random.js";
import { loadCorpus, splitCorpus } from "../../analysis/triggers/corpus.js";
import { detectTriggers } from "../../analysis/triggers/index.js";
import { shippedTriggerModel } from "../../analysis/triggers/detect.js";
import { evaluate } from "../../analysis/triggers/train.js";
import { formatScores } from "../../analysis/triggers/score.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const repeat = Math.max(1, Number(args[args.indexOf("--repeat") + 1] ?? 3) || 3);
const N = 100_000;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const corpus = loadCorpus();
const rng = createRng(7);
const texts: string[] = [];
for (let i = 0; i < N; i++) {
  const words = corpus[i % corpus.length].text.split(/\s+/);
  texts.push(i < corpus.length ? words.join(" ") : words.filter(() => rng.next() > 0.08).join(" "));
}

console.log(
  `\nbuying triggers: ${N.toLocaleString("en")} answers (corpus of ${corpus.length} replicated with 8% seeded word dropout), ${repeat} runs`,
);
const times: number[] = [];
let found = 0;
for (let r = 0; r < repeat; r++) {
  const started = performance.now();
  const result = detectTriggers(texts);
  times.push((performance.now() - started) / 1000);
  found = result.filter((m) => m.length > 0).length;
}
console.log(
  `  detectTriggers: median ${median(times).toFixed(2)} s (runs ${times.map((t) => t.toFixed(2)).join(", ")}), ${((median(times) / N) * 1e6).toFixed(1)} µs per answer; ${found.toLocaleString("en")} answers with a trigger`,
);

function importMs(module: string): number {
  const code = `const t=performance.now();await import(${JSON.stringify(module)});process.stdout.write(String(performance.now()-t));`;
  return Number(
    execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: repoRoot, encoding: "utf8" }),
  );
}
const bare: number[] = [];
const detector: number[] = [];
for (let i = 0; i < 5; i++) {
  bare.push(importMs(resolve(repoRoot, "analysis/random.ts")));
  detector.push(importMs(resolve(repoRoot, "analysis/triggers/detect.ts")));
}
console.log(
  `  model load: detector import median ${median(detector).toFixed(0)} ms against ${median(bare).toFixed(0)} ms for a bare module: +${(median(detector) - median(bare)).toFixed(0)} ms`,
);

const { test } = splitCorpus(corpus);
console.log(
  `\n  shipped model on the corpus test split (${test.length} answers):\n${formatScores(evaluate(shippedTriggerModel(), test)).replace(/^/gm, "  ")}`,
);
