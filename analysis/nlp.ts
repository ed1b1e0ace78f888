import { createRequire } from "node:module";
import type WinkNlp from "wink-nlp";

/**
 * The one English NLP engine of the analysis module (wink-nlp with wink-eng-lite-web-model), shared
 * by theme naming (phrases.ts) and trigger clauses (triggers/parse.ts): one model in memory, read
 * on first use rather than at import (~120 ms), so a process that never analyses text never pays.
 */
export type EnglishNlp = ReturnType<typeof WinkNlp>;

let engine: EnglishNlp | undefined;

export function englishNlp(): EnglishNlp {
  if (!engine) {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as typeof WinkNlp;
    // Only sentences and part of speech (lemmas are read from them on demand): both users read
    // tokens, tags and lemmas, never entities, sentiment or negation flags, and the full default
    // pipe took about a third longer per answer for identical tokens, tags and lemmas (ADR 0103).
    engine = winkNLP(require("wink-eng-lite-web-model"), ["sbd", "pos"]);
  }
  return engine;
}
