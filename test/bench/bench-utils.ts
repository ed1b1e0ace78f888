/** Helpers shared by the benchmark scripts in this folder. */
import fs from "node:fs";
import path from "node:path";

/**
 * The Node flags `npm start` gives the server (`tsx --flag=value app/server.ts` in package.json), so
 * a benchmark that starts the server itself runs it the way it is deployed.
 */
export function startScriptNodeFlags(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const start = pkg.scripts.start ?? "";
  const beforeEntry = start.split("app/server.ts")[0] ?? "";
  return beforeEntry.split(/\s+/).filter((token) => token.startsWith("--"));
}

/** Nearest-rank percentile (p in 0..100) of values already sorted ascending; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A sorted (ascending) copy. */
export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
