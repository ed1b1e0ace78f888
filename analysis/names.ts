import { BAD_ENDING, extractPhrases, isGenericWord, type Phrase } from "./phrases.js";
import type { ClusterTerms, TermCandidate } from "./label.js";
import { createStemmer } from "./stem.js";
import { forEachTerm } from "./vectorize.js";

/**
 * How many members per theme are tagged: the most central ones (they say what the theme is
 * about) up to this many, and at most TOTAL_SAMPLE over all themes, so naming costs the same
 * at 2,000 and 100,000 answers.
 */
const PER_THEME_SAMPLE = 30;
const TOTAL_SAMPLE = 1200;
const MIN_PER_THEME = 12;
/** A longer phrase replaces its head when at least this share of the head's members use it. */
const SPECIFIC_SHARE = 0.5;
/** Weight of opening-clause coverage in a term's coverage (the rest: coverage in whole answers). */
const OPENING_WEIGHT = 0.35;
/** A one-word head is widened more readily: a two-word name says what about it. */
const SINGLE_WORD_SHARE = 0.25;
/** When the head already names a larger theme, a longer phrase used by this share of its users is taken instead. */
const TAKEN_SHARE = 0.1;
/** Coverage squared: the concept most members share outranks a phrase with a higher lift but few users. */
const COVERAGE_POWER = 2;
/**
 * A term may name a theme when its last word is, in the tagged sample, mostly not a verb, an
 * auxiliary or a preposition ("charged twice", "card payment" yes; "take", "top up" no), and
 * the word was seen at all (a word the sample never shows cannot be checked).
 */
const MAX_BAD_ENDING_SHARE = 0.5;
type Tally = { bad: number; all: number; adjective: number };
interface Endings {
  /** By the word as written (lower case): "withdrawal" is a noun even though it stems to "withdraw". */
  byWord: Map<string, Tally>;
  /** By stem: all written forms of the word together. */
  byStem: Map<string, Tally>;
}
function endsWell(key: string, surface: string, endings: Endings): boolean {
  const keyWords = key.split(" ");
  const surfaceWords = surface.toLowerCase().split(/\s+/);
  // Either reading may clear it: "withdrawal" by its written form, "mapping" (a gerund the tagger calls a verb) by its stem "map".
  return [endings.byWord.get(surfaceWords[surfaceWords.length - 1]), endings.byStem.get(keyWords[keyWords.length - 1])].some(
    (tally) => !!tally && tally.all >= 2 && tally.bad / tally.all <= MAX_BAD_ENDING_SHARE,
  );
}

export interface NamedCandidate {
  surface: string;
  key: string;
  score: number;
  coverage: number;
}

/**
 * Name each theme by a noun phrase its members share, scored across themes (class-based
 * TF-IDF): coverage² × ln(lift), coverage = share of the theme's members using the phrase,
 * lift = how much more often than in other themes. Squaring coverage means the head concept
 * most members share ("card delivery") beats a vivid phrase a few wrote ("tracking number").
 *
 * Statistics come from all members (the term matrix: unigrams and adjacent bigrams, `terms`);
 * part-of-speech tags only decide which terms are noun phrases, and tagging runs on a bounded
 * sample, so the cost does not grow with n. A term qualifies when members write it as a noun
 * phrase (ends in a noun: never a verb or a preposition at the end) and it is not generic.
 * The winner is widened to a longer phrase that at least half of its users write ("card" ->
 * "card delivery"). Where no term qualifies, noun phrases of the sample itself (three or more
 * words, or words the matrix dropped) are scored the same way, and then the term label.
 * The largest theme chooses first and names are unique.
 */
