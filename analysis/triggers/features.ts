/**
 * What the model sees of one answer: lexicon hits per type with the scope of each hit, and the
 * answer's words (stemmed unigrams and bigrams) tagged with the scope of their clause, so that
 * "breach" in "no breach so far" is a different feature from "breach" in "we had a breach".
 */
import { contextScopes } from "./context.js";
// A plain JSON import, like model.json (detect.ts says why): word -> embedding class (word-classes-cli.ts).
import wordClassFile from "./word-classes.json";
import { createStemmer } from "../stem.js";
import { STOP_WORDS } from "../stopwords.js";
import { LEXICON } from "./lexicon/index.js";
import { parseClauses, tokenAtOffset, type Clause } from "./parse.js";
import { buildPatternIndex, type PatternIndex } from "./pattern-index.js";
import { clauseScope, hasModal, scopeAt, type Scope } from "./scope.js";
import { TRIGGER_TYPES, type TriggerType } from "./types.js";

export interface Hit {
  type: TriggerType;
  pattern: number;
  /** The matched lemmas, as a feature key. */
  matched: string;
  clause: number;
  /** First and last token index of the match in its clause. */
  first: number;
  last: number;
  scope: Scope;
  modal: boolean;
}

export interface AnswerFeatures {
  clauses: Clause[];
  /** Features every type's model reads: scoped word unigrams and bigrams. */
  shared: string[];
  /** Word features of each clause, for choosing the evidence clause of a model-only finding. */
  clauseWords: string[][];
  hits: Hit[];
  /** Per type: features read only by that type's model (its lexicon hits). */
  byType: Map<TriggerType, string[]>;
}

export const COMPILED: { type: TriggerType; pattern: number; regex: RegExp }[] = TRIGGER_TYPES.flatMap((type) =>
  LEXICON[type].map((source, pattern) => ({ type, pattern, regex: new RegExp(`(?<![^ ])(?:${source})(?![^ ])`, "g") })),
);

/** Which patterns can match a clause at all (pattern-index.ts): about 7 per clause instead of all 194. */
// Built on first use (~20 ms), so importing the detector stays cheap for a process that never runs it.
let patternIndex: PatternIndex | undefined;

/** The clause's words as the patterns see them: lemma pieces ("do not" is two) and lower-case forms. */
export function candidatePatterns(clause: Clause): number[] {
  const words: string[] = [];
  for (const t of clause.tokens) {
    if (t.lemma.includes(" ")) words.push(...t.lemma.split(" "));
    else words.push(t.lemma);
    if (t.lower !== t.lemma) words.push(t.lower);
  }
  patternIndex ??= buildPatternIndex(COMPILED.map((c) => LEXICON[c.type][c.pattern]));
  return patternIndex.candidates(words);
}

const WORD_CLASSES: Readonly<Record<string, number>> = (wordClassFile as { classes: Record<string, number> }).classes;

const stem = createStemmer();
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'&.-]*$/u;

const wordKeys = new Map<string, string | null>();

/** A lemma's word feature (stemmed), or null for stop words and numbers; memoised, as words repeat. */
function wordKey(lemma: string): string | null {
  let key = wordKeys.get(lemma);
  if (key !== undefined) return key;
  key = !WORD.test(lemma) || STOP_WORDS.has(lemma) || /^\d+$/.test(lemma) ? null : stem(lemma.replace(/[^\p{L}\p{N}]/gu, ""));
  if (wordKeys.size >= 100_000) wordKeys.clear();
  wordKeys.set(lemma, key);
  return key;
}

/** Scope letters keep feature keys short. */
const SCOPE_TAG: Record<Scope, string> = { fact: "f", negated: "n", hypothetical: "h", other: "o", wish: "w" };

const NOUNISH = new Set(["NOUN", "PROPN"]);

/**
 * How the matched words sit in their clause, when that says they name a thing rather than an event:
 * a trigger noun modifying the next noun ("renewal tracking", "the breach-notification template",
 * "the growth plan") is "Lmod"; one after a noun and a preposition ("the report on outages") is
 * "Lpobj". The model learns how much each weighs; null when neither applies.
 */
function roleOf(clause: Clause, first: number, last: number): string | null {
  const tokens = clause.tokens;
  const next = tokens[last + 1];
  if (next !== undefined && NOUNISH.has(tokens[last].pos) && NOUNISH.has(next.pos) && !next.quoted) return "Lmod";
  const before = tokens[first - 1];
  const head = tokens[first - 2];
  if (before?.pos === "ADP" && head !== undefined && NOUNISH.has(head.pos)) return "Lpobj";
  return null;
}

