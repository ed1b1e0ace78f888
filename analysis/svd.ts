import { orthonormalizeColumns, multiplySmall, symmetricCrossProduct, symmetricEigen } from "./linalg.js";
import type { Rng } from "./random.js";
import { multiplyDense, multiplyTransposeDense, transpose, type CsrMatrix } from "./sparse.js";

export interface Embedding {
  /** rows x dimensions, row-major, each non-empty row scaled to unit length. */
  vectors: Float32Array;
  rows: number;
  dimensions: number;
  /**
   * terms x dimensions, row-major: a new TF-IDF row x lands at x * basis, in the same space as
   * `vectors` (up to the row normalisation), so new answers can be placed without a new SVD.
   */
  basis: Float64Array;
}

export interface SvdSettings {
  dimensions: number;
  oversampling: number;
  powerIterations: number;
}

/**
 * Truncated SVD (LSA) by the randomized range finder of Halko, Martinsson & Tropp (2011),
 * run on the smaller side: the dense basis is (min(texts, terms) x width), so orthonormalising
 * costs min(texts, terms)*width^2 -- terms for many short answers, texts for a few long ones.
 * Returns U*Sigma (up to a rotation) with rows re-normalised, because clustering compares directions (cosine).
 */
export function truncatedSvd(matrix: CsrMatrix, settings: SvdSettings, rng: Rng): Embedding {
  if (matrix.rows >= matrix.cols) {
    // Many texts, fewer terms. Clustering only needs cosines between texts, and for an
    // orthonormal term basis Q of the top right singular subspace, A*Q = U*Sigma*(V^T Q) is
    // U*Sigma turned by an orthogonal matrix: same cosines. So no Rayleigh-Ritz step (two
    // terms x width^2 products and an eigen-solve) and no oversampled tail to cut off:
    // the basis is exactly `dimensions` wide.
    const rank = Math.min(matrix.rows, matrix.cols);
    const width = Math.max(1, Math.min(settings.dimensions, rank));
    const { basis, width: kept } = rangeBasis(matrix, width, settings.powerIterations, rng);
    if (kept === 0) return normalisedEmbedding(new Float64Array(0), matrix.rows, 0, new Float64Array(0));
    return normalisedEmbedding(multiplyDense(matrix, basis, kept), matrix.rows, kept, basis);
  }
  // Fewer texts than terms: the right singular vectors of A^T are A's left ones, U; U*Sigma is the embedding.
  const transposed = transpose(matrix);
  const { rightSingular, singularValues, kept } = rightSingularSubspace(transposed, settings, rng);
  // The term basis V = A^T U Sigma^-1 (A = U Sigma V^T), so x * V places a new row like A * V = U * Sigma.
  const basis = kept === 0 ? new Float64Array(0) : multiplyDense(transposed, rightSingular, kept);
  for (let t = 0; t < matrix.cols && kept > 0; t++) for (let j = 0; j < kept; j++) basis[t * kept + j] /= singularValues[j] || 1;
  for (let r = 0; r < matrix.rows; r++) for (let j = 0; j < kept; j++) rightSingular[r * kept + j] *= singularValues[j];
  return normalisedEmbedding(rightSingular, matrix.rows, kept, basis);
}

/** Orthonormal basis (cols x width) of the dominant right singular subspace: (A^T A)^(q+1) * Gaussian, re-orthonormalised every pass. */
function rangeBasis(matrix: CsrMatrix, width: number, powerIterations: number, rng: Rng): { basis: Float64Array; width: number } {
  if (matrix.cols === 0 || matrix.rows === 0) return { basis: new Float64Array(0), width: 0 };
  let basis: Float64Array = new Float64Array(matrix.cols * width);
  for (let i = 0; i < basis.length; i++) basis[i] = rng.normal();
  let basisWidth = width;
  for (let pass = 0; pass <= powerIterations; pass++) {
    const projected = multiplyDense(matrix, basis, basisWidth);
    const back = multiplyTransposeDense(matrix, projected, basisWidth);
    ({ basis, width: basisWidth } = orthonormalizeColumns(back, matrix.cols, basisWidth));
    if (basisWidth === 0) break;
  }
  return { basis, width: basisWidth };
}

function rightSingularSubspace(
  matrix: CsrMatrix,
  settings: SvdSettings,
  rng: Rng,
): { rightSingular: Float64Array; singularValues: Float64Array; kept: number } {
  const rank = Math.min(matrix.rows, matrix.cols);
  const dimensions = Math.max(1, Math.min(settings.dimensions, rank));
  const width = Math.min(rank, dimensions + settings.oversampling);
  const { basis, width: basisWidth } = rangeBasis(matrix, width, settings.powerIterations, rng);
  if (basisWidth === 0) return { rightSingular: new Float64Array(0), singularValues: new Float64Array(0), kept: 0 };

  // Rayleigh-Ritz: eigenvectors of Q^T A^T A Q rotate the basis onto the right singular vectors.
  // Everything stays in term space (terms x width) or sparse, never texts x width^2.
  const termSpace = multiplyTransposeDense(matrix, multiplyDense(matrix, basis, basisWidth), basisWidth);
  const small = symmetricCrossProduct(basis, termSpace, matrix.cols, basisWidth);
  const { values, vectors } = symmetricEigen(small, basisWidth);
  let kept = Math.min(dimensions, basisWidth);
  while (kept > 1 && values[kept - 1] <= values[0] * 1e-12) kept--;
  const rotation = new Float64Array(basisWidth * kept);
  for (let i = 0; i < basisWidth; i++) for (let j = 0; j < kept; j++) rotation[i * kept + j] = vectors[i * basisWidth + j];
  const rightSingular = multiplySmall(basis, matrix.cols, basisWidth, rotation, kept);
  const singularValues = new Float64Array(kept);
  for (let j = 0; j < kept; j++) singularValues[j] = Math.sqrt(Math.max(0, values[j]));
  return { rightSingular, singularValues, kept };
}

function normalisedEmbedding(embedded: Float64Array, rows: number, kept: number, basis: Float64Array): Embedding {
  if (kept === 0) return { vectors: new Float32Array(rows), rows, dimensions: 1, basis: new Float64Array(0) };
  const out = new Float32Array(rows * kept);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let j = 0; j < kept; j++) norm += embedded[r * kept + j] ** 2;
    if (norm <= 1e-24) continue;
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < kept; j++) out[r * kept + j] = embedded[r * kept + j] * scale;
  }
  return { vectors: out, rows, dimensions: kept, basis };
}
