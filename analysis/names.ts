import { extractPhrases, isGenericWord, type Phrase } from "./phrases.js";
import { createStemmer } from "./stem.js";

/**
 * How many members per theme are tagged: the most central ones (they say what the theme is
 * about) up to this many, and at most TOTAL_SAMPLE over all themes, so naming costs the same
 * at 2,000 and 100,000 answers.
 */
const PER_THEME_SAMPLE = 60;
const TOTAL_SAMPLE = 3000;
const MIN_PER_THEME = 12;
/** A longer phrase replaces its head when at least this share of the head's members use it. */
const SPECIFIC_SHARE = 0.5;
/** When the head already names a larger theme, a longer phrase used by this share of its users is taken instead. */
const TAKEN_SHARE = 0.1;
/** Coverage squared: the concept most members share outranks a phrase with a higher lift but few users. */
const COVERAGE_POWER = 2;
/** How many times more members must use the term-based label for it to beat the noun phrase. */
const TERM_ADVANTAGE = 2;

export interface NamedCandidate {
  surface: string;
  key: string;
  score: number;
  coverage: number;
}

/**
 * Name each theme by the noun phrase its members share, scored across themes (class-based
 * TF-IDF over phrases): coverage (share of the theme's sampled members that use the phrase)
 * times ln(lift) (how much more often than in other themes). Coverage first means the head
 * concept most members share ("card delivery") beats a vivid phrase one member wrote.
 * Then a longer phrase that extends the winner and is used by at least half as many members
 * replaces it ("card" -> "card delivery"), because a two-word name says more. Never a generic
 * word alone; largest theme chooses first and names are unique. `fallback` (the term-based
 * label) is used where no noun phrase qualifies (other languages, one-word answers).
 */
export function nameThemes(texts: readonly string[], rankedMembers: readonly number[][], fallback: readonly string[]): string[] {
  const k = rankedMembers.length;
  const perTheme = Math.max(MIN_PER_THEME, Math.min(PER_THEME_SAMPLE, Math.floor(TOTAL_SAMPLE / Math.max(1, k))));
  const stem = createStemmer();
  const df: Map<string, number>[] = [];
  const surfaces = new Map<string, Map<string, number>>();
  const sampled: number[] = [];
  const totalDf = new Map<string, number>();
  for (let c = 0; c < k; c++) {
    const counts = new Map<string, number>();
    const rows = rankedMembers[c].slice(0, perTheme);
    sampled.push(rows.length);
    for (const row of rows) {
      for (const phrase of extractPhrases(texts[row] ?? "", stem)) {
        counts.set(phrase.key, (counts.get(phrase.key) ?? 0) + 1);
        totalDf.set(phrase.key, (totalDf.get(phrase.key) ?? 0) + 1);
        countSurface(surfaces, phrase);
      }
    }
    df.push(counts);
  }
  const totalSampled = sampled.reduce((a, b) => a + b, 0);
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => rankedMembers[b].length - rankedMembers[a].length || a - b);
  const used = new Set<string>();
  const names: string[] = new Array(k);
  for (const c of order) {
    const candidates = scorePhrases(df[c], totalDf, sampled[c], totalSampled - sampled[c], surfaces);
    const rows = rankedMembers[c].slice(0, perTheme);
    const phraseName = chooseName(candidates, used);
    const termName = fallback[c] ?? "";
    // The term-based label sees verbs the noun phrases cannot ("top up", "verify"); it wins only when
    // clearly more members use it and it reads as a name (not generic, not a verb form at the end).
    const useTerm =
      phraseName === undefined ||
      (readsAsName(termName) && !used.has(termName.toLowerCase()) && share(termName, rows, texts) >= TERM_ADVANTAGE * share(phraseName, rows, texts));
    const name = useTerm ? uniqueFallback(readsAsName(termName) || !termName ? termName : openingWords(texts[rows[0]] ?? ""), used) : phraseName!;
    used.add(name.toLowerCase());
    names[c] = name;
  }
  return names;
}

