/**
 * Themes for corpora too large to cluster whole (issue 12: an analysis run over 1,000,000 answers).
 * Above `sampleAbove` texts the model is fitted on a seeded sample of `sampleSize` texts
 * (vocabulary, idf, LSA basis, centroids, labels, quotes), and every other text is placed with
 * that model's assignToThemes, in batches. At or below the threshold this is analyzeThemes itself,
 * so small studies get exactly the result they got before.
 *
 * Cost above the threshold: one clustering of sampleSize texts plus (tokens + terms x d + k x d)
 * per remaining text; memory beyond the texts themselves is one Int32Array of assignments.
 * Same texts + same seed = same result (the sample comes from the run's seed).
 */
import { assignToThemes } from "./assign.js";
import { resolveOptions, type AnalyzeOptions } from "./options.js";
import { createRng, sampleIndexes } from "./random.js";
import { analyzeThemes } from "./themes.js";
import type { ThemeResult } from "./types.js";

export interface SampleOptions {
  /** Corpora up to this many texts are clustered whole. */
  sampleAbove: number;
  /** Texts the model is fitted on above the threshold. */
  sampleSize: number;
  /** Texts placed per assignToThemes call (progress is reported between batches). */
  batchSize?: number;
}

/**
 * Measured on stackoverflow20 and banking77 (test/bench/sampled.bench.ts, docs/scale.md): a fit on
 * 10,000 texts scores within a point or two of NMI of the full fit; 30,000 leaves room for
 * many themes (k = 50 means about 600 answers per theme in the sample) at about 15 s on this machine.
 */
export const DEFAULT_SAMPLE: SampleOptions = { sampleAbove: 50_000, sampleSize: 30_000, batchSize: 10_000 };

/** Seed offset so the sample draw does not share its random stream with the clustering. */
const SAMPLE_SEED_SALT = 0x5eed;

export interface SampledThemeResult extends ThemeResult {
  /** Rows (indexes into the input) the model was fitted on; null when the corpus was clustered whole. */
  sampledRows: Int32Array | null;
}

export function analyzeThemesSampled(
  texts: readonly string[],
  options: AnalyzeOptions = {},
  sample: SampleOptions = DEFAULT_SAMPLE,
): SampledThemeResult {
  const n = texts.length;
  if (n <= sample.sampleAbove || sample.sampleSize >= n) return { ...analyzeThemes(texts, options), sampledRows: null };

  const settings = resolveOptions(options);
  const rows = sampleIndexes(n, sample.sampleSize, createRng(settings.seed + SAMPLE_SEED_SALT));
  const fitShare = 0.7; // of the progress bar: fitting on the sample, then placing the rest
  const fitted = analyzeThemes(
    Array.from(rows, (row) => texts[row]),
    { ...options, onProgress: (fraction, stage) => options.onProgress?.(fitShare * fraction, `${stage} (sample)`) },
  );
  const assignments = new Int32Array(n).fill(-1);
  rows.forEach((row, i) => (assignments[row] = fitted.assignments[i]));
  if (fitted.model) {
    // Every text with a known word joins its nearest theme, as every clusterable text does in a
    // whole-corpus fit; the live threshold (minSimilarity) is for answers arriving between runs.
    const model = { ...fitted.model, minSimilarity: -Infinity };
    const inSample = new Uint8Array(n);
    for (const row of rows) inSample[row] = 1;
    const batchSize = Math.max(1, sample.batchSize ?? DEFAULT_SAMPLE.batchSize!);
    const batchRows: number[] = [];
    const flush = () => {
      const placements = assignToThemes(
        model,
        batchRows.map((row) => texts[row]),
      );
      batchRows.forEach((row, i) => (assignments[row] = placements[i].theme));
      batchRows.length = 0;
    };
    for (let row = 0; row < n; row++) {
      if (inSample[row]) continue;
      batchRows.push(row);
      if (batchRows.length === batchSize) {
        flush();
        options.onProgress?.(fitShare + (1 - fitShare) * (row / n), "assigning answers");
      }
    }
    if (batchRows.length) flush();
  }
  options.onProgress?.(1, "done");

  const sizes = new Array<number>(fitted.k).fill(0);
  const unclustered: number[] = [];
  assignments.forEach((c, row) => (c >= 0 ? sizes[c]++ : unclustered.push(row)));
  const clusters = fitted.clusters.map((c) => ({
    ...c,
    size: sizes[c.id],
    quotes: c.quotes.map((i) => rows[i]),
  }));
  return {
    k: fitted.k,
    assignments: Array.from(assignments),
    clusters,
    unclustered,
    model: fitted.model,
    quality: {
      ...fitted.quality,
      clusteredCount: n - unclustered.length,
      unclusteredCount: unclustered.length,
      sample: { size: rows.length, of: n },
    },
    sampledRows: rows,
  };
}
