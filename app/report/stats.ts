/**
 * Shares with their 95% confidence interval. Wilson's score interval rather than the normal
 * approximation (p ± 1.96·√(p(1-p)/n)): at the sample sizes of a validation study (tens of
 * respondents) and shares near 0 or 1 the normal interval leaves [0, 1] and is far too narrow,
 * while Wilson's stays inside and keeps close to its nominal coverage (Brown, Cai & DasGupta 2001).
 */
const Z_95 = 1.959963984540054;

export interface Share {
  /** respondents counted */
  k: number;
  /** respondents asked (the denominator) */
  n: number;
  /** k / n, 0 when n is 0 */
  share: number;
  low: number;
  high: number;
}

export function wilson(k: number, n: number, z = Z_95): { low: number; high: number } {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) throw new RangeError(`need 0 <= k <= n, got ${k}/${n}`);
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Clamp rounding dust: at k = 0 the low end is exactly 0, at k = n the high end exactly 1.
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

export function shareOf(k: number, n: number): Share {
  return { k, n, share: n > 0 ? k / n : 0, ...wilson(k, n) };
}

/** "34%" (whole percent: the intervals are wider than any decimal). */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Segments (and breakdown rows) with fewer respondents than this show no figures, so no one can be picked out. */
export const MIN_SEGMENT = 5;
