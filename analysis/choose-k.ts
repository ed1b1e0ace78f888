import { sampleIndexes, type Rng } from "./random.js";
import { sphericalKmeans } from "./kmeans/index.js";
import { dotRow } from "./kmeans/dot.js";

interface KCandidate {
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
function upperK(count: number, settings: ChooseKSettings): number {
  return Math.max(1, Math.min(settings.maxK, count, Math.ceil(Math.sqrt(count)) + 1));
}

function candidateKs(low: number, high: number): number[] {
  const ks: number[] = [];
  for (let k = low; k <= high; k = Math.max(k + 1, Math.round(k * 1.2))) ks.push(k);
  if (ks[ks.length - 1] !== high) ks.push(high);
  return ks;
}

/**
 * Pick k by the silhouette (cosine distance, mean over points) of k-means solutions on a fixed-size sample,
 * penalised for the number of themes: score(k) = silhouette(k) - PENALTY * ln k, highest wins.
 *
 * Why a penalty: in LSA space the silhouette keeps creeping up with k (tight groups of
 * near-duplicate answers split off), so its maximum over-splits, and on weakly separated data
 * (long complaints) the curve rises almost linearly in ln k with no peak at all. The penalty
 * says "a larger k must be clearly better": doubling k has to buy PENALTY * ln 2 ~ 0.035 more
 * silhouette, which real topic structure does (0.08-0.15 per doubling up to the true k on the
 * labelled sets) and the creep does not (0.01-0.03). The earlier rule (first confirmed local
 * peak, then the smallest k within 10% of it) stopped at whatever noisy bump came first:
 * k = 5 on 100k texts with ~80 intents, 4-33 on one 1,000-text set depending on the seed.
 *
 * Noise: each k is scored by the best silhouette of REPLICATES k-means runs (own seeding each)
 * on the same sample and the same similarity matrix. Best, not mean: a run stuck in a poor local
 * optimum (two topics merged, one split) says nothing about how well k fits, and with the mean
 * one such run at the true k let a smaller k win (8 generated topics: k = 7 on 2 of 8 seeds).
 * The sample size is fixed, so selection costs the same for 2,000 and 100,000 texts. The scan
 * stops once the penalised score has not improved for PATIENCE grid points (a factor of ~2 in
 * k), which keeps large k cheap.
 */
export function chooseK(data: Float32Array, dimensions: number, rows: Int32Array, settings: ChooseKSettings, rng: Rng): KSelection {
  const count = rows.length;
  const high = upperK(count, settings);
  const low = Math.min(Math.max(2, settings.minK), high);
  if (high <= 2 || count < 4 || low >= high) {
    return { k: Math.min(high, Math.max(1, low)), method: "too few texts to compare", sampleSize: count, candidates: [] };
  }
  const positions = sampleIndexes(count, Math.min(count, settings.sampleSize), rng);
  const sample = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) sample[i] = rows[positions[i]];
  const similarity = pairwiseSimilarity(data, dimensions, sample);

  const candidates: KCandidate[] = [];
  let best: { k: number; penalised: number } | null = null;
  let sinceBest = 0;
  for (const k of candidateKs(low, high)) {
    if (k >= sample.length) break;
    let score = -Infinity;
    for (let replicate = 0; replicate < REPLICATES; replicate++) {
      const { assignments } = sphericalKmeans(
        data,
        dimensions,
        sample,
        { k, restarts: 1, maxIterations: SELECTION_ITERATIONS, restartSampleSize: Infinity, restartIterations: SELECTION_ITERATIONS },
        rng,
      );
      score = Math.max(score, silhouette(similarity, sample.length, assignments, k));
    }
    candidates.push({ k, score });
    const penalised = score - PENALTY * Math.log(k);
    if (best === null || penalised > best.penalised) {
      best = { k, penalised };
      sinceBest = 0;
    } else if (++sinceBest >= PATIENCE) break;
  }
  return { k: best?.k ?? low, method: METHOD, sampleSize: sample.length, candidates };
}

/** Silhouette a larger k must gain per unit of ln k (about 0.035 per doubling). */
const PENALTY = 0.05;
const PATIENCE = 4;
const REPLICATES = 2;
const SELECTION_ITERATIONS = 15;
const METHOD = "highest silhouette - 0.05 ln k";

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

function silhouette(similarity: Float32Array, size: number, assignments: Int32Array, k: number): number {
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
