import { dotRow } from "./kmeans/dot.js";

export interface ClusterEvidence {
  /** Row indexes (into the caller's texts) of the most central members, most central first. */
  quotes: number[];
  /** Mean cosine of members to the cluster centre, 0..1. */
  cohesion: number;
}

/**
 * Pick representative quotes (members closest to the centre) and measure cohesion.
 * Verbatim duplicates are skipped so three quotes show three different voices when possible.
 */
export function collectEvidence(
  vectors: Float32Array,
  dimensions: number,
  assignments: Int32Array,
  centroids: Float64Array,
  k: number,
  texts: readonly string[],
  quotesPerCluster: number,
): ClusterEvidence[] {
  const members: { row: number; sim: number }[][] = Array.from({ length: k }, () => []);
  for (let row = 0; row < assignments.length; row++) {
    const c = assignments[row];
    if (c < 0) continue;
    members[c].push({ row, sim: dotRow(vectors, row * dimensions, centroids, c * dimensions, dimensions) });
  }
  return members.map((list) => {
    const cohesion = list.length === 0 ? 0 : list.reduce((sum, m) => sum + m.sim, 0) / list.length;
    list.sort((a, b) => b.sim - a.sim || a.row - b.row);
    const quotes: number[] = [];
    const seen = new Set<string>();
    for (const { row } of list) {
      const key = (texts[row] ?? "").trim().toLowerCase().replace(/\s+/g, " ");
      if (seen.has(key)) continue;
      seen.add(key);
      quotes.push(row);
      if (quotes.length >= quotesPerCluster) break;
    }
    return { quotes, cohesion: Math.max(0, Math.min(1, cohesion)) };
  });
}
