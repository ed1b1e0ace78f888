import type { Rng } from "../random.js";
import { dotRow } from "./dot.js";

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) for unit vectors: the next centre is drawn with
 * probability proportional to 1 - cosine to the nearest centre so far, which is half the squared
 * Euclidean distance on the sphere, so the usual D^2 guarantee carries over.
 * `rows` restricts seeding to a subset (a sample) of the data.
 */
export function seedCentroids(data: Float32Array, dimensions: number, rows: Int32Array, k: number, rng: Rng): Float64Array {
  const count = rows.length;
  const centroids = new Float64Array(k * dimensions);
  const distance = new Float64Array(count).fill(Infinity);
  let chosen = rows[rng.int(count)];
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < dimensions; j++) centroids[c * dimensions + j] = data[chosen * dimensions + j];
    if (c === k - 1) break;
    let total = 0;
    for (let i = 0; i < count; i++) {
      const d = Math.max(0, 1 - dotRow(data, rows[i] * dimensions, centroids, c * dimensions, dimensions));
      if (d < distance[i]) distance[i] = d;
      total += distance[i];
    }
    if (total <= 1e-12) {
      // Fewer distinct points than k: remaining centres duplicate; the caller drops empty clusters.
      chosen = rows[rng.int(count)];
      continue;
    }
    let target = rng.next() * total;
    let pick = count - 1;
    for (let i = 0; i < count; i++) {
      target -= distance[i];
      if (target <= 0 && distance[i] > 0) {
        pick = i;
        break;
      }
    }
    chosen = rows[pick];
  }
  return centroids;
}
