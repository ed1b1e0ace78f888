export type ProgressCallback = (fraction: number, stage: string) => void;

export interface AnalyzeOptions {
  /** Number of themes; chosen automatically when absent. */
  k?: number;
  /** Seed for every random choice; same texts + same seed = same result. */
  seed?: number;
  /** Smallest and largest k considered by automatic selection. */
  minK?: number;
  maxK?: number;
  /** LSA dimensions; by default clamp(4 * sqrt(n), 16, 64) (see defaultDimensions in themes.ts). */
  dimensions?: number;
  /** Minimum document frequency of a unigram / bigram; by default 1 below 50 texts, else 2. */
  minDf?: number;
  bigramMinDf?: number;
  /** Terms in more than this share of texts are dropped (applied from 100 texts up). */
  maxDfRatio?: number;
  /** Use adjacent-word pairs as features too. */
  bigrams?: boolean;
  /**
   * k-means restarts (each from its own k-means++ seeding); the best objective wins.
   * Default 8 up to 3,000 texts (restarts run on all texts and are cheap); above, they run on a
   * sample and the default is round(320 / k) clamped to 4..8.
   */
  restarts?: number;
  maxIterations?: number;
  /** Number of representative quotes per theme. */
  quotesPerCluster?: number;
  /** Number of keywords per theme. */
  keywordsPerCluster?: number;
  onProgress?: ProgressCallback;
}

type Derived = "k" | "dimensions" | "minDf" | "bigramMinDf" | "restarts" | "onProgress";
export type ResolvedOptions = Required<Omit<AnalyzeOptions, Derived>> & Pick<AnalyzeOptions, Derived>;

export const DEFAULT_OPTIONS = {
  seed: 42,
  minK: 3,
  maxK: 200,
  maxDfRatio: 0.5,
  bigrams: true,
  maxIterations: 40,
  quotesPerCluster: 3,
  keywordsPerCluster: 8,
} as const;

export function resolveOptions(options: AnalyzeOptions = {}): ResolvedOptions {
  const merged = { ...DEFAULT_OPTIONS, ...stripUndefined(options) };
  if (merged.k !== undefined && (!Number.isFinite(merged.k) || merged.k < 1)) {
    throw new RangeError(`k must be a positive integer, got ${options.k}`);
  }
  // The other numeric options fail the same way, before any work: a NaN or a negative count would
  // otherwise surface as an empty result or an endless loop deep inside the method.
  for (const [name, min] of POSITIVE_INTEGERS) {
    const value = merged[name];
    if (value !== undefined && (!Number.isInteger(value) || value < min)) {
      throw new RangeError(`${name} must be an integer of at least ${min}, got ${String(options[name])}`);
    }
  }
  if (options.minK !== undefined && options.maxK !== undefined && merged.minK > merged.maxK)
    throw new RangeError(`minK (${merged.minK}) must not exceed maxK (${merged.maxK})`);
  if (!(merged.maxDfRatio > 0 && merged.maxDfRatio <= 1))
    throw new RangeError(`maxDfRatio must be in (0, 1], got ${String(options.maxDfRatio)}`);
  if (!Number.isFinite(merged.seed)) throw new RangeError(`seed must be a finite number, got ${String(options.seed)}`);
  return { ...merged, k: merged.k === undefined ? undefined : Math.floor(merged.k) };
}

type IntegerOption =
  "minK" | "maxK" | "dimensions" | "minDf" | "bigramMinDf" | "restarts" | "maxIterations" | "quotesPerCluster" | "keywordsPerCluster";
const POSITIVE_INTEGERS: ReadonlyArray<readonly [IntegerOption, number]> = [
  ["minK", 1],
  ["maxK", 1],
  ["dimensions", 1],
  ["minDf", 1],
  ["bigramMinDf", 1],
  ["restarts", 1],
  ["maxIterations", 1],
  ["quotesPerCluster", 0],
  ["keywordsPerCluster", 0],
];

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
