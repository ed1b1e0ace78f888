// Only natural's stemmer subfolder: natural's root entry loads database clients and dotenv.
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";

const ASCII_WORD = /^[a-z]+$/;

/**
 * Porter stemmer with a per-call cache. A corpus repeats the same few thousand words
 * millions of times, and the Porter rules are regex-heavy, so caching makes stemming ~free.
 */
export function createStemmer(): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let stem = cache.get(word);
    if (stem === undefined) {
      // Porter's rules are for English; other scripts pass through untouched.
      stem = ASCII_WORD.test(word) && word.length > 2 ? PorterStemmer.stem(word) : word;
      cache.set(word, stem);
    }
    return stem;
  };
}
