import type { TermMatrix } from "./vectorize.js";

export interface ClusterTerms {
  label: string;
  keywords: string[];
  /** Distinctive terms scored on all members, for the noun-phrase namer (names.ts). */
  candidates: TermCandidate[];
}

interface TermCandidate {
  /** Stemmed key ("secur breach"), comparable with phrases.ts keys. */
  key: string;
  surface: string;
  /** Share of the theme's members containing the term. */
  coverage: number;
  /** coverage x ln(lift), without the bigram bonus. */
  score: number;
}

const CANDIDATES_KEPT = 40;

/** Bigrams read better than single words ("security breach" vs "breach"); favour them when close. */
const BIGRAM_PREFERENCE = 1.5;

/**
 * Name each cluster by its most distinctive phrases. A term scores by coverage times lift:
 * p_in * ln(p_in / p_out), with add-half smoothing, where p_in / p_out are the shares of texts
 * inside / outside the cluster that contain it. Coverage keeps rare oddities out; lift keeps
 * corpus-wide words ("problem") out. Phrases are shown in their most frequent written form.
 * Labels are made unique across clusters, largest cluster choosing first.
 */
export function labelClusters(
  matrix: TermMatrix,
  assignments: Int32Array,
  sizes: readonly number[],
  keywordCount: number,
  texts?: readonly string[],
): ClusterTerms[] {
  const k = sizes.length;
  const samples = texts ? sampleMemberTexts(texts, assignments, k) : undefined;
  const inCluster: Map<number, number>[] = Array.from({ length: k }, () => new Map());
  let clustered = 0;
  for (let row = 0; row < matrix.rows; row++) {
    const c = assignments[row];
    if (c < 0) continue;
    clustered++;
    const counts = inCluster[c];
    for (let p = matrix.rowStart[row]; p < matrix.rowStart[row + 1]; p++) {
      const col = matrix.colIndex[p];
      counts.set(col, (counts.get(col) ?? 0) + 1);
    }
  }
  const totalDf = new Int32Array(matrix.cols);
  for (const counts of inCluster) for (const [col, count] of counts) totalDf[col] += count;

  const ranked: { surface: string; score: number; key: string; coverage: number; plain: number }[][] = inCluster.map((counts, c) => {
    const size = sizes[c];
    const outside = clustered - size;
    const minimumDf = size >= 4 ? 2 : 1;
    const scored: { col: number; score: number; coverage: number; plain: number }[] = [];
    for (const [col, dfIn] of counts) {
      if (dfIn < minimumDf) continue;
      const pIn = (dfIn + 0.5) / (size + 1);
      const pOut = (totalDf[col] - dfIn + 0.5) / (outside + 1);
      const lift = Math.log(pIn / pOut);
      if (lift <= 0 && outside > 0) continue;
      const coverage = dfIn / size;
      const plain = coverage * (outside > 0 ? lift : 1);
      const score = plain * (matrix.isBigram[col] ? BIGRAM_PREFERENCE : 1);
      scored.push({ col, score, coverage, plain });
    }
    scored.sort((a, b) => b.score - a.score || a.col - b.col);
    const seen = new Set<string>();
    const phrases: { surface: string; score: number; key: string; coverage: number; plain: number }[] = [];
    for (const { col, score, coverage, plain } of scored) {
      const surface = matrix.surfaces[col];
      if (seen.has(surface)) continue;
      seen.add(surface);
      phrases.push({ surface, score, key: matrix.terms[col], coverage, plain });
      if (phrases.length >= Math.max(keywordCount, CANDIDATES_KEPT)) break;
    }
    return phrases;
  });

  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const usedLabels = new Set<string>();
  const result: ClusterTerms[] = new Array(k);
  for (const c of order) {
    const phrases = ranked[c].slice(0, Math.max(keywordCount, 12)).map((p) => p.surface);
    const keywords = dropContainedWords(phrases).slice(0, keywordCount);
    // Each phrase scored once (occursVerbatim scans the cluster's sample), not once per comparison.
    const candidates = ranked[c]
      .slice(0, Math.max(keywordCount, 12))
      .map((p) => ({
        surface: p.surface,
        score: p.score * labelShape(p.surface) * (samples && p.surface.includes(" ") && !occursVerbatim(p.surface, samples[c]) ? 0.8 : 1),
      }))
      .sort((a, b) => b.score - a.score)
      .map((p) => p.surface);
    let label = candidates.find((phrase) => !usedLabels.has(phrase) && !isPartOfUsed(phrase, usedLabels));
    if (label === undefined && phrases.length >= 2) label = `${phrases[0]} / ${phrases[1]}`;
    label ??= phrases[0] ?? "(no distinctive words)";
    let unique = label;
    for (let suffix = 2; usedLabels.has(unique); suffix++) unique = `${label} (${suffix})`;
    usedLabels.add(unique);
    result[c] = {
      label: unique,
      keywords,
      candidates: ranked[c].map((p) => ({ key: p.key, surface: p.surface, coverage: p.coverage, score: p.plain })),
    };
  }
  return result;
}

/**
 * How well a phrase reads as a name. Stop words are removed before bigrams are formed, so the
 * distinctive phrases include fragments that end in a verb or adverb ("people started", "cost
 * roughly", "backups turned"); a theme's name should end in a thing ("security breach",
 * "regional outage"). English inflection is a cheap, language-light signal for that; a phrase
 * that reads badly is only passed over when a comparably distinctive one reads well.
 */
const VERB_OR_ADVERB_ENDING = /(?:[^e]ed|ly|ing)$/;
const ADVERB_ENDING = /ly$/;
function labelShape(surface: string): number {
  const words = surface.split(" ");
  const last = words[words.length - 1];
  if (last.length > 3 && VERB_OR_ADVERB_ENDING.test(last)) return 0.35;
  if (words.some((w) => w.length > 4 && ADVERB_ENDING.test(w))) return 0.35;
  if (words.length === 1) return 0.8;
  return 1;
}

/**
 * Bigrams are formed after stop words are dropped, so "cost us roughly" yields "cost roughly".
 * A label should be a phrase people actually wrote: checked on a bounded sample of each
 * cluster's texts, so the cost does not grow with the corpus.
 */
const LABEL_SAMPLE = 200;
function sampleMemberTexts(texts: readonly string[], assignments: Int32Array, k: number): string[][] {
  const samples: string[][] = Array.from({ length: k }, () => []);
  for (let row = 0; row < assignments.length; row++) {
    const c = assignments[row];
    if (c < 0 || samples[c].length >= LABEL_SAMPLE) continue;
    samples[c].push(` ${normaliseForMatch(texts[row] ?? "")} `);
  }
  return samples;
}

function normaliseForMatch(text: string): string {
  return text
    .slice(0, 5000)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function occursVerbatim(phrase: string, sample: readonly string[]): boolean {
  const needle = ` ${normaliseForMatch(phrase)} `;
  return sample.some((text) => text.includes(needle));
}

/** A single word already shown inside a kept phrase adds nothing to a keyword list. */
function dropContainedWords(phrases: readonly string[]): string[] {
  const kept: string[] = [];
  for (const phrase of phrases) {
    if (!phrase.includes(" ") && kept.some((other) => other.split(" ").includes(phrase))) continue;
    kept.push(phrase);
  }
  return kept;
}

/** "card" is a poor label for a second cluster when another is already called "card payment". */
function isPartOfUsed(phrase: string, used: ReadonlySet<string>): boolean {
  if (phrase.includes(" ")) return false;
  for (const label of used) if (label.split(" ").includes(phrase)) return true;
  return false;
}
