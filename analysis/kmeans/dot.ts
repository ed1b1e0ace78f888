/** Dot product of data row (Float32) with centroid row (Float64); unrolled because it is the hot loop. */
export function dotRow(
  data: Float32Array,
  dataOffset: number,
  centroids: Float64Array,
  centroidOffset: number,
  dimensions: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < dimensions; j += 4) {
    s0 += data[dataOffset + j] * centroids[centroidOffset + j];
    s1 += data[dataOffset + j + 1] * centroids[centroidOffset + j + 1];
    s2 += data[dataOffset + j + 2] * centroids[centroidOffset + j + 2];
    s3 += data[dataOffset + j + 3] * centroids[centroidOffset + j + 3];
  }
  for (; j < dimensions; j++) s0 += data[dataOffset + j] * centroids[centroidOffset + j];
  return s0 + s1 + s2 + s3;
}
