import { englishNlp, type EnglishNlp } from "./nlp.js";
import { createStemmer } from "./stem.js";
import { isStopWord } from "./stopwords.js";

/** A noun phrase found in one text: `key` is the stemmed form used for counting, `surface` as written. */
export interface Phrase {
  key: string;
  surface: string;
  words: number;
}

/**
 * Part-of-speech tags come from wink-nlp's English lite model. Measured on 5,000 BANKING77
 * answers: wink-nlp 0.1 ms per answer, compromise 1.5 ms (ADR 0102), so only wink-nlp fits the
 * 100k budget, and even it only runs on a bounded sample of each theme's members.
 * The engine is the one shared with the trigger detector (nlp.ts), read on first use.
 */
function tagger(): { nlp: EnglishNlp; its: EnglishNlp["its"] } {
  const nlp = englishNlp();
  return { nlp, its: nlp.its };
}

/** Words that never name a pain on their own ("issue", "problem"), and a name made only of them says nothing. */
const GENERIC = new Set(
  `issue issues problem problems time times thing things question questions help way ways day days today
  people person someone anyone trouble situation reason case matter stuff lot kind sort type part number
  information info item items hour hours minute minutes week weeks month months year years moment bit
  something anything everything nothing place point fact idea use need needs`
    .split(/\s+/)
    .filter(Boolean),
);

export function isGenericWord(word: string): boolean {
  const lower = word.toLowerCase();
  return GENERIC.has(lower) || isStopWord(lower);
}

const NOUN = new Set(["NOUN", "PROPN"]);
/** Tags a name must not end in: "outage reported", "switching to", "top up", "order new". */
export const BAD_ENDING = new Set(["VERB", "AUX", "ADP", "PART", "SCONJ", "CCONJ", "DET", "PRON", "ADJ"]);
const MODIFIER = new Set(["ADJ", "NOUN", "PROPN"]);
/** Longest phrase considered: names are 1-4 content words ("card delivery time estimate" at most). */
const MAX_PHRASE_WORDS = 4;
const MAX_TEXT_CHARS = 2000;

/**
 * Noun phrases of one text: maximal runs of adjectives and nouns (no punctuation, verbs or
 * prepositions inside), and every sub-span of a run that ends in a noun, so "my new debit card"
 * yields "new debit card", "debit card", "card" and the theme can be named by whichever most
 * members share. A phrase never ends in a verb or a preposition because it always ends in a noun;
 * spans with a stop word or a number are skipped.
 */
export function extractPhrases(
  text: string,
  stem: (word: string) => string = createStemmer(),
  onToken?: (stemmed: string, pos: string, lower: string) => void,
): Phrase[] {
  if (!text || !text.trim()) return [];
  const { nlp, its } = tagger();
  const doc = nlp.readDoc(text.slice(0, MAX_TEXT_CHARS));
  const values = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  if (onToken) {
    for (let i = 0; i < values.length; i++) {
      if (!isContentWord(values[i])) continue;
      const lower = values[i].toLowerCase();
      onToken(stem(lower), tags[i], lower);
    }
  }
  const out: Phrase[] = [];
  const seen = new Set<string>();
  // In a text written in capitals, capitals say nothing about acronyms ("HOW LONG" is not "LONG").
  const shouting = text === text.toUpperCase();
  let runStart = 0;
  const flush = (end: number) => {
    for (let last = runStart; last < end; last++) {
      if (!NOUN.has(tags[last])) continue;
      for (let first = last; first >= runStart && last - first < MAX_PHRASE_WORDS; first--) {
        const words = values.slice(first, last + 1);
        if (words.some((w) => !isContentWord(w))) break;
        const key = words.map((w) => stem(w.toLowerCase())).join(" ");
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ key, surface: words.map((w) => (shouting ? w.toLowerCase() : readable(w))).join(" "), words: words.length });
      }
    }
  };
  for (let i = 0; i <= tags.length; i++) {
    if (i < tags.length && MODIFIER.has(tags[i])) continue;
    flush(i);
    runStart = i + 1;
  }
  return out;
}

const LETTERS = /^[\p{L}][\p{L}\p{N}'’.-]*$/u;
function isContentWord(word: string): boolean {
  const lower = word.toLowerCase();
  return word.length > 1 && LETTERS.test(word) && !isStopWord(lower);
}

/** Lower case except acronyms as written ("ATM", "PIN", "SQL"). */
function readable(word: string): string {
  return word.length >= 2 && word.length <= 5 && word === word.toUpperCase() && /\p{Lu}/u.test(word) ? word : word.toLowerCase();
}
