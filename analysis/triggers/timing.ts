/**
 * When did (or will) the trigger happen? Features of the evidence clause and its sentence: tense
 * and aspect from wink-nlp's lemmas and tags ("fell" is a past form of "fall"), auxiliaries
 * ("will", "going to", "have" + participle), and time expressions from chrono-node ("next
 * quarter", "in 60 days", "three weeks ago") plus the business ones chrono does not read ("by
 * Q3", "end of the fiscal year", "since spring"). A small softmax model (model.ts) weighs them.
 */
import * as chrono from "chrono-node/en";
import type { Clause, Token } from "./parse.js";

/** Fixed reference date: only the direction of relative expressions is used, never the date. */
const REFERENCE = new Date(Date.UTC(2026, 0, 15));
const PAST_RELATIVE = /\b(?:ago|last|previous|past|yesterday|earlier|prior|since|recent|recently|already)\b/i;
const FUTURE_RELATIVE =
  /\b(?:next|in \d+|in (?:a|an|one|two|three|four|five|six|few|several|the next|the coming)|within|tomorrow|coming|upcoming|from now|later|this coming)\b/i;
const BUSINESS_FUTURE =
  /\b(?:by (?:q[1-4]|h[12]|the end|end of|year[- ]end|ye|fy|next|\w+ \d{4}|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)|(?:end|close) of (?:the |this |our )?(?:fiscal |financial )?(?:year|quarter|fy|month|term)|before (?:the )?(?:end|deadline|summer|winter|spring|fall|autumn|christmas|year)|(?:starting|from|effective|as of|come|coming) (?:jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|next|q[1-4]|monday|the new year|20\d\d)|deadline|due|expires?|countdown|t-minus|looming|approaching|around the corner|imminent|pending|scheduled|slated|on the horizon|any day now|go-live)\b/i;
const BUSINESS_PAST =
  /\b(?:since (?:jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|spring|summer|fall|autumn|winter|last|the|then|covid|20\d\d|q[1-4])|last (?:spring|summer|fall|autumn|winter|year|quarter|month|week|time|fy)|back in|this past|over the (?:last|past)|(?:earlier|already) this|in 20(?:1\d|2[0-5])\b|post-)/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|spring|summer|autumn|fall|winter)\b/i;
const IRREGULAR_PAST = new Set([
  "was",
  "were",
  "had",
  "did",
  "went",
  "got",
  "came",
  "left",
  "lost",
  "hit",
  "took",
  "fell",
  "broke",
  "ran",
  "saw",
  "made",
  "began",
  "became",
  "told",
  "found",
  "gave",
  "brought",
  "bought",
  "sold",
  "paid",
  "spent",
  "won",
  "kept",
  "put",
  "quit",
  "cut",
  "shut",
  "sat",
  "stood",
  "felt",
  "thought",
  "heard",
  "held",
  "led",
  "met",
  "sent",
  "set",
  "stole",
  "woke",
  "wrote",
  "blew",
  "drew",
  "grew",
  "knew",
  "threw",
  "flew",
  "rose",
  "froze",
  "chose",
  "drove",
  "shook",
  "spoke",
  "struck",
  "swore",
  "tore",
  "wore",
  "dealt",
  "meant",
  "burnt",
  "learnt",
  "'d",
]);

function verbFeatures(tokens: readonly Token[], prefix: string, out: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.lemma === "will" || t.lower === "'ll" || t.lower === "shall" || t.lower === "gonna") out.add(`${prefix}will`);
    if (t.lemma === "go" && t.lower.endsWith("ing") && next?.lower === "to") out.add(`${prefix}goingto`);
    if (
      (t.lower === "have" || t.lower === "has" || t.lower === "'ve" || t.lower === "'s") &&
      next &&
      (next.pos === "VERB" || next.lower === "been")
    )
      out.add(`${prefix}perfect`);
    if (t.pos !== "VERB" && t.pos !== "AUX") continue;
    if (SCHEDULED.has(t.lemma) && (t.lower === t.lemma || t.lower === `${t.lemma}s` || t.lower === `${t.lemma}es`))
      out.add(`${prefix}scheduled`);
    if (IRREGULAR_PAST.has(t.lower) || (t.lower.endsWith("ed") && t.lower !== t.lemma)) out.add(`${prefix}pastform`);
    else if (t.lower.endsWith("ing")) out.add(`${prefix}ing`);
    else if (
      t.lower === t.lemma ||
      t.lower === `${t.lemma}s` ||
      t.lower === `${t.lemma}es` ||
      t.lower === "is" ||
      t.lower === "are" ||
      t.lower === "am" ||
      t.lower === "'re" ||
      t.lower === "'m"
    )
      out.add(`${prefix}present`);
    else if (t.lower !== t.lemma) out.add(`${prefix}pastform`);
  }
}

/** Scheduled-future verbs in the present ("starts on Monday", "the law applies from July"). */
const SCHEDULED = new Set([
  "start",
  "begin",
  "join",
  "arrive",
  "kick",
  "take",
  "land",
  "open",
  "close",
  "complete",
  "go",
  "apply",
  "expire",
  "end",
  "renew",
  "finish",
  "lapse",
  "launch",
  "come",
]);
const SOON =
  /\b(?:coming up|coming due|comes up|come up|about to|is being|are being|'re being|'s being|is due|are due|up for|looming|approaching|on the horizon|around the corner|in the pipeline|in the works|planned|planning|plan to|expected|expecting|set to|slated|scheduled|will|gonna|going to|next)\b/i;
