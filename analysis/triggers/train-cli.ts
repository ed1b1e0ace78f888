/**
 * npm run triggers:train [-- --corrections FILE.jsonl] [--dry-run]
 *
 * Retrains the shipped trigger model (analysis/triggers/model.json) from the labelled corpus plus
 * marketers' corrections exported from the database, and prints the test-split figures of the
 * model before and after. Corrections join the training split only: the test split stays the
 * corpus's fixed held-out quarter, so before and after are comparable.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { applyCorrections, type TriggerCorrection } from "./corrections.js";
import { loadCorpus, splitCorpus, type CorpusRow } from "./corpus.js";
import { detectWith, shippedTriggerModel } from "./detect.js";
import { formatScores, type TriggerScores } from "./score.js";
import { evaluate, fitTriggerModel } from "./train.js";

const MODEL_PATH = new URL("./model.json", import.meta.url);

export function correctionRows(path: string): CorpusRow[] {
  if (!existsSync(path)) return [];
  const model = shippedTriggerModel();
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const { text, corrections } = JSON.parse(line) as { text: string; corrections: TriggerCorrection[] };
      // The label is what the marketer saw (the detector's findings) with their corrections applied.
      const labelled = applyCorrections(detectWith(model, text), corrections, text);
      return { text, types: labelled.map((m) => m.type), timings: labelled.map((m) => m.timing), source: "corrections" };
    });
}

export function figuresOf(scores: TriggerScores) {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    precision: r(scores.micro.precision),
    recall: r(scores.micro.recall),
    f1: r(scores.micro.f1),
    timingAccuracy: r(scores.timingAccuracy),
    perType: Object.fromEntries(
      Object.entries(scores.perType).map(([t, f]) => [
        t,
        { precision: r(f.precision), recall: r(f.recall), f1: r(f.f1), support: f.tp + f.fn },
      ]),
    ),
  };
}

function main(argv: string[]): number {
  const at = argv.indexOf("--corrections");
  const correctionsPath = at >= 0 ? argv[at + 1] : undefined;
  const dryRun = argv.includes("--dry-run");
  const corpus = loadCorpus();
  const { train, test } = splitCorpus(corpus);
  const extra = correctionsPath ? correctionRows(correctionsPath) : [];
  const before = evaluate(shippedTriggerModel(), test);
  const started = performance.now();
  const model = fitTriggerModel([...train, ...extra]);
  const seconds = (performance.now() - started) / 1000;
  const after = evaluate(model, test);
  model.figures = {
    corpusRows: corpus.length,
    trainRows: train.length,
    correctionRows: extra.length,
    testRows: test.length,
    test: figuresOf(after),
  };
  process.stdout.write(
    `corpus ${corpus.length} rows: train ${train.length} + ${extra.length} corrections, test ${test.length}; fitted in ${seconds.toFixed(1)} s\n\n`,
  );
  process.stdout.write(
    `BEFORE (shipped model) on the test split\n${formatScores(before)}\n\nAFTER on the test split\n${formatScores(after)}\n`,
  );
  if (!dryRun) {
    writeFileSync(MODEL_PATH, JSON.stringify(model) + "\n");
    process.stdout.write(`\nwrote ${MODEL_PATH.pathname}\n`);
  }
  return 0;
}

if (process.argv[1] && /train-cli\.ts$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
