/** Compressed sparse row matrix: row r holds columns colIndex[rowStart[r] .. rowStart[r+1]). */
export interface CsrMatrix {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  colIndex: Int32Array;
  values: Float32Array;
}

/** out (rows x width, row-major) = A (rows x cols) * dense (cols x width, row-major). */
export function multiplyDense(matrix: CsrMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.rows * width);
  const { rowStart, colIndex, values } = matrix;
  for (let row = 0; row < matrix.rows; row++) {
    const outOffset = row * width;
    for (let p = rowStart[row]; p < rowStart[row + 1]; p++) {
      const weight = values[p];
      const denseOffset = colIndex[p] * width;
      for (let j = 0; j < width; j++) out[outOffset + j] += weight * dense[denseOffset + j];
    }
  }
  return out;
}

/** out (cols x width, row-major) = A^T (cols x rows) * dense (rows x width, row-major). */
export function multiplyTransposeDense(matrix: CsrMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.cols * width);
  const { rowStart, colIndex, values } = matrix;
  for (let row = 0; row < matrix.rows; row++) {
    const denseOffset = row * width;
    for (let p = rowStart[row]; p < rowStart[row + 1]; p++) {
      const weight = values[p];
      const outOffset = colIndex[p] * width;
      for (let j = 0; j < width; j++) out[outOffset + j] += weight * dense[denseOffset + j];
    }
  }
  return out;
}

export function rowLength(matrix: CsrMatrix, row: number): number {
  return matrix.rowStart[row + 1] - matrix.rowStart[row];
}