const DONE =
  /\b(?:already|just|recently|ago|last|previous|was|were|had|did|has been|have been|happened|since|after the|after we|following the|back in|earlier)\b/i;
const ONGOING =
  /\b(?:again|keep|keeps|kept|recurring|repeated|constant|constantly|every (?:week|month|day|time)|all the time|ongoing|regularly|always)\b/i;

/**
 * chrono-node is the slow step (~50 µs a call), so it reads only the evidence clause, and only
 * when that clause holds a date-like word: a year, a day of the month, a count of days or weeks, a month or weekday named as such ("May" only
 * after a preposition: "may" is mostly the modal), or a relative time word. Measured with grouped
 * cross-validation, chrono on the sentence's other clauses and on every "day"/"year"/"may" added
 * nothing to timing accuracy (ADR 0103); the business patterns below carry those clauses.
 */
const DATE_CUE =
  /\b(?:(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)|\d{1,4}[/.-]\d{1,2}|\d+ (?:days?|weeks?|months?|years?|hours?)|ago|yesterday|tomorrow|tonight|fortnight|christmas|easter|noon|midnight|weekend|jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:in|by|since|until|from|of|mid|early|late|end|last|next|this) may|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:last|next|this|coming|past|previous|a|one|two|three|few|couple of) (?:day|week|month|year|quarter|spring|summer|autumn|fall|winter)s?)\b/i;

function chronoFeatures(raw: string, prefix: string, out: Set<string>): void {
  if (!DATE_CUE.test(raw)) return;
  for (const result of chrono.parse(raw, REFERENCE)) {
    const expr = result.text;
    if (PAST_RELATIVE.test(expr)) out.add(`${prefix}chrono:past`);
    else if (FUTURE_RELATIVE.test(expr)) out.add(`${prefix}chrono:future`);
    else if (/\b20\d\d\b/.test(expr)) out.add(`${prefix}chrono:year`);
    else out.add(`${prefix}chrono:date`);
    const year = /\b(20\d\d)\b/.exec(expr)?.[1];
    if (year) out.add(`${prefix}year:${Number(year) <= 2025 ? "old" : "new"}`);
  }
}

function expressionFeatures(raw: string, prefix: string, out: Set<string>): void {
  if (SOON.test(raw)) out.add(`${prefix}soon`);
  if (DONE.test(raw)) out.add(`${prefix}done`);
  if (ONGOING.test(raw)) out.add(`${prefix}ongoing`);
  if (BUSINESS_FUTURE.test(raw)) out.add(`${prefix}biz:future`);
  if (BUSINESS_PAST.test(raw)) out.add(`${prefix}biz:past`);
  if (MONTH.test(raw)) out.add(`${prefix}month`);
}

/** The raw words of a clause, as written, for chrono and the business patterns. */
function clauseRaw(clause: Clause): string {
  return clause.tokens.map((t) => t.value).join(" ");
}

/** A clause's tense and time-expression cues, without prefix, worked out once per clause: an
 *  answer with two triggers in one sentence asks for the same clauses twice, and chrono is slow. */
const clauseCues = new WeakMap<Clause, string[]>();

function cuesOf(clause: Clause): string[] {
  let cues = clauseCues.get(clause);
  if (cues === undefined) {
    const found = new Set<string>();
    verbFeatures(clause.tokens, "", found);
    expressionFeatures(clauseRaw(clause), "", found);
    cues = [...found];
    clauseCues.set(clause, cues);
  }
  return cues;
}

/** chrono's cues of an evidence clause, once per clause (two types can share one clause). */
const chronoCues = new WeakMap<Clause, string[]>();

function chronoCuesOf(clause: Clause): string[] {
  let cues = chronoCues.get(clause);
  if (cues === undefined) {
    const found = new Set<string>();
    chronoFeatures(clauseRaw(clause), "", found);
    cues = [...found];
    chronoCues.set(clause, cues);
  }
  return cues;
}

export function timingFeatures(clauses: readonly Clause[], evidence: number, firstToken: number): string[] {
  const out = new Set<string>(["bias"]);
  const clause = clauses[evidence];
  for (const cue of cuesOf(clause)) out.add(`c:${cue}`);
  for (const cue of chronoCuesOf(clause)) out.add(`c:${cue}`);
  // The rest of the sentence, weaker: "Our contract, signed in 2021, ends next June".
  const sentence = clauses.filter((c, i) => c.sentence === clause.sentence && i !== evidence);
  for (const other of sentence) for (const cue of cuesOf(other)) out.add(`s:${cue}`);
  for (const t of clause.tokens)
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "ADV" || t.pos === "ADP" || t.pos === "NUM") out.add(`t:${t.lemma}`);
  for (let i = Math.max(0, firstToken - 3); i < firstToken; i++) out.add(`pre:${clause.tokens[i].lemma}`);
  for (let i = firstToken + 1; i < Math.min(clause.tokens.length, firstToken + 4); i++) out.add(`post:${clause.tokens[i].lemma}`);
  if (sentence.length === 0 && out.size < 6) out.add("terse");
  return [...out];
}
