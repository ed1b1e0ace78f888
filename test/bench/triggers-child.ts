/**
 * Child process of the trigger benchmark: detectTriggers from one copy of analysis/ (this tree's,
 * or a baseline's extracted by `--against REF`) over the same N answers, in its own process so
 * each run has its own heap and JIT. Prints {"n","wallS","cpuS","found"} as one JSON line.
 *   tsx test/bench/triggers-child.ts ANALYSIS_DIR N
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRng } from "../../analysis/random.js";
import { loadCorpus } from "../../analysis/triggers/corpus.js";

const [dir, nArg] = process.argv.slice(2);
const n = Number(nArg);
const { detectTriggers } = (await import(pathToFileURL(resolve(dir, "triggers/index.ts")).href)) as {
  detectTriggers: (texts: readonly string[]) => unknown[][];
};

// The corpus's answers, replicated with 8% seeded word dropout so no two are identical; the mix
// of trigger and no-trigger answers stays the corpus's. Always this tree's corpus, so a baseline
// reads the same texts.
const corpus = loadCorpus();
const rng = createRng(7);
const texts: string[] = [];
for (let i = 0; i < n; i++) {
  const words = corpus[i % corpus.length].text.split(/\s+/);
  texts.push(i < corpus.length ? words.join(" ") : words.filter(() => rng.next() > 0.08).join(" "));
}

const cpu0 = process.cpuUsage();
const started = performance.now();
const found = detectTriggers(texts).filter((m) => m.length > 0).length;
const wallS = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ n, wallS, cpuS: (cpu.user + cpu.system) / 1e6, found }) + "\n");
