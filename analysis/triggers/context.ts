/**
 * Context beyond the clause: rules that read the whole answer or the words around a hit, applied
 * after scope.ts has judged each hit inside its own clause. Each rule turns a factual hit into
 * "other" (not the speaker's event) or "negated" for a reason a careful reader would give:
 *
 * - a **disclaimer** elsewhere in the answer ("... but we weren't affected", "that's them, not us",
 *   "our own systems were fine"): the events in clauses that do not name the speaker as their
 *   subject happened to someone else;
 * - the **thing that moved is a quantity**, not a system or the business: "power prices went down"
 *   is no outage, "freight rates went through the roof" no growth (it is a cost), "enrolment jumped"
 *   no cost pressure;
 * - the **acquired or funded party is a product or a vendor** ("our survey tool got acquired"): the
 *   vendor's deal, which shows as a vendor change, not as our merger or our round;
 * - **planned work** ("down for its planned annual service", "routine maintenance") is no outage;
 * - a **benign outcome** right after the hit ("the phishing test came back clean", "growth has been
 *   flat", "the EOL rumours were denied"): the event did not happen.
 *
 * Every rule is written from how people say these things, not from any one answer; each has a unit
 * test on hand-built sentences (test/unit/analysis/triggers/context.test.ts).
 */
import type { Clause, Token } from "./parse.js";
import { OWN, type Scope } from "./scope.js";
import type { TriggerType } from "./types.js";

/** What a rule needs of a hit (features.ts's Hit has more). */
export interface ScopedHit {
  type: TriggerType;
  clause: number;
  first: number;
  last: number;
  scope: Scope;
}

/** "our supplier", "our partner": an organisation of ours that is not us. */
const OTHER_PARTY = new Set([
  "supplier",
  "vendor",
  "provider",
  "partner",
  "customer",
  "client",
  "investor",
  "competitor",
  "rival",
  "neighbour",
  "neighbor",
  "distributor",
  "reseller",
  "contractor",
  "peer",
  "sister",
]);

/** Lemma text of a clause that says the speaker was not touched by what the answer tells. */
const DISCLAIMERS = [
  /\b(?:we|i|it) (?:be|do|have) not (?:\S+ )?(?:affect|affected|impact|impacted|hit|touch|touched|involve|involved|on it|on them|use them|use it|a customer)\b/,
  /\b(?:we|us|ours) (?:be|remain|stay|were) unaffected\b/,
  /\bunaffected\b/,
  /\bnot (?:affect|impact|touch|involve|concern) us\b/,
  /\b(?:do|doe|did) not (?:really )?(?:affect|impact|touch|involve|concern|apply to) us\b/,
  /\bnot that it (?:\S+ )?(?:affect|matter|touch)/,
  /\bnot (?:us|ours|our problem|our issue|our fight|our concern|something happen to us|related)\b/,
  /\b(?:that|this) be them\b/,
  /\bglad it be not us\b/,
  /\bnone of our (?:\S+ )?(?:be|were|was|datum|data|system|customer) (?:\S+ )?(?:involve|affect|touch|impact|expose)/,
  /\bnothing happen (?:to us|on our|here|at our)\b/,
  /\bour own (?:\S+ ){0,2}(?:be|stay|remain) (?:fine|ok|okay|unaffected|untouched)\b/,
  /\bour (?:\S+ )?(?:system|network|store|site|product|datum|platform|server|app|service) (?:be|stay|remain) (?:fine|ok|okay|unaffected|untouched)\b/,
  /\b(?:doesn't|doesnt) touch us\b/,
  /\bours stay\b/,
];

function hasDisclaimer(clause: Clause): boolean {
  return DISCLAIMERS.some((r) => r.test(clause.lemmaText));
}

/** The clause names the speaker (we / our X that is not a supplier or a partner). */
function namesSpeaker(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!OWN.has(tokens[i].lemma)) continue;
    // "our packaging supplier had ransomware": "our" owns the supplier, not the event.
    const owned = tokens.slice(i + 1, i + 4).some((t) => OTHER_PARTY.has(t.lemma));
    if (!owned) return true;
  }
  return false;
}

