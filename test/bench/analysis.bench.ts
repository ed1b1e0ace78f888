/**
 * npm run bench:analysis [-- --repeat N] [-- --skip-scaling | --only-scaling] [-- --datasets a,b]
 *
 * Side by side in one run, on the labelled sets in ../shared/datasets:
 *   ours with k = number of true labels, ours with automatic k, and scikit-learn's
 *   TF-IDF + KMeans(n_init=10) reference (../shared/reference/sklearn_baseline.py),
 * then scaling on 10k / 50k / 100k texts (banking77 replicated with seeded light perturbation),
 * and the import time of analysis/index.ts. Every run of ours is a child process (own heap,
 * own peak RSS) that includes reading and parsing the CSV. Times are medians over --repeat runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { columnOf, parseCsv } from "../../analysis/csv.js";
import { scoreClustering } from "../../analysis/metrics.js";
import { createRng } from "../../analysis/random.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const repeat = Math.max(1, Number(option("repeat") ?? 1));
const skipScaling = args.includes("--skip-scaling");
const onlyScaling = args.includes("--only-scaling");
const sharedDir = [process.env.PAINMAP_SHARED, resolve(repoRoot, "../shared"), "/work/shared"].find(
  (dir): dir is string => !!dir && existsSync(join(dir, "datasets")),
);
if (!sharedDir) {
  console.error("no shared datasets found (looked for ../shared/datasets); set PAINMAP_SHARED");
  process.exit(2);
}
const datasets = onlyScaling ? [] : (option("datasets") ?? "banking77,stackoverflow20,cfpb-complaints").split(",");
const python = "/usr/bin/python3";
const sklearnScript = join(sharedDir, "reference/sklearn_baseline.py");
const work = mkdtempSync(join(tmpdir(), "painmap-bench-"));
const childScript = join(repoRoot, "test/bench/analysis-child.ts");

interface ChildRun {
  n: number;
  k: number;
  ms: number;
  maxRssMb: number;
  timingsMs: Record<string, number>;
  candidates: number[];
  assignments?: number[];
}

function runChild(childArgs: string[]): ChildRun {
  const result = spawnSync(process.execPath, ["--import", "tsx", childScript, ...childArgs], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, DOTENV_CONFIG_QUIET: "true" },
  });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sklearnAvailable(): string | null {
  if (!existsSync(python)) return `${python} not found`;
  if (!existsSync(sklearnScript)) return `${sklearnScript} not found`;
  const probe = spawnSync(python, ["-c", "import sklearn, scipy"], { encoding: "utf8" });
  return probe.status === 0 ? null : "python3 has no sklearn/scipy (apt-get install python3-sklearn)";
}

interface SklearnRun {
  NMI: number;
  ARI: number;
  ACC: number;
  total_s: number;
}

function runSklearn(csv: string, name: string): SklearnRun {
  const out = join(work, `${name}-sk.jsonl`);
  rmSync(out, { force: true });
  const result = spawnSync(python, [sklearnScript, csv, "--name", name, "--methods", "kmeans", "--json-out", out], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`sklearn failed: ${result.stderr}`);
  return JSON.parse(readFileSync(out, "utf8").trim().split("\n")[0]);
}

/** Same rows as the reference: rows with an empty text are dropped before scoring. */
function loadLabelled(csv: string) {
  const table = parseCsv(readFileSync(csv, "utf8"));
  const texts = columnOf(table, "text");
  const labels = columnOf(table, "label");
  const keep = texts.flatMap((t, i) => (t.trim() ? [i] : []));
  return { texts: keep.map((i) => texts[i]), labels: keep.map((i) => labels[i]) };
}

function csvOf(texts: readonly string[]): string {
  return "text\n" + texts.map((t) => `"${t.replace(/"/g, '""')}"`).join("\n") + "\n";
}

const fmt = (x: number, digits = 1) => x.toFixed(digits);
const pct = (x: number) => (100 * x).toFixed(1);
const pad = (s: string, n: number) => s.padEnd(n);

const skMissing = sklearnAvailable();
if (skMissing) console.log(`scikit-learn reference skipped: ${skMissing}`);
console.log(`shared data: ${sharedDir}; repeat=${repeat}; node ${process.version}\n`);

