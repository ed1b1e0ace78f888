import { sampleIndexes, type Rng } from "./random.js";
import { sphericalKmeans } from "./kmeans/index.js";
import { dotRow } from "./kmeans/dot.js";

export interface KCandidate {
  k: number;
  score: number;
}

export interface KSelection {
  k: number;
  method: string;
  sampleSize: number;
  candidates: KCandidate[];
}

export interface ChooseKSettings {
  minK: number;
  maxK: number;
  sampleSize: number;
}

/** Largest k worth considering: about sqrt(n), so 20 texts get at most 6 themes and 10k at most ~100. */
export function upperK(count: number, settings: ChooseKSettings): number {
  return Math.max(1, Math.min(settings.maxK, count, Math.ceil(Math.sqrt(count)) + 1));
}

export function candidateKs(low: number, high: number): number[] {
  const ks: number[] = [];
  for (let k = low; k <= high; k = Math.max(k + 1, Math.round(k * 1.2))) ks.push(k);
  if (ks[ks.length - 1] !== high) ks.push(high);
  return ks;
}

/**
 * Pick k near the first peak of the mean silhouette (cosine distance) of k-means solutions on a
 * sample, scanning k upward on a geometric grid. Silhouette compares each text's fit to its own
 * theme with the nearest other theme. In LSA space its global maximum keeps creeping up with k
 * (small clusters of near-duplicate answers look very tight), so the global maximum over-splits;
 * the first peak is the coarsest grouping that is locally best, which is what a reader of
 * themes wants. A peak must be confirmed by the next two grid points, so a single noisy dip
 * does not stop the scan. The scan stops there, which also keeps selection cheap. Then the
 * smallest scanned k within a tenth of the silhouette range of that peak is taken (parsimony,
 * like a one-standard-error rule): the plateau before a peak is often almost as good.
 */
export function chooseK(data: Float32Array, dimensions: number, rows: Int32Array, settings: ChooseKSettings, rng: Rng): KSelection {
  const count = rows.length;
  const high = upperK(count, settings);
  const low = Math.min(Math.max(2, settings.minK), high);
  if (high <= 2 || count < 4) {
    return { k: Math.min(high, Math.max(1, low)), method: "too few texts to compare", sampleSize: count, candidates: [] };
  }
  const positions = sampleIndexes(count, Math.min(count, settings.sampleSize), rng);
  const sample = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) sample[i] = rows[positions[i]];
  const similarity = pairwiseSimilarity(data, dimensions, sample);

  const candidates: KCandidate[] = [];
  let chosen: KCandidate | null = null;
  for (const k of candidateKs(low, high)) {
    if (k >= sample.length) break;
    const { assignments } = sphericalKmeans(
      data,
      dimensions,
      sample,
      { k, restarts: SELECTION_RESTARTS, maxIterations: SELECTION_ITERATIONS, restartSampleSize: Infinity, restartIterations: SELECTION_ITERATIONS },
      rng,
    );
    const candidate = { k, score: silhouette(similarity, sample.length, assignments, k) };
    candidates.push(candidate);
    // A peak counts once the next two grid points both fall below it: one dip is often sampling noise.
    const at = candidates.length - 3;
    if (at >= 0 && candidates[at + 1].score < candidates[at].score && candidates[at + 2].score < candidates[at].score) {
      chosen = candidates[at];
      break;
    }
  }
  const peak = chosen ?? candidates.reduce((best, c) => (c.score > best.score ? c : best), candidates[0] ?? { k: low, score: 0 });
  // Parsimony: the smallest k whose silhouette comes within a tenth of the scanned range of the
  // peak. Past the point where themes separate, silhouette in LSA space keeps creeping up as
  // tight groups of near-duplicate answers split off; a reader gains little from those splits.
  let floor = peak.score;
  for (const c of candidates) if (c.k <= peak.k) floor = Math.min(floor, c.score);
  const threshold = peak.score - PARSIMONY * (peak.score - floor);
  const picked = candidates.find((c) => c.k <= peak.k && c.score >= threshold) ?? peak;
  return { k: picked.k, method: "smallest k within 10% of the silhouette peak", sampleSize: sample.length, candidates };
}

/** Share of the silhouette range (lowest scanned to peak) a smaller k may give up. */
const PARSIMONY = 0.1;

const SELECTION_RESTARTS = 1;
const SELECTION_ITERATIONS = 15;

function pairwiseSimilarity(data: Float32Array, dimensions: number, sample: Int32Array): Float32Array {
  const size = sample.length;
  const out = new Float32Array(size * size);
  const row = new Float64Array(dimensions);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < dimensions; j++) row[j] = data[sample[i] * dimensions + j];
    for (let other = i; other < size; other++) {
      const sim = dotRow(data, sample[other] * dimensions, row, 0, dimensions);
      out[i * size + other] = sim;
      out[other * size + i] = sim;
    }
  }
  return out;
}

export function silhouette(similarity: Float32Array, size: number, assignments: Int32Array, k: number): number {
  const clusterSizes = new Int32Array(k);
  for (let i = 0; i < size; i++) clusterSizes[assignments[i]]++;
  const distanceSums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < size; i++) {
    distanceSums.fill(0);
    const offset = i * size;
    for (let j = 0; j < size; j++) distanceSums[assignments[j]] += 1 - similarity[offset + j];
    const own = assignments[i];
    if (clusterSizes[own] <= 1) continue;
    const a = distanceSums[own] / (clusterSizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && clusterSizes[c] > 0) b = Math.min(b, distanceSums[c] / clusterSizes[c]);
    if (!Number.isFinite(b)) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
  }
  return total / size;
}