/** Quantities that go up and down without anything breaking or anyone growing. */
const QUANTITY =
  /\b(?:price|cost|rate|fee|bill|premium|tariff|rent|wage|salary|spend|expense|charge|quote|invoice|demand|output|level|frequency|temperature|sugar|footfall|margin|share|stock|value|market|yield|interest|debt|burn)\b/;
const PRICE_WORDS = /\b(?:price|cost|rate|fee|bill|premium|tariff|rent|wage|salary|quote|invoice|charge|uplift|expense|debt|ulez)\b/;
/** What grows when a business grows: not a cost. */
const GROWTH_NOUNS =
  /\b(?:student|pupil|enrol?ment|enrollment|customer|client|order|volume|headcount|patient|member|user|sale|revenue|demand|staff|site|store|location|fleet|shipment|subscriber|footfall|booking|admission|intake)\b/;
/** A product or a company that sells to us: its acquisition or round is not ours. */
const PRODUCT_OR_VENDOR =
  /\b(?:software|tool|platform|product|app|crm|system|solution|vendor|provider|supplier|maker|developer|partner|stack|suite|package|service)\b/;
const PLANNED = /\b(?:plan|planned|schedule|scheduled|routine|maintenance|servicing|annual service|upgrade window)\b/;
/** An outcome after the hit that says the event did not happen. */
const BENIGN_AFTER =
  /^(?:\S+ ){0,6}(?:come back clean|be clean|come back fine|be flat|stay flat|remain flat|be steady|be stable|be deny|get deny|be deny by|be unchanged|be the same|fall through|fall thru|fell through|be call off|be called off|be cancel|be cancelled|be canceled|be shelve|be shelved|come to nothing|go nowhere|never happen|never materialise|never materialize)\b/;
/** Keeping records of an event is not the event: "we track outages in a spreadsheet", "we log renewals in HubSpot". */
const RECORD_VERBS = new Set([
  "track",
  "log",
  "record",
  "monitor",
  "measure",
  "count",
  "report",
  "list",
  "tally",
  "chase",
  "forecast",
  "model",
  "manage",
  "handle",
  "process",
  "automate",
  "schedule",
]);
/** A drill is not an attack: "the phishing simulation", "a phishing test". */
const DRILL = /^(?:\S+ ){0,1}(?:simulation|simulate|test|exercise|drill|training|campaign|awareness|module|course|game|tabletop)\b/;
/** Investors named in a sentence about being bought are the buyer, not a round: "private equity bought us". */
const BUY_VERB = /\b(?:buy|bought|acquire|acquired|take over|took over|purchase|purchased|buy out|bought out)\b/;
const INVESTOR_WORDS = /\b(?:private equity|pe|pe-backed|pe back|investor|investors|vc|vcs|fund|backer|backers|consolidator)\b/;
/** A vendor or its product changing hands: the new owners in the next clause are the vendor's, not ours. */
const VENDOR_DEAL =
  /\b(?:software|tool|platform|product|app|crm|system|solution|vendor|provider|supplier|maker|developer|oem|company behind|firm behind|people behind)\b (?:\S+ ){0,3}(?:be|get|have be) (?:acquire|buy|buy out|take over|sell|absorb|snap up|pick up)\b|\bchange hand\b|\bchanged hands\b/;
const NEW_OWNER = /\b(?:new owner|new owners|new parent|new management|new people|buyer|acquirer)\b/;

const SKIPPED_BEFORE_VERB = new Set(["AUX", "ADV", "PART", "DET"]);

function subjectBefore(tokens: readonly Token[], first: number): string {
  for (let i = first - 1; i >= 0; i--) {
    const t = tokens[i];
    if (SKIPPED_BEFORE_VERB.has(t.pos) || t.lemma === "get" || t.lemma === "be") continue;
    return t.pos === "NOUN" || t.pos === "PROPN" ? t.lemma : "";
  }
  return "";
}