export function scorePhrases(
  counts: ReadonlyMap<string, number>,
  totalDf: ReadonlyMap<string, number>,
  size: number,
  outside: number,
  surfaces: ReadonlyMap<string, ReadonlyMap<string, number>>,
): NamedCandidate[] {
  const minimumDf = size >= 6 ? 2 : 1;
  const out: NamedCandidate[] = [];
  for (const [key, dfIn] of counts) {
    if (dfIn < minimumDf) continue;
    const surface = mostFrequent(surfaces.get(key));
    if (isGenericPhrase(surface)) continue;
    const coverage = dfIn / size;
    const pIn = (dfIn + 0.5) / (size + 1);
    const pOut = ((totalDf.get(key) ?? dfIn) - dfIn + 0.5) / (outside + 1);
    const lift = outside > 0 ? Math.log(pIn / pOut) : 1;
    if (lift <= 0) continue;
    out.push({ surface, key, coverage, score: coverage ** COVERAGE_POWER * lift });
  }
  return out.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/**
 * Best-scoring phrase not already a name, widened to a longer phrase most of its members use.
 * When the best phrase already names a larger theme, a longer phrase around it that a fair share
 * of its users write ("transfer" taken -> "international transfer") keeps the name on the shared
 * concept instead of jumping to an unrelated side detail ("china").
 */
export function chooseName(candidates: readonly NamedCandidate[], used: ReadonlySet<string>): string | undefined {
  for (const head of candidates) {
    const taken = used.has(head.surface.toLowerCase());
    const headWords = head.key.split(" ");
    let best: NamedCandidate | undefined = taken ? undefined : head;
    const share = taken ? TAKEN_SHARE : SPECIFIC_SHARE;
    for (const other of candidates) {
      const otherWords = other.key.split(" ");
      if (otherWords.length <= headWords.length || used.has(other.surface.toLowerCase())) continue;
      if (!containsSpan(otherWords, headWords)) continue;
      if (other.coverage >= share * head.coverage && (best === undefined || best === head || other.coverage > best.coverage)) best = other;
    }
    if (best) return best.surface;
  }
  return undefined;
}

/** A name must say something: not empty, not made only of generic words or stop words. */
export function isGenericPhrase(surface: string): boolean {
  const words = surface.split(/\s+/).filter(Boolean);
  return words.length === 0 || words.every(isGenericWord);
}

/** Share of the rows whose text contains the phrase as whole words. */
function share(phrase: string, rows: readonly number[], texts: readonly string[]): number {
  if (rows.length === 0 || !phrase) return 0;
  const needle = ` ${normalise(phrase)} `;
  let hits = 0;
  for (const row of rows) if (` ${normalise(texts[row] ?? "")} `.includes(needle)) hits++;
  return hits / rows.length;
}

function normalise(text: string): string {
  return text.slice(0, 5000).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

const VERB_FORM = /(?:[^e]ed|ing|ly)$/;
function readsAsName(label: string): boolean {
  if (!label || label.includes("/") || label.includes("(") || isGenericPhrase(label)) return false;
  const words = label.split(" ");
  const last = words[words.length - 1];
  return !(last.length > 3 && VERB_FORM.test(last)) && !isGenericWord(last);
}

function containsSpan(words: readonly string[], span: readonly string[]): boolean {
  for (let i = 0; i + span.length <= words.length; i++) if (span.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/** Where members share no name-like word, their own opening words say more than a generic word. */
function openingWords(text: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ").slice(0, 5).join(" ");
  const opening = words.slice(0, 60);
  // A theme of answers that only say "problem" is named for what they say, not by the bare word.
  return isGenericPhrase(opening) ? `answers saying “${opening || "nothing"}”` : opening;
}

function uniqueFallback(label: string, used: ReadonlySet<string>): string {
  const base = label.trim() || "unnamed theme";
  let unique = base;
  for (let suffix = 2; used.has(unique.toLowerCase()); suffix++) unique = `${base} (${suffix})`;
  return unique;
}

function countSurface(surfaces: Map<string, Map<string, number>>, phrase: Phrase): void {
  let forms = surfaces.get(phrase.key);
  if (!forms) surfaces.set(phrase.key, (forms = new Map()));
  forms.set(phrase.surface, (forms.get(phrase.surface) ?? 0) + 1);
}

function mostFrequent(forms: ReadonlyMap<string, number> | undefined): string {
  let best = "";
  let count = -1;
  for (const [form, n] of forms ?? []) if (n > count || (n === count && form < best)) [best, count] = [form, n];
  return best;
}
