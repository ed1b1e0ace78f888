/**
 * Small dense linear algebra on row-major Float64Arrays, enough for randomized SVD:
 * a cyclic Jacobi eigen-solver for small symmetric matrices and column orthonormalisation
 * of a tall matrix through its Gram matrix.
 */

export interface SymmetricEigen {
  /** Eigenvalues in descending order. */
  values: Float64Array;
  /** Column j (row-major size x size) is the eigenvector of values[j]. */
  vectors: Float64Array;
}

export function symmetricEigen(matrix: Float64Array, size: number, maxSweeps = 30): SymmetricEigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let offDiagonal = 0;
    let diagonal = 0;
    for (let i = 0; i < size; i++) {
      diagonal += a[i * size + i] * a[i * size + i];
      for (let j = i + 1; j < size; j++) offDiagonal += a[i * size + j] * a[i * size + j];
    }
    if (offDiagonal <= 1e-22 * Math.max(diagonal, 1e-300)) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q];
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * size + p];
        const aqq = a[q * size + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p];
          const akq = a[k * size + q];
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k];
          const aqk = a[q * size + k];
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p];
          const vkq = v[k * size + q];
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort((x, y) => a[y * size + y] - a[x * size + x] || x - y);
  const values = new Float64Array(size);
  const vectors = new Float64Array(size * size);
  order.forEach((from, to) => {
    values[to] = a[from * size + from];
    for (let k = 0; k < size; k++) vectors[k * size + to] = v[k * size + from];
  });
  return { values, vectors };
}

/**
 * X^T Y for X, Y both (rows x width, row-major) when the result is known to be symmetric
 * (Y^T Y, or Q^T A^T A Q in the SVD): upper half computed, mirrored.
 */
export function symmetricCrossProduct(x: Float64Array, y: Float64Array, rows: number, width: number): Float64Array {
  const out = new Float64Array(width * width);
  for (let r = 0; r < rows; r++) {
    const offset = r * width;
    for (let i = 0; i < width; i++) {
      const xi = x[offset + i];
      if (xi === 0) continue;
      const outOffset = i * width;
      for (let j = i; j < width; j++) out[outOffset + j] += xi * y[offset + j];
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) out[i * width + j] = out[j * width + i];
  return out;
}

/** G = Y^T Y for Y (rows x width, row-major). */
function gram(y: Float64Array, rows: number, width: number): Float64Array {
  return symmetricCrossProduct(y, y, rows, width);
}

/** out (rows x outWidth) = Y (rows x width) * M (width x outWidth). */
export function multiplySmall(y: Float64Array, rows: number, width: number, m: Float64Array, outWidth: number): Float64Array {
  const out = new Float64Array(rows * outWidth);
  for (let r = 0; r < rows; r++) {
    const yOffset = r * width;
    const outOffset = r * outWidth;
    for (let i = 0; i < width; i++) {
      const yi = y[yOffset + i];
      if (yi === 0) continue;
      const mOffset = i * outWidth;
      for (let j = 0; j < outWidth; j++) out[outOffset + j] += yi * m[mOffset + j];
    }
  }
  return out;
}

/**
 * Orthonormal basis of the column span of Y (rows x width). Cholesky-QR (Y R^-1 with
 * R^T R = Y^T Y) costs one Gram matrix and one triangular solve; when Y is rank-deficient
 * (tiny corpora, duplicate texts) Cholesky breaks down and the eigen route below takes over,
 * dropping directions with negligible energy, so the basis may be narrower than Y.
 */
export function orthonormalizeColumns(y: Float64Array, rows: number, width: number): { basis: Float64Array; width: number } {
  const g = gram(y, rows, width);
  const r = cholesky(g, width);
  if (r !== null) {
    solveUpperRight(y, rows, width, r);
    return { basis: y, width };
  }
  return orthonormalizeByEigen(y, rows, width);
}

/** Upper-triangular R with R^T R = G, or null when G is not (numerically) positive definite. */
function cholesky(g: Float64Array, size: number): Float64Array | null {
  const r = new Float64Array(size * size);
  let largest = 0;
  for (let i = 0; i < size; i++) largest = Math.max(largest, g[i * size + i]);
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      let sum = g[i * size + j];
      for (let p = 0; p < i; p++) sum -= r[p * size + i] * r[p * size + j];
      if (i === j) {
        if (!(sum > largest * 1e-12)) return null;
        r[i * size + i] = Math.sqrt(sum);
      } else {
        r[i * size + j] = sum / r[i * size + i];
      }
    }
  }
  return r;
}

/**
 * Y <- Y R^-1 in place. R^-1 (upper triangular, width^2) is formed once; each row is then a
 * triangular vector-matrix product whose inner loop runs along contiguous memory.
 */
function solveUpperRight(y: Float64Array, rows: number, width: number, r: Float64Array): void {
  const inverse = new Float64Array(width * width);
  for (let j = 0; j < width; j++) {
    inverse[j * width + j] = 1 / r[j * width + j];
    for (let i = j - 1; i >= 0; i--) {
      let sum = 0;
      for (let p = i + 1; p <= j; p++) sum += r[i * width + p] * inverse[p * width + j];
      inverse[i * width + j] = -sum / r[i * width + i];
    }
  }
  const row = new Float64Array(width);
  for (let index = 0; index < rows; index++) {
    const offset = index * width;
    for (let j = 0; j < width; j++) {
      row[j] = y[offset + j];
      y[offset + j] = 0;
    }
    for (let p = 0; p < width; p++) {
      const value = row[p];
      if (value === 0) continue;
      const inverseOffset = p * width;
      for (let j = p; j < width; j++) y[offset + j] += value * inverse[inverseOffset + j];
    }
  }
}

function orthonormalizeByEigen(y: Float64Array, rows: number, width: number): { basis: Float64Array; width: number } {
  let current = y;
  let currentWidth = width;
  // Twice: one pass loses orthogonality in proportion to the condition number squared.
  for (let pass = 0; pass < 2; pass++) {
    const { values, vectors } = symmetricEigen(gram(current, rows, currentWidth), currentWidth);
    const top = values[0] ?? 0;
    let kept = 0;
    while (kept < currentWidth && values[kept] > top * 1e-10 && values[kept] > 1e-300) kept++;
    const transform = new Float64Array(currentWidth * kept);
    for (let i = 0; i < currentWidth; i++) {
      for (let j = 0; j < kept; j++) transform[i * kept + j] = vectors[i * currentWidth + j] / Math.sqrt(values[j]);
    }
    current = multiplySmall(current, rows, currentWidth, transform, kept);
    currentWidth = kept;
  }
  return { basis: current, width: currentWidth };
}