/** The verb the hit is the object of, when it is a record-keeping verb ("track", "log"), else null. */
function recordVerbBefore(tokens: readonly Token[], first: number): string | null {
  for (let i = first - 1; i >= Math.max(0, first - 4); i--) {
    const t = tokens[i];
    if (t.pos === "DET" || t.pos === "ADJ" || t.pos === "PRON" || t.pos === "NUM" || t.lemma === "all" || t.lemma === "our") continue;
    if (t.pos === "VERB" && RECORD_VERBS.has(t.lemma)) return t.lemma;
    if (t.pos === "ADP" && t.lemma === "on" && tokens[i - 1]?.pos === "VERB" && RECORD_VERBS.has(tokens[i - 1].lemma))
      return tokens[i - 1].lemma;
    return null;
  }
  return null;
}

function textAfter(clause: Clause, last: number): string {
  return clause.tokens
    .slice(last + 1)
    .map((t) => t.lemma)
    .join(" ");
}

function matchedText(clause: Clause, first: number, last: number): string {
  return clause.tokens
    .slice(first, last + 1)
    .map((t) => t.lemma)
    .join(" ");
}

/** The hit's scope once the answer's other clauses and the words around it are read. */
/** Every hit's scope once the rest of the answer is read; the disclaimers are found once per answer. */
export function contextScopes(clauses: readonly Clause[], hits: readonly ScopedHit[]): Scope[] {
  if (hits.every((h) => h.scope !== "fact")) return hits.map((h) => h.scope);
  const disclaimers = clauses.map(hasDisclaimer);
  return hits.map((hit) => contextScope(clauses, hit, disclaimers));
}

function contextScope(clauses: readonly Clause[], hit: ScopedHit, disclaimers: readonly boolean[]): Scope {
  if (hit.scope !== "fact") return hit.scope;
  const clause = clauses[hit.clause];
  const tokens = clause.tokens;
  const matched = matchedText(clause, hit.first, hit.last);
  const after = textAfter(clause, hit.last);
  const around = clause.lemmaText;

  if (BENIGN_AFTER.test(after)) return "negated";
  const previous = recordVerbBefore(tokens, hit.first);
  if (previous !== null) return "other";
  if (hit.type === "security_incident" && DRILL.test(after)) return "other";
  if ((hit.type === "merger_acquisition" || hit.type === "leadership_change" || hit.type === "funding") && NEW_OWNER.test(matched)) {
    if (clauses.some((c, i) => i <= hit.clause && c.sentence <= clause.sentence && VENDOR_DEAL.test(c.lemmaText))) return "other";
  }
  if (hit.type === "funding" && INVESTOR_WORDS.test(matched) && BUY_VERB.test(around)) return "other";

  switch (hit.type) {
    case "outage":
      if (QUANTITY.test(matched)) return "other";
      if (PLANNED.test(around)) return "other";
      break;
    case "growth":
      if (PRICE_WORDS.test(around)) return "other";
      break;
    case "cost_pressure": {
      const moved = `${matched} ${after.split(" ").slice(0, 2).join(" ")}`;
      if (GROWTH_NOUNS.test(moved) && !PRICE_WORDS.test(around)) return "other";
      break;
    }
    case "leadership_change":
      // "the drawing tool is being retired": a product retires, not a leader.
      // ("the registrar who chose the current system retires" names the system inside a leader's clause).
      if (PRODUCT_OR_VENDOR.test(matched) && !/\b(?:head|chief|director|manager|lead|who)\b/.test(matched)) return "other";
      break;
    case "merger_acquisition":
    case "funding": {
      // The subject right before the deal ("our survey tool got acquired", "the vendor raised"):
      // the first noun met walking back over auxiliaries, adverbs and determiners.
      if (PRODUCT_OR_VENDOR.test(subjectBefore(tokens, hit.first))) return "other";
      break;
    }
    default:
      break;
  }

  // A disclaimer in another clause: what the rest of the answer tells happened to someone else,
  // unless the hit's own clause names the speaker.
  const disclaimed = disclaimers.some((d, i) => d && i !== hit.clause);
  if (disclaimed && !namesSpeaker(tokens)) return "other";
  return "fact";
}
