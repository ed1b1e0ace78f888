import { createStemmer } from "./stem.js";
import { forEachTerm } from "./vectorize.js";

/**
 * What a theme run learned, enough to place new answers without re-clustering: the vocabulary
 * and idf of the TF-IDF step, the LSA projection basis, the unit centroids (theme i = cluster
 * id i of the run) and the similarity below which an answer is left unassigned.
 */
export interface ThemeModel {
  version: 1;
  /** Stemmed term keys in column order ("breach", "secur breach"). */
  terms: string[];
  idf: Float64Array;
  bigrams: boolean;
  dimensions: number;
  /** terms x dimensions, row-major. */
  basis: Float32Array;
  /** themes x dimensions, row-major, unit length. */
  centroids: Float32Array;
  /** Cosine to the nearest centroid below which a new answer stays unassigned. */
  minSimilarity: number;
}

export interface Placement {
  /** Theme (cluster id of the run the model came from), or -1 when unassigned. */
  theme: number;
  /** Cosine to that theme's centre (to the nearest one when unassigned; 0 without known words). */
  similarity: number;
}

/**
 * Share of a run's members that would themselves fall below the threshold: the 5th percentile
 * of member-to-centre cosines. An answer less like any theme than 95% of members are like
 * their own stays unassigned until the next full run, rather than diluting a theme's quotes.
 */
const UNASSIGNED_PERCENTILE = 0.05;

export function buildThemeModel(input: {
  terms: readonly string[];
  idf: Float64Array;
  bigrams: boolean;
  basis: Float64Array;
  dimensions: number;
  centroids: Float64Array;
  k: number;
  memberSimilarities: Float32Array;
}): ThemeModel {
  const centroids = new Float32Array(input.k * input.dimensions);
  for (let c = 0; c < input.k; c++) {
    let norm = 0;
    for (let j = 0; j < input.dimensions; j++) norm += input.centroids[c * input.dimensions + j] ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < input.dimensions; j++) centroids[c * input.dimensions + j] = input.centroids[c * input.dimensions + j] * scale;
  }
  const sims = Float32Array.from(input.memberSimilarities).sort();
  const minSimilarity = sims.length === 0 ? 1 : Math.max(0, sims[Math.floor(UNASSIGNED_PERCENTILE * (sims.length - 1))]);
  return {
    version: 1,
    terms: [...input.terms],
    idf: Float64Array.from(input.idf),
    bigrams: input.bigrams,
    dimensions: input.dimensions,
    basis: Float32Array.from(input.basis),
    centroids,
    minSimilarity: Math.round(minSimilarity * 10000) / 10000,
  };
}

/** Column lookups are built once per model, not once per call (one answer per submission). */
const columnCache = new WeakMap<ThemeModel, Map<string, number>>();

/**
 * Place each text in the theme whose centre is most similar, with the features the model was
 * fitted on (same tokens, stems, bigrams, sublinear tf, idf, L2, projection, normalisation),
 * or leave it unassigned (-1) below `model.minSimilarity` or when it has no known word.
 * Cost per text: its tokens plus (terms in it) x d plus k x d, about 0.05 ms for a short answer.
 */
export function assignToThemes(model: ThemeModel, texts: readonly string[]): Placement[] {
  let columns = columnCache.get(model);
  if (!columns) {
    columns = new Map(model.terms.map((term, column) => [term, column]));
    columnCache.set(model, columns);
  }
  const stem = createStemmer();
  const d = model.dimensions;
  const k = model.centroids.length / Math.max(1, d);
  const point = new Float64Array(d);
  return texts.map((text) => {
    const counts = new Map<number, number>();
    forEachTerm(typeof text === "string" ? text : "", stem, model.bigrams, (key) => {
      const column = columns!.get(key);
      if (column !== undefined) counts.set(column, (counts.get(column) ?? 0) + 1);
    });
    if (counts.size === 0 || k === 0) return { theme: -1, similarity: 0 };
    point.fill(0);
    let weightNorm = 0;
    for (const [column, count] of counts) {
      const weight = (1 + Math.log(count)) * model.idf[column];
      weightNorm += weight * weight;
      for (let j = 0; j < d; j++) point[j] += weight * model.basis[column * d + j];
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm += point[j] * point[j];
    if (norm <= 1e-24 || weightNorm === 0) return { theme: -1, similarity: 0 };
    const scale = 1 / Math.sqrt(norm);
    let best = -1;
    let bestSim = -Infinity;
    for (let c = 0; c < k; c++) {
      let sim = 0;
      for (let j = 0; j < d; j++) sim += point[j] * scale * model.centroids[c * d + j];
      if (sim > bestSim) [best, bestSim] = [c, sim];
    }
    const similarity = Math.round(bestSim * 10000) / 10000;
    return { theme: similarity >= model.minSimilarity ? best : -1, similarity };
  });
}

/** JSON-safe form for storing a model with its run: typed arrays as base64 of their bytes. */
export function serializeThemeModel(model: ThemeModel): string {
  const b64 = (array: Float32Array | Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
  return JSON.stringify({ ...model, idf: b64(model.idf), basis: b64(model.basis), centroids: b64(model.centroids) });
}

export function parseThemeModel(json: string): ThemeModel {
  const raw = JSON.parse(json);
  if (raw?.version !== 1 || !Array.isArray(raw.terms)) throw new Error("not a theme model (version 1)");
  const bytes = (text: string) => {
    const buffer = Buffer.from(text, "base64");
    return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  };
  return {
    version: 1,
    terms: raw.terms,
    idf: new Float64Array(bytes(raw.idf)),
    bigrams: !!raw.bigrams,
    dimensions: raw.dimensions,
    basis: new Float32Array(bytes(raw.basis)),
    centroids: new Float32Array(bytes(raw.centroids)),
    minSimilarity: raw.minSimilarity,
  };
}
