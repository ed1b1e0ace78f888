import { sampleIndexes, type Rng } from "../random.js";
import { seedCentroids } from "./init.js";
import { elkanBoundedKmeans, type KmeansResult } from "./iterate.js";

export interface KmeansSettings {
  k: number;
  restarts: number;
  maxIterations: number;
  /** Restarts compete on a sample this large; the winner is then refined on all rows. */
  restartSampleSize: number;
  /** Iteration cap while restarts compete; ranking needs a rough optimum, not a converged one. */
  restartIterations: number;
}

/**
 * Spherical k-means++ with restarts, keeping the best objective. On large inputs the restarts
 * run on a sample (cheap, and the objective ranking of seedings is stable under sampling) and
 * only the winning centres are refined on every row.
 */
export function sphericalKmeans(
  data: Float32Array,
  dimensions: number,
  rows: Int32Array,
  settings: KmeansSettings,
  rng: Rng,
): KmeansResult {
  const k = Math.max(1, Math.min(settings.k, rows.length));
  const restarts = Math.max(1, settings.restarts);
  const sampled = rows.length > settings.restartSampleSize * 1.5;
  const candidates = sampled ? pick(rows, sampleIndexes(rows.length, settings.restartSampleSize, rng)) : rows;

  let best: KmeansResult | null = null;
  for (let restart = 0; restart < restarts; restart++) {
    const seeds = seedCentroids(data, dimensions, candidates, k, rng);
    const result = elkanBoundedKmeans(
      data,
      dimensions,
      candidates,
      seeds,
      k,
      sampled ? settings.restartIterations : settings.maxIterations,
    );
    if (best === null || result.objective > best.objective) best = result;
  }
  if (!sampled) return best!;
  return elkanBoundedKmeans(data, dimensions, rows, best!.centroids, k, settings.maxIterations);
}

function pick(rows: Int32Array, positions: Int32Array): Int32Array {
  const out = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) out[i] = rows[positions[i]];
  return out;
}
