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

/** A^T as a CSR matrix (i.e. A in compressed sparse column form). */
export function transpose(matrix: CsrMatrix): CsrMatrix {
  const counts = new Int32Array(matrix.cols + 1);
  for (let p = 0; p < matrix.colIndex.length; p++) counts[matrix.colIndex[p] + 1]++;
  for (let c = 0; c < matrix.cols; c++) counts[c + 1] += counts[c];
  const rowStart = Int32Array.from(counts);
  const next = Int32Array.from(counts);
  const colIndex = new Int32Array(matrix.colIndex.length);
  const values = new Float32Array(matrix.values.length);
  for (let row = 0; row < matrix.rows; row++) {
    for (let p = matrix.rowStart[row]; p < matrix.rowStart[row + 1]; p++) {
      const target = next[matrix.colIndex[p]]++;
      colIndex[target] = row;
      values[target] = matrix.values[p];
    }
  }
  return { rows: matrix.cols, cols: matrix.rows, rowStart, colIndex, values };
}