const rows: string[][] = [];
const header = ["dataset", "method", "k", "NMI", "ARI", "ACC", "time s", "vs sklearn"];
for (const name of datasets) {
  const csv = join(sharedDir, "datasets", name, "all.csv");
  if (!existsSync(csv)) {
    console.log(`skipping ${name}: ${csv} not found`);
    continue;
  }
  const { texts, labels } = loadLabelled(csv);
  const trueK = new Set(labels).size;
  const input = join(work, `${name}.csv`);
  writeFileSync(input, csvOf(texts));
  process.stderr.write(`[bench] ${name}: n=${texts.length} true k=${trueK}\n`);

  let sk: SklearnRun | null = null;
  if (!skMissing) {
    const runs = Array.from({ length: repeat }, () => runSklearn(csv, name));
    sk = { ...runs[0], total_s: median(runs.map((r) => r.total_s)) };
    rows.push([name, "sklearn TF-IDF+KMeans(n_init=10)", String(trueK), fmt(sk.NMI), fmt(sk.ARI), fmt(sk.ACC), fmt(sk.total_s, 2), ""]);
  }
  for (const [method, kArg] of [
    ["ours, true k", String(trueK)],
    ["ours, auto k", "auto"],
  ] as const) {
    const runs = Array.from({ length: repeat }, (_, i) => runChild(["run", input, kArg, i === 0 ? "with-assignments" : ""]));
    const first = runs[0];
    const scores = scoreClustering(labels, first.assignments!);
    const seconds = median(runs.map((r) => r.ms)) / 1000;
    const versus = sk
      ? `time x${fmt(seconds / sk.total_s, 2)}, NMI ${sign(100 * scores.nmi - sk.NMI)}, ARI ${sign(100 * scores.ari - sk.ARI)}`
      : "";
    rows.push([name, method, String(first.k), pct(scores.nmi), pct(scores.ari), pct(scores.acc), fmt(seconds, 2), versus]);
    process.stderr.write(`[bench]   ${method}: k=${first.k} ${JSON.stringify(roundAll(first.timingsMs))}\n`);
  }
}
if (rows.length) printTable(header, rows);

if (!skipScaling) {
  console.log("\nscaling (banking77 replicated with seeded word dropout/swap; automatic k; whole pipeline incl. CSV read):");
  const base = loadLabelled(join(sharedDir, "datasets", "banking77", "all.csv")).texts;
  const scaleRows: string[][] = [];
  for (const n of [10_000, 50_000, 100_000]) {
    const input = join(work, `scale-${n}.csv`);
    writeFileSync(input, csvOf(perturbedCopies(base, n, 7)));
    process.stderr.write(`[bench] scaling n=${n}\n`);
    const runs = Array.from({ length: repeat }, () => runChild(["run", input, "auto"]));
    const ms = median(runs.map((r) => r.ms));
    scaleRows.push([
      String(n),
      String(runs[0].k),
      fmt(ms / 1000, 2),
      fmt((1000 * ms) / n / 1000, 3),
      fmt(Math.max(...runs.map((r) => r.maxRssMb)), 0),
    ]);
    process.stderr.write(`[bench]   ${JSON.stringify(roundAll(runs[0].timingsMs))}\n`);
  }
  printTable(["texts", "k", "time s", "ms / 1k texts", "peak RSS MB"], scaleRows);
}

const imports = Array.from({ length: Math.max(3, repeat) }, () => {
  const result = spawnSync(process.execPath, ["--import", "tsx", childScript, "import"], { cwd: repoRoot, encoding: "utf8" });
  return JSON.parse(result.stdout.trim()).importMs as number;
});
console.log(
  `\nimport analysis/index.ts (module graph incl. tsx transpile, excluding tsx start-up): median ${fmt(median(imports), 0)} ms of ${imports.length}`,
);
rmSync(work, { recursive: true, force: true });

function perturbedCopies(texts: readonly string[], count: number, seed: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = texts[i % texts.length].split(/\s+/);
    if (i >= texts.length) {
      // Light perturbation: drop ~10% of words and swap one neighbouring pair.
      const kept = words.filter(() => rng.next() > 0.1);
      if (kept.length > 2 && rng.next() < 0.5) {
        const j = rng.int(kept.length - 1);
        [kept[j], kept[j + 1]] = [kept[j + 1], kept[j]];
      }
      out.push((kept.length ? kept : words).join(" "));
    } else out.push(words.join(" "));
  }
  return out;
}

function sign(x: number): string {
  return `${x >= 0 ? "+" : ""}${x.toFixed(1)}`;
}

function roundAll(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Math.round(v)]));
}

function printTable(head: string[], body: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => pad(c, widths[i])).join(" | ") + " |";
  console.log(line(head));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const row of body) console.log(line(row));
}
