import { dotRow } from "./dot.js";

export interface KmeansResult {
  /** Cluster per entry of `rows`. */
  assignments: Int32Array;
  centroids: Float64Array;
  /** Sum over points of cosine to their centre (higher is better). */
  objective: number;
  iterations: number;
}

/**
 * Spherical k-means (Dhillon & Modha 2001) with Elkan-style bounds on cosine similarity
 * (Elkan 2003, adapted to the sphere). For unit x, |<x,c'> - <x,c>| <= |c' - c|, so after the
 * centres move by delta_c we know sim(own) >= lower - delta_own and sim(c) <= upper_c + delta_c
 * for every other centre c. One upper bound per point and centre (Float32, n x k) lets a point
 * skip every centre whose bound cannot beat its own centre; after the first passes most points
 * compute one or two dot products instead of k. Centre sums are updated only for the points
 * that moved, so late iterations cost little beyond the few points near a boundary.
 */
export function elkanBoundedKmeans(
  data: Float32Array,
  dimensions: number,
  rows: Int32Array,
  initial: Float64Array,
  k: number,
  maxIterations: number,
): KmeansResult {
  const count = rows.length;
  const centroids = Float64Array.from(initial);
  const assignments = new Int32Array(count).fill(-1);
  const lower = new Float64Array(count);
  const upper = new Float32Array(count * k);
  const sums = new Float64Array(k * dimensions);
  const sizes = new Int32Array(k);
  const dirty = new Uint8Array(k);
  const shift = new Float64Array(k);
  let iterations = 0;

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    iterations++;
    let changed = 0;
    dirty.fill(0);
    for (let i = 0; i < count; i++) {
      const offset = rows[i] * dimensions;
      const bounds = i * k;
      const own = assignments[i];
      let best = own;
      if (own < 0) {
        // First pass: every similarity exactly.
        let bestSim = -Infinity;
        for (let c = 0; c < k; c++) {
          const sim = dotRow(data, offset, centroids, c * dimensions, dimensions);
          upper[bounds + c] = sim + BOUND_SLACK;
          if (sim > bestSim) {
            bestSim = sim;
            best = c;
          }
        }
        lower[i] = bestSim;
      } else {
        let low = lower[i] - shift[own];
        let tight = false;
        for (let c = 0; c < k; c++) {
          const up = upper[bounds + c] + shift[c];
          upper[bounds + c] = up;
          if (c === best || up <= low) continue;
          if (!tight) {
            low = dotRow(data, offset, centroids, best * dimensions, dimensions);
            upper[bounds + best] = low + BOUND_SLACK;
            tight = true;
            if (up <= low) continue;
          }
          const sim = dotRow(data, offset, centroids, c * dimensions, dimensions);
          upper[bounds + c] = sim + BOUND_SLACK;
          if (sim > low) {
            low = sim;
            best = c;
          }
        }
        lower[i] = low;
      }
      if (best !== own) {
        if (own >= 0) moveOut(data, offset, sums, sizes, own, dimensions);
        moveIn(data, offset, sums, sizes, best, dimensions);
        dirty[own < 0 ? best : own] = 1;
        dirty[best] = 1;
        assignments[i] = best;
        changed++;
      }
    }
    if (changed === 0) break;
    if (iteration === 0 || changed > count * 0.05) {
      // Many small float updates drift; a fresh sum keeps centres exact in the busy early phase.
      recomputeSums(data, dimensions, rows, assignments, sums, sizes);
    }
    reseedEmptyClusters(data, dimensions, rows, assignments, lower, sums, sizes, dirty, k);
    shift.fill(0);
    for (let c = 0; c < k; c++) {
      if (!dirty[c]) continue;
      shift[c] = updateCentroid(sums, centroids, c, dimensions);
    }
    // Below 0.1% of points moving, further passes change labels of a handful of boundary answers only.
    if (changed <= count * 1e-3) break;
  }

  let objective = 0;
  for (let i = 0; i < count; i++) {
    objective += dotRow(data, rows[i] * dimensions, centroids, assignments[i] * dimensions, dimensions);
  }
  return { assignments, centroids, objective, iterations };
}

/** Float32 bounds round; a little slack keeps them upper bounds (a loose bound only costs a dot product). */
const BOUND_SLACK = 1e-5;

function moveIn(data: Float32Array, offset: number, sums: Float64Array, sizes: Int32Array, c: number, dimensions: number): void {
  const target = c * dimensions;
  for (let j = 0; j < dimensions; j++) sums[target + j] += data[offset + j];
  sizes[c]++;
}

function moveOut(data: Float32Array, offset: number, sums: Float64Array, sizes: Int32Array, c: number, dimensions: number): void {
  const target = c * dimensions;
  for (let j = 0; j < dimensions; j++) sums[target + j] -= data[offset + j];
  sizes[c]--;
}

function recomputeSums(
  data: Float32Array,
  dimensions: number,
  rows: Int32Array,
  assignments: Int32Array,
  sums: Float64Array,
  sizes: Int32Array,
): void {
  sums.fill(0);
  sizes.fill(0);
  for (let i = 0; i < rows.length; i++) moveIn(data, rows[i] * dimensions, sums, sizes, assignments[i], dimensions);
}

/** Normalised sum becomes the new centre; returns how far (Euclidean) it moved. An empty cluster keeps its centre. */
function updateCentroid(sums: Float64Array, centroids: Float64Array, c: number, dimensions: number): number {
  const offset = c * dimensions;
  let norm = 0;
  for (let j = 0; j < dimensions; j++) norm += sums[offset + j] * sums[offset + j];
  if (norm <= 1e-24) return 0;
  const scale = 1 / Math.sqrt(norm);
  let moved = 0;
  for (let j = 0; j < dimensions; j++) {
    const next = sums[offset + j] * scale;
    moved += (next - centroids[offset + j]) ** 2;
    centroids[offset + j] = next;
  }
  return Math.sqrt(moved);
}

/**
 * An empty cluster restarts at the point that fits its own cluster worst, so a forced k gives
 * k non-empty clusters whenever there are k distinct points.
 */
function reseedEmptyClusters(
  data: Float32Array,
  dimensions: number,
  rows: Int32Array,
  assignments: Int32Array,
  fit: Float64Array,
  sums: Float64Array,
  sizes: Int32Array,
  dirty: Uint8Array,
  k: number,
): void {
  for (let c = 0; c < k; c++) {
    if (sizes[c] !== 0) continue;
    let worst = -1;
    for (let i = 0; i < rows.length; i++) {
      if (sizes[assignments[i]] > 1 && fit[i] < 0.999999 && (worst < 0 || fit[i] < fit[worst])) worst = i;
    }
    if (worst < 0) return;
    const offset = rows[worst] * dimensions;
    dirty[assignments[worst]] = 1;
    moveOut(data, offset, sums, sizes, assignments[worst], dimensions);
    moveIn(data, offset, sums, sizes, c, dimensions);
    assignments[worst] = c;
    fit[worst] = 1;
    dirty[c] = 1;
  }
}
