/**
 * External clustering metrics, matching scikit-learn: NMI with arithmetic-mean normalisation,
 * adjusted Rand index, and accuracy under the best one-to-one cluster/label matching (Hungarian).
 * Labels may be any strings or numbers; -1 (unclustered) is treated as one more predicted group.
 */
export interface Scores {
  nmi: number;
  ari: number;
  acc: number;
}

interface Contingency {
  table: number[][];
  rowSums: number[];
  colSums: number[];
  n: number;
}

function contingency(truth: readonly (string | number)[], predicted: readonly (string | number)[]): Contingency {
  if (truth.length !== predicted.length) throw new RangeError("truth and predicted differ in length");
  const rowIndex = new Map<string | number, number>();
  const colIndex = new Map<string | number, number>();
  const cells = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) {
    let r = rowIndex.get(truth[i]);
    if (r === undefined) rowIndex.set(truth[i], (r = rowIndex.size));
    let c = colIndex.get(predicted[i]);
    if (c === undefined) colIndex.set(predicted[i], (c = colIndex.size));
    const key = r * 1_000_003 + c;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  const table = Array.from({ length: rowIndex.size }, () => new Array<number>(colIndex.size).fill(0));
  for (const [key, count] of cells) table[Math.floor(key / 1_000_003)][key % 1_000_003] = count;
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = new Array<number>(colIndex.size).fill(0);
  for (const row of table) row.forEach((v, c) => (colSums[c] += v));
  return { table, rowSums, colSums, n: truth.length };
}

function entropy(counts: readonly number[], n: number): number {
  let h = 0;
  for (const count of counts) if (count > 0) h -= (count / n) * Math.log(count / n);
  return h;
}

export function normalizedMutualInformation(truth: readonly (string | number)[], predicted: readonly (string | number)[]): number {
  const { table, rowSums, colSums, n } = contingency(truth, predicted);
  if (n === 0) return 1;
  // Both partitions trivial (one group each, or identical singletons): perfect agreement, as in scikit-learn.
  if (rowSums.length === colSums.length && (rowSums.length === 1 || rowSums.length === n)) return 1;
  let mutual = 0;
  table.forEach((row, r) =>
    row.forEach((count, c) => {
      if (count > 0) mutual += (count / n) * Math.log((count * n) / (rowSums[r] * colSums[c]));
    }),
  );
  const mean = (entropy(rowSums, n) + entropy(colSums, n)) / 2;
  return mean <= 0 ? 0 : Math.max(0, Math.min(1, mutual / mean));
}

export function adjustedRandIndex(truth: readonly (string | number)[], predicted: readonly (string | number)[]): number {
  const { table, rowSums, colSums, n } = contingency(truth, predicted);
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let sumCells = 0;
  for (const row of table) for (const count of row) sumCells += pairs(count);
  const sumRows = rowSums.reduce((a, b) => a + pairs(b), 0);
  const sumCols = colSums.reduce((a, b) => a + pairs(b), 0);
  const total = pairs(n);
  if (total === 0) return 1;
  const expected = (sumRows * sumCols) / total;
  const maximum = (sumRows + sumCols) / 2;
  if (maximum === expected) return 1;
  return (sumCells - expected) / (maximum - expected);
}

export function clusteringAccuracy(truth: readonly (string | number)[], predicted: readonly (string | number)[]): number {
  const { table, n } = contingency(truth, predicted);
  if (n === 0) return 1;
  const size = Math.max(table.length, table[0]?.length ?? 0);
  const cost = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => -(table[r]?.[c] ?? 0)));
  const match = hungarian(cost);
  let correct = 0;
  match.forEach((c, r) => (correct += table[r]?.[c] ?? 0));
  return correct / n;
}

export function scoreClustering(truth: readonly (string | number)[], predicted: readonly (string | number)[]): Scores {
  return {
    nmi: normalizedMutualInformation(truth, predicted),
    ari: adjustedRandIndex(truth, predicted),
    acc: clusteringAccuracy(truth, predicted),
  };
}

/**
 * Minimum-cost perfect matching on a square cost matrix (Kuhn-Munkres with potentials, O(n^3)).
 * Returns, for each row, the column it is matched to.
 */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const size = cost.length;
  const u = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const matchOfColumn = new Int32Array(size + 1);
  const way = new Int32Array(size + 1);
  for (let row = 1; row <= size; row++) {
    matchOfColumn[0] = row;
    let column0 = 0;
    const minimum = new Float64Array(size + 1).fill(Infinity);
    const used = new Uint8Array(size + 1);
    do {
      used[column0] = 1;
      const row0 = matchOfColumn[column0];
      let delta = Infinity;
      let column1 = 0;
      for (let column = 1; column <= size; column++) {
        if (used[column]) continue;
        const reduced = cost[row0 - 1][column - 1] - u[row0] - v[column];
        if (reduced < minimum[column]) {
          minimum[column] = reduced;
          way[column] = column0;
        }
        if (minimum[column] < delta) {
          delta = minimum[column];
          column1 = column;
        }
      }
      for (let column = 0; column <= size; column++) {
        if (used[column]) {
          u[matchOfColumn[column]] += delta;
          v[column] -= delta;
        } else minimum[column] -= delta;
      }
      column0 = column1;
    } while (matchOfColumn[column0] !== 0);
    do {
      const column1 = way[column0];
      matchOfColumn[column0] = matchOfColumn[column1];
      column0 = column1;
    } while (column0 !== 0);
  }
  const result = new Array<number>(size).fill(-1);
  for (let column = 1; column <= size; column++) if (matchOfColumn[column] > 0) result[matchOfColumn[column] - 1] = column - 1;
  return result;
}
