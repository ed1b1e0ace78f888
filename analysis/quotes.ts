import { dotRow } from "./kmeans/dot.js";

export interface ClusterEvidence {
  /** Row indexes (into the caller's texts) of the quotes: central and different from each other. */
  quotes: number[];
  /** Mean cosine of members to the cluster centre, 0..1. */
  cohesion: number;
  /** All members by cosine to the centre, most central first. */
  ranked: number[];
}

/** Quotes are chosen among this many most central members. */
const QUOTE_POOL = 40;
/** Two quotes this similar (token Jaccard) read as the same voice. */
const NEAR_DUPLICATE = 0.6;
/** MMR trade-off: weight of centrality against difference from quotes already chosen. */
const MMR_LAMBDA = 0.6;

/**
 * Rank members by cosine to their centre, measure cohesion, and pick quotes by maximal
 * marginal relevance (Carbonell & Goldstein 1998): each next quote maximises
 * λ·centrality − (1−λ)·max Jaccard to the quotes already chosen, and a candidate with
 * Jaccard ≥ 0.6 to a chosen quote is only taken when no other candidate is left.
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
    const pool = list.slice(0, QUOTE_POOL);
    const quotes = pickQuotes(
      pool.map((m) => ({ row: m.row, text: texts[m.row] ?? "", relevance: m.sim })),
      quotesPerCluster,
    );
    return { quotes, cohesion: Math.max(0, Math.min(1, cohesion)), ranked: list.map((m) => m.row) };
  });
}

export interface QuoteCandidate {
  row: number;
  text: string;
  /** Centrality, higher is more representative (cosine to the centre). */
  relevance: number;
}

/** MMR over candidates; verbatim duplicates never, near duplicates only when nothing else is left. */
export function pickQuotes(candidates: readonly QuoteCandidate[], count: number): number[] {
  const sets = candidates.map((c) => wordSet(c.text));
  // Same words in the same order = the same quote, whatever the punctuation or case.
  const keys = candidates.map((c) => (c.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" "));
  const chosen: number[] = [];
  const taken = new Set<string>();
  for (const strict of [true, false]) {
    while (chosen.length < count) {
      let best = -1;
      let bestScore = -Infinity;
      for (let i = 0; i < candidates.length; i++) {
        if (chosen.includes(i) || taken.has(keys[i])) continue;
        let redundancy = 0;
        for (const j of chosen) redundancy = Math.max(redundancy, jaccardOfSets(sets[i], sets[j]));
        if (strict && redundancy >= NEAR_DUPLICATE) continue;
        const score = MMR_LAMBDA * candidates[i].relevance - (1 - MMR_LAMBDA) * redundancy;
        if (score > bestScore) [best, bestScore] = [i, score];
      }
      if (best < 0) break;
      chosen.push(best);
      taken.add(keys[best]);
    }
  }
  return chosen.map((i) => candidates[i].row);
}

/** Share of distinct lower-cased word tokens two texts have in common (|A ∩ B| / |A ∪ B|). */
export function tokenJaccard(a: string, b: string): number {
  return jaccardOfSets(wordSet(a), wordSet(b));
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccardOfSets(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}
