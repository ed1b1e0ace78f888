import type { CsrMatrix } from "./sparse.js";
import { createStemmer } from "./stem.js";
import { tokenize } from "./tokenize.js";

export interface VectorizeSettings {
  minDf: number;
  bigramMinDf: number;
  maxDfRatio: number;
  bigrams: boolean;
}

export interface TermMatrix extends CsrMatrix {
  /** Stem key per column: "breach" or "secur breach". */
  terms: string[];
  /** Readable form per column: "breach", "security breach". */
  surfaces: string[];
  isBigram: Uint8Array;
  /** Number of texts containing the column's term. */
  docFrequency: Int32Array;
  /** Inverse document frequency per column (kept so new answers are weighted the same way). */
  idf: Float64Array;
}

/**
 * Floor of the idf: a term in every text has ln((1+n)/(1+n)) = 0, and a text made only of such
 * terms (identical texts, tiny corpora where max_df is not applied) must keep a non-zero row.
 */
const MIN_IDF = 0.05;

/** Stop words allowed between the two words of a bigram ("loss of data" -> "loss data"). */
const MAX_BIGRAM_GAP = 1;

/**
 * Texts -> L2-normalised TF-IDF rows over stemmed unigrams and bigrams.
 * tf is sublinear (1 + ln count) so a repeated word in a rant does not outweigh the topic;
 * idf is smoothed but without scikit-learn's "+ 1": ln((1+n)/(1+df)), floored at MIN_IDF (the
 * classic ln(n/df) form). The "+ 1" doubles the weight of a term in 30-50% of texts relative to
 * a rare one (at 13k texts 1.9 vs 9.4 instead of 0.9 vs 8.4), and such terms pull texts of
 * different themes together; measured on three labelled sets in ADR 0101.
 */
export function vectorize(texts: readonly string[], settings: VectorizeSettings): TermMatrix {
  const stem = createStemmer();
  const termIds = new Map<string, number>();
  const termKeys: string[] = [];
  const docFrequency: number[] = [];
  const lastDoc: number[] = [];
  const surfaceCounts = new Map<string, Map<string, number>>();
  const docTerms: Int32Array[] = new Array(texts.length);

  const termId = (key: string, doc: number): number => {
    let id = termIds.get(key);
    if (id === undefined) {
      id = termKeys.length;
      termIds.set(key, id);
      termKeys.push(key);
      docFrequency.push(0);
      lastDoc.push(-1);
    }
    if (lastDoc[id] !== doc) {
      lastDoc[id] = doc;
      docFrequency[id]++;
    }
    return id;
  };

  const buffer: number[] = [];
  for (let doc = 0; doc < texts.length; doc++) {
    buffer.length = 0;
    forEachTerm(texts[doc] ?? "", stem, settings.bigrams, (key, word) => {
      if (word !== undefined) {
        let forms = surfaceCounts.get(key);
        if (forms === undefined) surfaceCounts.set(key, (forms = new Map()));
        forms.set(word, (forms.get(word) ?? 0) + 1);
      }
      buffer.push(termId(key, doc));
    });
    docTerms[doc] = Int32Array.from(buffer);
  }

  const n = texts.length;
  const isBigramKey = (key: string) => key.includes(" ");
  const keep = (id: number, maxDf: number): boolean => {
    const df = docFrequency[id];
    return df >= (isBigramKey(termKeys[id]) ? settings.bigramMinDf : settings.minDf) && df <= maxDf;
  };
  // A very common term carries no theme, but on a tiny or uniform corpus dropping it can leave nothing at all.
  let maxDf = n >= 100 ? Math.floor(settings.maxDfRatio * n) : n;
  let column = selectColumns(termKeys.length, (id) => keep(id, maxDf));
  if (column.count === 0 && maxDf < n) {
    maxDf = n;
    column = selectColumns(termKeys.length, (id) => keep(id, maxDf));
  }

  const cols = column.count;
  const terms: string[] = new Array(cols);
  const columnDf = new Int32Array(cols);
  const isBigram = new Uint8Array(cols);
  for (let id = 0; id < termKeys.length; id++) {
    const c = column.map[id];
    if (c < 0) continue;
    terms[c] = termKeys[id];
    columnDf[c] = docFrequency[id];
    isBigram[c] = isBigramKey(termKeys[id]) ? 1 : 0;
  }
  const surfaceOf = mostFrequentForms(surfaceCounts);
  const surfaces = terms.map((key) =>
    key
      .split(" ")
      .map((part) => surfaceOf.get(part) ?? part)
      .join(" "),
  );

  const idf = new Float64Array(cols);
  for (let c = 0; c < cols; c++) idf[c] = Math.max(MIN_IDF, Math.log((1 + n) / (1 + columnDf[c])));

  const rowStart = new Int32Array(n + 1);
  const colIndexParts: number[] = [];
  const valueParts: number[] = [];
  const counts = new Map<number, number>();
  for (let doc = 0; doc < n; doc++) {
    counts.clear();
    for (const id of docTerms[doc]) {
      const c = column.map[id];
      if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const sorted = [...counts.keys()].sort((a, b) => a - b);
    let norm = 0;
    const start = colIndexParts.length;
    for (const c of sorted) {
      const weight = (1 + Math.log(counts.get(c)!)) * idf[c];
      colIndexParts.push(c);
      valueParts.push(weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (let p = start; p < valueParts.length; p++) valueParts[p] /= norm;
    rowStart[doc + 1] = colIndexParts.length;
  }

  return {
    rows: n,
    cols,
    rowStart,
    colIndex: Int32Array.from(colIndexParts),
    values: Float32Array.from(valueParts),
    terms,
    surfaces,
    isBigram,
    docFrequency: columnDf,
    idf,
  };
}

/**
 * Every term of a text in order: stemmed unigrams (with the word as written) and bigrams of
 * neighbouring content words (at most MAX_BIGRAM_GAP stop words between). Shared by vectorize
 * and by assignToThemes, so a new answer gets exactly the features the model was fitted on.
 */
export function forEachTerm(
  text: string,
  stem: (word: string) => string,
  bigrams: boolean,
  visit: (key: string, word?: string) => void,
): void {
  let previousStem: string | null = null;
  let gap = 0;
  for (const token of tokenize(text)) {
    if (token.stop) {
      gap++;
      continue;
    }
    const stemmed = stem(token.word);
    visit(stemmed, token.word);
    if (bigrams && previousStem !== null && gap <= MAX_BIGRAM_GAP && previousStem !== stemmed) visit(`${previousStem} ${stemmed}`);
    previousStem = stemmed;
    gap = 0;
  }
}

function selectColumns(termCount: number, keep: (id: number) => boolean): { map: Int32Array; count: number } {
  const map = new Int32Array(termCount).fill(-1);
  let count = 0;
  for (let id = 0; id < termCount; id++) if (keep(id)) map[id] = count++;
  return { map, count };
}

function mostFrequentForms(surfaceCounts: Map<string, Map<string, number>>): Map<string, string> {
  const best = new Map<string, string>();
  for (const [stemmed, forms] of surfaceCounts) {
    let bestForm = stemmed;
    let bestCount = -1;
    for (const [form, count] of forms) {
      // Ties go to the shorter, then alphabetically first form, so labels do not depend on text order.
      if (
        count > bestCount ||
        (count === bestCount && (form.length < bestForm.length || (form.length === bestForm.length && form < bestForm)))
      ) {
        bestForm = form;
        bestCount = count;
      }
    }
    best.set(stemmed, bestForm);
  }
  return best;
}