export function extractFeatures(text: string): AnswerFeatures {
  const clauses = parseClauses(text);
  const shared = new Set<string>();
  const clauseWords: string[][] = [];
  const openers = new Map<number, string>();
  // The first words of each sentence as written (lemmas would turn "Were we to..." into "be we to").
  for (const clause of clauses)
    if (!openers.has(clause.sentence)) openers.set(clause.sentence, clause.surfaceText.split(" ").slice(0, 3).join(" "));
  clauses.forEach((clause) => {
    const tag = SCOPE_TAG[clauseScope(clause, openers.get(clause.sentence) ?? "")];
    const words: string[] = [];
    let previous: string | null = null;
    for (const token of clause.tokens) {
      const key = wordKey(token.lemma);
      if (key === null) continue;
      words.push(`w${tag}:${key}`);
      // The word's embedding class: a word the corpus never used still weighs like its neighbours.
      const cls = WORD_CLASSES[token.lemma] ?? WORD_CLASSES[token.lower];
      if (cls !== undefined) words.push(`w${tag}:#${cls}`);
      if (previous !== null) words.push(`b${tag}:${previous}_${key}`);
      previous = key;
    }
    for (const w of words) shared.add(w);
    clauseWords.push(words);
  });

  const hits: Hit[] = [];
  clauses.forEach((clause, c) => {
    const opener = openers.get(clause.sentence) ?? "";
    const seen = new Set<number>();
    for (const index of candidatePatterns(clause)) {
      const { type, pattern, regex } = COMPILED[index];
      // Lemmas first (every tense), then the words as written (patterns in surface forms).
      for (const [text, at] of [
        [clause.lemmaText, clause.lemmaStarts],
        [clause.surfaceText, clause.surfaceStarts],
      ] as const) {
        regex.lastIndex = 0;
        for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
          if (m[0].length === 0) {
            regex.lastIndex++;
            continue;
          }
          const first = tokenAtOffset(at, m.index);
          const last = tokenAtOffset(at, m.index + m[0].length - 1);
          const key = index * 65_536 + first;
          if (seen.has(key)) continue;
          seen.add(key);
          // Lemmas cannot tell "we were bought" from "we're buying": a passive needs a participle.
          if (type === "merger_acquisition" && /^(?:be|get) /.test(m[0]) && /ing$/.test(clause.tokens[first + 1]?.lower ?? "")) continue;
          // "the account was taken over" is an account takeover, not a new boss or a buyer.
          if (
            (type === "leadership_change" || type === "merger_acquisition") &&
            /take over|taken over/.test(m[0]) &&
            /\b(?:account|mailbox|login|credential|inbox|tenant|admin)\b/.test(clause.lemmaText)
          )
            continue;
          hits.push({
            type,
            pattern,
            matched: clause.tokens
              .slice(first, last + 1)
              .map((t) => t.lemma)
              .join(" "),
            clause: c,
            first,
            last,
            scope: scopeAt(clause, first, opener, type),
            modal: hasModal(clause, first),
          });
        }
      }
    }
  });

  // The answer's other clauses and the words around a hit can still say it is not our event.
  const scopes = contextScopes(clauses, hits);
  hits.forEach((hit, i) => (hit.scope = scopes[i]));

  const byType = new Map<TriggerType, string[]>();
  for (const type of TRIGGER_TYPES) byType.set(type, []);
  for (const hit of hits) {
    const list = byType.get(hit.type)!;
    const tag = SCOPE_TAG[hit.scope];
    list.push(`L${tag}`, `P${tag}:${hit.pattern}`);
    if (hit.scope === "fact") {
      const role = roleOf(clauses[hit.clause], hit.first, hit.last);
      if (role !== null) list.push(role, `${role}:${hit.pattern}`);
      else list.push(`M:${hit.matched}`);
      list.push(hit.modal ? "Lmodal" : "Lplain");
    }
  }
  for (const [type, list] of byType) byType.set(type, [...new Set(list)]);
  // How many types the lexicon saw as facts: a long answer naming three events differs from one.
  const factTypes = new Set(hits.filter((h) => h.scope === "fact").map((h) => h.type)).size;
  shared.add(`nfact:${Math.min(factTypes, 3)}`);
  return { clauses, shared: [...shared], clauseWords, hits, byType };
}
