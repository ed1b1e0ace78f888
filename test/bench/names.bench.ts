/**
 * npm run bench:names [-- --datasets a,b] [-- --k true]
 *
 * What a marketer reads, measured on the labelled sets in ../shared/datasets with automatic k
 * (or the true k with --k true):
 *   - naming hit rate: share of clustered texts (size-weighted over themes) whose theme name
 *     shares a word (Porter stem) with the name of the theme's majority class, e.g. a
 *     BANKING77 card_arrival theme named "card delivery" or "arrival" counts;
 *   - near-duplicate quotes: themes with two quotes of token Jaccard >= 0.6;
 *   - generic or broken names: single generic words, names ending in a preposition.
 * The class names are only read here, never by analysis/.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { columnOf, parseCsv } from "../../analysis/csv.js";
import { scoreClustering } from "../../analysis/metrics.js";
import { tokenJaccard } from "../../analysis/quotes.js";
import { createStemmer } from "../../analysis/stem.js";
import { isStopWord } from "../../analysis/stopwords.js";
import { analyzeThemesTimed } from "../../analysis/themes.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sharedDir = [process.env.PAINMAP_SHARED, resolve(repoRoot, "../shared"), "/work/shared"].find(
  (dir): dir is string => !!dir && existsSync(join(dir, "datasets")),
);
if (!sharedDir) {
  console.error("no shared datasets found; set PAINMAP_SHARED");
  process.exit(2);
}
const datasets = (option("datasets") ?? "banking77,stackoverflow20,cfpb-complaints").split(",");
const useTrueK = option("k") === "true";
const stem = createStemmer();
const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !isStopWord(w))
    .map(stem);

const table: string[][] = [];
for (const name of datasets) {
  const csv = join(sharedDir, "datasets", name, "all.csv");
  if (!existsSync(csv)) continue;
  const parsed = parseCsv(readFileSync(csv, "utf8"));
  const allTexts = columnOf(parsed, "text");
  const allLabels = columnOf(parsed, "label");
  const keep = allTexts.flatMap((t, i) => (t.trim() ? [i] : []));
  const texts = keep.map((i) => allTexts[i]);
  const labels = keep.map((i) => allLabels[i]);
  const trueK = new Set(labels).size;
  const { result, timingsMs } = analyzeThemesTimed(texts, { seed: 42, k: useTrueK ? trueK : undefined });
  let hitSize = 0;
  let clustered = 0;
  let nearDuplicates = 0;
  const misses: string[] = [];
  for (const cluster of result.clusters) {
    const counts = new Map<string, number>();
    result.assignments.forEach((c, row) => c === cluster.id && counts.set(labels[row], (counts.get(labels[row]) ?? 0) + 1));
    const majority = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const classWords = new Set(words(majority.replace(/[_-]/g, " ")));
    const hit = words(cluster.label).some((w) => classWords.has(w));
    clustered += cluster.size;
    if (hit) hitSize += cluster.size;
    else misses.push(`${cluster.label} [${majority}, ${cluster.size}]`);
    const quotes = cluster.quotes.map((row) => texts[row]);
    if (quotes.some((a, i) => quotes.some((b, j) => j > i && tokenJaccard(a, b) >= 0.6))) nearDuplicates++;
  }
  const scores = scoreClustering(labels, result.assignments);
  table.push([
    name,
    String(result.k),
    ((100 * hitSize) / Math.max(1, clustered)).toFixed(1),
    String(nearDuplicates),
    (100 * scores.ari).toFixed(1),
    (100 * scores.nmi).toFixed(1),
    String(Math.round(timingsMs.label ?? 0)),
  ]);
  console.log(`${name}: misses (name [majority class, size]) ${misses.slice(0, 25).join("; ")}`);
  console.log(
    `${name}: names ${result.clusters
      .slice(0, 40)
      .map((c) => c.label)
      .join(" | ")}\n`,
  );
}
const head = ["dataset", "k", "name hit % (size-weighted)", "themes w/ near-dup quotes", "ARI", "NMI", "label ms"];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
console.log(line(head));
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
for (const row of table) console.log(line(row));
