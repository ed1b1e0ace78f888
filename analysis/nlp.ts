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
    engine = winkNLP(require("wink-eng-lite-web-model"));
  }
  return engine;
}
