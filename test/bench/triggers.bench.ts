/**
 * npm run bench:analysis (second part): buying triggers at scale and the model's load cost.
 *
 * - 100,000 answers: the labelled corpus's answers, replicated with seeded word dropout so no two
 *   are identical (the mix of trigger and no-trigger answers stays the corpus's), through
 *   detectTriggers in a child process per run (triggers-child.ts); median of --repeat runs
 *   (default 3), wall and CPU time. Target <= 5 s. `--against REF` (a git ref, e.g. main) extracts
 *   that commit's analysis/ into .cache/ and runs it on the same texts, interleaved run by run,
 *   so before and after are measured side by side under the same load.
 * - Model load: the import of the detector (model JSON + wink-nlp's English model), measured in
 *   fresh child processes against the import of a module that loads nothing, median of 5.
 *   Target: <= 200 ms added to the analysis worker's start.
 * - Quality: the shipped model's test-split figures, recomputed.
 */
import { execFileSync, execSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, splitCorpus } from "../../analysis/triggers/corpus.js";
import { shippedTriggerModel } from "../../analysis/triggers/detect.js";
import { evaluate } from "../../analysis/triggers/train.js";
import { formatScores } from "../../analysis/triggers/score.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const repeat = Math.max(1, Number(args[args.indexOf("--repeat") + 1] ?? 3) || 3);
const N = 100_000;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const corpus = loadCorpus();
const againstAt = args.indexOf("--against");
const against = againstAt >= 0 ? args[againstAt + 1] : undefined;

interface ChildRun {
  n: number;
  wallS: number;
  cpuS: number;
  found: number;
}
function runChild(analysisDir: string): ChildRun {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", resolve(repoRoot, "test/bench/triggers-child.ts"), analysisDir, String(N)],
    {
      cwd: repoRoot,
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as ChildRun;
}

const versions: { name: string; dir: string }[] = [{ name: "this tree", dir: resolve(repoRoot, "analysis") }];
if (against) {
  const dir = resolve(repoRoot, ".cache", `bench-${against.replace(/[^\w.-]/g, "_")}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${JSON.stringify(against)} analysis | tar -x -C ${JSON.stringify(dir)}`, { cwd: repoRoot });
  versions.push({ name: against, dir: resolve(dir, "analysis") });
}

console.log(
  `\nbuying triggers: ${N.toLocaleString("en")} answers (corpus of ${corpus.length} replicated with 8% seeded word dropout), ${repeat} runs each, one process per run${against ? `, interleaved with ${against}` : ""}`,
);
const runs = new Map<string, ChildRun[]>(versions.map((v) => [v.name, []]));
for (let r = 0; r < repeat; r++) for (const v of versions) runs.get(v.name)!.push(runChild(v.dir));
for (const v of versions) {
  const rs = runs.get(v.name)!;
  const wall = median(rs.map((x) => x.wallS));
  const cpu = median(rs.map((x) => x.cpuS));
  console.log(
    `  ${v.name.padEnd(10)} detectTriggers: median ${wall.toFixed(2)} s wall (runs ${rs.map((x) => x.wallS.toFixed(2)).join(", ")}), ${cpu.toFixed(2)} s CPU, ${((wall / N) * 1e6).toFixed(1)} µs per answer; ${rs[0].found.toLocaleString("en")} answers with a trigger`,
  );
}

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
