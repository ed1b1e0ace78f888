/** Helpers shared by the benchmark scripts in this folder. */

/** Nearest-rank percentile (p in 0..100) of values already sorted ascending; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A sorted (ascending) copy. */
export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
