import type { Rng } from "../random.js";
import { dotRow } from "./dot.js";

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007; the greedy variant scikit-learn uses)
 * for unit vectors: each next centre is the best of 2 + ln k candidates drawn with probability
 * proportional to 1 - cosine to the nearest centre so far (half the squared Euclidean distance
 * on the sphere, so the D^2 guarantee carries over), "best" meaning the candidate that lowers
 * the total distance most. The greedy choice avoids centres on outliers, which makes restarts
 * agree more often. `rows` restricts seeding to a subset (a sample) of the data.
 */
export function seedCentroids(data: Float32Array, dimensions: number, rows: Int32Array, k: number, rng: Rng): Float64Array {
  const count = rows.length;
  // Each candidate costs a pass over the rows; many themes get fewer (down to plain k-means++),
  // which is also where one unlucky centre matters least.
  const trials = Math.max(1, Math.min(2 + Math.floor(Math.log(Math.max(1, k))), Math.floor(CANDIDATE_BUDGET / Math.max(1, k))));
  const centroids = new Float64Array(k * dimensions);
  let distance = new Float64Array(count);
  let trial = new Float64Array(count);
  let bestTrial = new Float64Array(count);
  const candidate = new Float64Array(dimensions);
  const place = (c: number, row: number) => {
    for (let j = 0; j < dimensions; j++) centroids[c * dimensions + j] = data[row * dimensions + j];
  };
  const first = rows[rng.int(count)];
  place(0, first);
  let total = 0;
  for (let i = 0; i < count; i++) {
    distance[i] = Math.max(0, 1 - dotRow(data, rows[i] * dimensions, centroids, 0, dimensions));
    total += distance[i];
  }
  for (let c = 1; c < k; c++) {
    if (total <= 1e-12) {
      // Fewer distinct points than k: remaining centres duplicate; the caller drops empty clusters.
      place(c, rows[rng.int(count)]);
      continue;
    }
    let bestRow = -1;
    let bestTotal = Infinity;
    for (let t = 0; t < trials; t++) {
      const pick = drawProportional(distance, total, rng);
      const row = rows[pick];
      for (let j = 0; j < dimensions; j++) candidate[j] = data[row * dimensions + j];
      let candidateTotal = 0;
      for (let i = 0; i < count; i++) {
        const d = Math.max(0, 1 - dotRow(data, rows[i] * dimensions, candidate, 0, dimensions));
        const kept = d < distance[i] ? d : distance[i];
        trial[i] = kept;
        candidateTotal += kept;
      }
      if (candidateTotal < bestTotal) {
        bestTotal = candidateTotal;
        bestRow = row;
        const swap = bestTrial;
        bestTrial = trial;
        trial = swap;
      }
    }
    place(c, bestRow);
    const swap = distance;
    distance = bestTrial;
    bestTrial = swap;
    total = bestTotal;
  }
  return centroids;
}

/** Candidates per centre times k stays under this, so seeding costs at most ~100 passes over the rows. */
const CANDIDATE_BUDGET = 100;

function drawProportional(weights: Float64Array, total: number, rng: Rng): number {
  let target = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target <= 0 && weights[i] > 0) return i;
  }
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return weights.length - 1;
}
