/**
 * The quality cost of fitting on a sample (analysis/sampled.ts), `npx tsx test/bench/sampled.bench.ts`:
 * on the labelled sets in ../shared/datasets, ours with k = the true number of labels, fitted on all
 * texts and then on seeded samples of 2,000 / 5,000 / 10,000 texts (the threshold lowered so the
 * sample path runs) with every other text placed by the fitted model. NMI / ARI / ACC in percent
 * over all texts, and the time of each fit. SAMPLED_BENCH_SIZES and SAMPLED_BENCH_SEEDS override.
 */
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { columnOf, parseCsv } from "../../analysis/csv.js";
import { scoreClustering } from "../../analysis/metrics.js";
import { analyzeThemesSampled } from "../../analysis/sampled.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sharedDir = [process.env.PAINMAP_SHARED, resolve(repoRoot, "../shared"), "/work/shared"].find(
  (dir): dir is string => !!dir && existsSync(join(dir, "datasets")),
);
if (!sharedDir) throw new Error("no shared datasets found (looked for ../shared/datasets); set PAINMAP_SHARED");
const datasets = (process.env.SAMPLED_BENCH_DATASETS ?? "stackoverflow20,banking77").split(",");
const sizes = (process.env.SAMPLED_BENCH_SIZES ?? "2000,5000,10000").split(",").map(Number);
const seeds = (process.env.SAMPLED_BENCH_SEEDS ?? "42,7").split(",").map(Number);
const pct = (x: number) => (100 * x).toFixed(1);

console.log("| dataset | fit on | seed | NMI | ARI | ACC | time s | load |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const name of datasets) {
  const table = parseCsv(readFileSync(join(sharedDir, "datasets", name, "all.csv"), "utf8"));
  const all = columnOf(table, "text");
  const allLabels = columnOf(table, "label");
  const keep = all.flatMap((t, i) => (t.trim() ? [i] : []));
  const texts = keep.map((i) => all[i]);
  const labels = keep.map((i) => allLabels[i]);
  const k = new Set(labels).size;
  for (const seed of seeds)
    for (const size of [texts.length, ...sizes.filter((s) => s < texts.length)]) {
      const started = performance.now();
      const whole = size >= texts.length;
      const result = analyzeThemesSampled(
        texts,
        { k, seed },
        whole ? { sampleAbove: texts.length, sampleSize: texts.length } : { sampleAbove: 0, sampleSize: size },
      );
      const seconds = (performance.now() - started) / 1000;
      const s = scoreClustering(labels, result.assignments);
      const fit = whole ? `all ${texts.length}` : `${size} sample`;
      console.log(
        `| ${name} | ${fit} | ${seed} | ${pct(s.nmi)} | ${pct(s.ari)} | ${pct(s.acc)} | ${seconds.toFixed(1)} | ${os.loadavg()[0].toFixed(1)} |`,
      );
    }
}
