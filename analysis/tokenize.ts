import { isStopWord } from "./stopwords.js";

export interface Token {
  /** Lower-cased surface form as written (after apostrophe clean-up). */
  word: string;
  /** True when the word is a stop word or survey filler. */
  stop: boolean;
}

/** Upper bound on tokens kept per text: a 100 KB answer must not dominate time or the vocabulary. */
const MAX_TOKENS_PER_TEXT = 2000;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Scripts written without spaces: a run of them is a sentence, not a word, so split into character bigrams.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const DIGITS_ONLY = /^\p{N}+$/u;

/**
 * Split a text into lower-cased word tokens. Letters and digits of any script count;
 * punctuation, emoji and symbols separate words. Contractions keep their first part ("don't" -> "don", a stop word),
 * possessives lose the "'s", bare numbers are dropped (they rarely name a pain).
 */
export function tokenize(text: string, maxTokens = MAX_TOKENS_PER_TEXT): Token[] {
  const tokens: Token[] = [];
  if (!text) return tokens;
  const normalised = text.normalize("NFKC").toLowerCase();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(normalised); match !== null; match = WORD.exec(normalised)) {
    let word = match[0];
    const apostrophe = word.search(/['’]/);
    if (apostrophe >= 0) word = word.slice(0, apostrophe);
    if (word.length === 0 || DIGITS_ONLY.test(word)) continue;
    if (UNSPACED_SCRIPT.test(word) && word.length > 2) {
      for (let i = 0; i + 1 < word.length && tokens.length < maxTokens; i++) {
        tokens.push({ word: word.slice(i, i + 2), stop: false });
      }
    } else {
      tokens.push({ word, stop: word.length < 2 || isStopWord(word) });
    }
    if (tokens.length >= maxTokens) break;
  }
  return tokens;
}