export function nameThemes(
  texts: readonly string[],
  rankedMembers: readonly number[][],
  terms: readonly Pick<ClusterTerms, "label" | "candidates">[],
): string[] {
  const k = rankedMembers.length;
  const perTheme = Math.max(MIN_PER_THEME, Math.min(PER_THEME_SAMPLE, Math.floor(TOTAL_SAMPLE / Math.max(1, k))));
  const stem = createStemmer();
  const df: Map<string, number>[] = [];
  const surfaces = new Map<string, Map<string, number>>();
  const sampled: number[] = [];
  const totalDf = new Map<string, number>();
  // How often each word stem is tagged as a verb/preposition, to keep names from ending in one.
  const endings: Endings = { byWord: new Map(), byStem: new Map() };
  const onToken = (stemmed: string, pos: string, lower: string) => {
    count(endings.byStem, stemmed, pos);
    count(endings.byWord, lower, pos);
  };
  const samples = rankedMembers.map((ranked) => spreadSample(ranked, perTheme));
  // Per theme: sampled members whose opening clause contains each term (the pain is usually said first).
  const opening: Map<string, number>[] = samples.map((rows) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const seen = new Set<string>();
      forEachTerm(openingClause(texts[row] ?? ""), stem, true, (key) => seen.add(key));
      for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  });
  for (let c = 0; c < k; c++) {
    const counts = new Map<string, number>();
    sampled.push(samples[c].length);
    for (const row of samples[c]) {
      for (const phrase of extractPhrases(texts[row] ?? "", stem, onToken)) {
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
    const ok = (key: string, surface: string) => endsWell(key, surface, endings);
    const modifier = (word: string) => readsAsModifier(word, endings);
    const fromTerms: NamedCandidate[] = mergeWordOrders(terms[c]?.candidates ?? [], ok, modifier, surfaces)
      // The ending is judged on the form members write most ("charged", not the noun "charge").
      .filter((t) => ok(t.key, t.surface) && !isGenericPhrase(t.surface))
      .map((t) => {
        // Coverage averaged with the opening-clause coverage: "outage" (said first) beats
        // "social media" (a detail every answer of a template adds later).
        const openingShare = Math.min(1, t.keys.reduce((sum, key) => sum + (opening[c].get(key) ?? 0), 0) / Math.max(1, samples[c].length));
        const coverage = (1 - OPENING_WEIGHT) * t.coverage + OPENING_WEIGHT * openingShare;
        const lift = t.coverage > 0 ? t.score / t.coverage : 0;
        return { key: t.key, surface: nounSurface(t.key, surfaces) ?? t.surface, coverage, score: coverage ** COVERAGE_POWER * lift };
      })
      .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
    const fromSample = scorePhrases(df[c], totalDf, sampled[c], totalSampled - sampled[c], surfaces);
    const termName = terms[c]?.label ?? "";
    const name =
      chooseName(fromTerms, used) ??
      chooseName(fromSample, used) ??
      uniqueFallback(readsAsName(termName) ? termName : openingWords(texts[samples[c][0]] ?? ""), used);
    used.add(name.toLowerCase());
    names[c] = name;
  }
  return names;
}

/**
 * One concept written in two word orders counts once: "card stolen" (ends in a verb, cannot be a
 * name) and "stolen card" (a noun phrase) pool their members under the noun-final order, when
 * members wrote that order too (it is a candidate or a noun phrase of the tagged sample) and the
 * word moved to the front reads as a modifier (`readsAsModifier`).
 */
export function mergeWordOrders(
  candidates: readonly TermCandidate[],
  endsWellFn: (key: string, surface: string) => boolean,
  isModifier: (word: string) => boolean,
  surfaces: ReadonlyMap<string, ReadonlyMap<string, number>>,
): (TermCandidate & { keys: string[] })[] {
  const byKey = new Map(candidates.map((t) => [t.key, t]));
  const out = candidates.map((t) => ({ ...t, keys: [t.key] }));
  const index = new Map(out.map((t, i) => [t.key, i]));
  for (const t of candidates) {
    const words = t.key.split(" ");
    if (words.length !== 2 || endsWellFn(t.key, t.surface)) continue;
    const reversed = `${words[1]} ${words[0]}`;
    const other = byKey.get(reversed);
    const surface = other?.surface ?? (surfaces.has(reversed) ? mostFrequent(surfaces.get(reversed)) : undefined);
    if (!surface || !endsWellFn(reversed, surface) || !isModifier(surface.split(" ")[0])) continue;
    const coverage = Math.min(1, t.coverage + (other?.coverage ?? 0));
    // Lift of the pooled members: the two orders' lifts weighted by their members.
    const lift = (t.score + (other?.score ?? 0)) / Math.max(1e-9, t.coverage + (other?.coverage ?? 0));
    const merged = { key: reversed, surface, coverage, score: coverage * lift, keys: [reversed, t.key] };
    const at = index.get(reversed);
    if (at === undefined) {
      index.set(reversed, out.length);
      out.push(merged);
    } else if (out[at].coverage < coverage) out[at] = merged;
  }
  return out;
}

function scorePhrases(
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
    const share = taken ? TAKEN_SHARE : headWords.length === 1 ? SINGLE_WORD_SHARE : SPECIFIC_SHARE;
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

/**
 * A name must say something: not empty, not made only of generic words or stop words, and not
 * opening with one ("problem ajax" says no more than "ajax" and reads worse).
 */
export function isGenericPhrase(surface: string): boolean {
  const words = surface.split(/\s+/).filter(Boolean);
  return words.length === 0 || words.every(isGenericWord) || isGenericWord(words[0]);
}

/**
 * Members at evenly spaced centrality ranks: the most central alone are often near-identical
 * and over-state one wording (measured: 4-8 points lower naming hit rate on BANKING77).
 */
const SAMPLE_SPAN = 1;
function spreadSample(ranked: readonly number[], count: number): number[] {
  const span = Math.max(1, Math.ceil(ranked.length * SAMPLE_SPAN));
  if (span <= count) return ranked.slice(0, Math.max(span, Math.min(count, ranked.length)));
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(ranked[Math.floor((i * span) / count)]);
  return out;
}

/**
 * The text up to its first clause boundary (sentence end, ; : , or a conjunction that starts a
 * new clause), at least four words when the text has them: where a respondent names the pain.
 */
const OPENING_BOUNDARY = /[.!?;:,](?=\s|$)|\s(?=(?:but|and|because|so|when|which|while|although|though)\s)/giu;
function openingClause(text: string): string {
  const clean = text.slice(0, 2000);
  for (const match of clean.matchAll(OPENING_BOUNDARY)) {
    const head = clean.slice(0, match.index);
    if (head.trim().split(/\s+/).length >= 4) return head;
  }
  return clean;
}

/** The noun phrase as members write it most often ("ATM", not the term matrix's "atm"). */
function nounSurface(key: string, surfaces: ReadonlyMap<string, ReadonlyMap<string, number>>): string | undefined {
  const forms = surfaces.get(key);
  return forms ? mostFrequent(forms) : undefined;
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

function count(tallies: Map<string, Tally>, key: string, pos: string): void {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = { bad: 0, all: 0, adjective: 0 }));
  tally.all++;
  if (BAD_ENDING.has(pos)) tally.bad++;
  if (pos === "ADJ") tally.adjective++;
}

/**
 * A word that can stand before a noun as its modifier: a past participle ("stolen", "declined",
 * "failed") or a word tagged an adjective in most of its uses ("pending"), not a base verb
 * ("take", "come", "check"): "card stolen" may become "stolen card", "transfer take" never "take transfer".
 */
const PARTICIPLE = /(?:ed|en)$/;
function readsAsModifier(word: string, endings: Endings): boolean {
  const lower = word.toLowerCase();
  if (lower.length > 3 && PARTICIPLE.test(lower)) return true;
  const tally = endings.byWord.get(lower);
  return !!tally && tally.all >= 2 && tally.adjective * 2 > tally.all;
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
