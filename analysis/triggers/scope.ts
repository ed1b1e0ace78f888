/**
 * Is a mention a fact about the speaker's own organisation? Four scopes that make it not a
 * trigger, judged on the tokens before the mention inside its clause (and the clause's sentence
 * opener for conditionals): negated ("no incidents so far"), hypothetical or feared ("should the
 * inspectors ever turn up", "worried about ransomware"), someone else's ("our neighbour's plant
 * flooded"), and wishes ("faster reports would be great", "we'd love to grow").
 */
import type { Clause, Token } from "./parse.js";

export type Scope = "fact" | "negated" | "hypothetical" | "other" | "wish";

const NEGATION = new Set([
  "not",
  "no",
  "never",
  "none",
  "nobody",
  "nothing",
  "without",
  "zero",
  "neither",
  "nor",
  "hardly",
  "barely",
  "nope",
  "nah",
  "lack",
]);
/** Negation words that do not negate what follows ("no longer supported" is the event itself). */
const NOT_NEGATING_NEXT = new Set(["longer", "only", "just", "matter", "doubt", "question", "sooner", "end", "less", "more"]);
const NEGATION_WINDOW = 6;

const HYPOTHETICAL = new Set([
  "if",
  "hate",
  "unless",
  "whether",
  "ever",
  "worry",
  "worried",
  "afraid",
  "fear",
  "scare",
  "scared",
  "terrify",
  "terrified",
  "nervous",
  "anxious",
  "paranoid",
  "dread",
  "nightmare",
  "concern",
  "concerned",
  "risk",
  "prevent",
  "avoid",
  "protect",
  "guard",
  "hypothetically",
  "hypothetical",
  "imagine",
  "suppose",
  "potential",
  "potentially",
  "possible",
  "possibly",
  "someday",
  "eventually",
  "forbid",
  "threat",
  "vulnerable",
  "exposed",
  "susceptible",
  "prepare",
  "preparedness",
  "contingency",
  "mitigate",
  "hedge",
]);
const HYPOTHETICAL_PHRASES = [
  /\bin case\b/,
  /\bwhat if\b/,
  /\bin the event\b/,
  /\bone day\b/,
  /\bsooner or later\b/,
  /\bat some point\b/,
  /\bjust a matter of time\b/,
  /\bonly a matter of time\b/,
  /\bkeep me up\b/,
  /\bkeep (?:me|us) awake\b/,
  /\bfingers cross\b/,
  /\bknock on wood\b/,
  /\btouch wood\b/,
  /\bgod forbid\b/,
  /\bheaven forbid\b/,
  /\bworst case\b/,
  /\bwould be (?:a |the )?(?:disaster|catastroph|end|nightmare)/,
  /\bmatter of when\b/,
  /\btalk of\b/,
  /\bthink(?:ing)? about\b/,
  /\bconsider(?:ing)?\b/,
  /\bexplor(?:e|ing)\b/,
  /\bmaybe\b/,
  /\bperhaps\b/,
];
/** Fear and dread make an event feared, wherever they stand in its clause. */
const FEAR = new Set([
  "dread",
  "fear",
  "afraid",
  "scare",
  "scared",
  "terrify",
  "terrified",
  "nightmare",
  "paranoid",
  "hate",
  "worry",
  "worried",
  "nervous",
]);
/** Wish words that make what follows them the speaker's hope, not an event. */
const WISH = new Set(["hope", "wish", "dream", "ideally"]);
/** Wishes are the speaker's own: "we want to grow" is a wish, "the CFO wants to cut costs" an event. */
const WISH_PHRASES = [
  /\bwould (?:be )?(?:love|like|great|nice|amazing|awesome|good|helpful|cool|ideal)\b/,
  /\bd (?:love|like)\b/,
  /\b(?:we|i) (?:\S+ )?(?:want to|wanna|aim to|hope to|would like to)\b/,
  /\bwish we\b/,
  /\bif only\b/,
  /\bit would be\b/,
];
const THIRD_PARTY = new Set([
  "competitor",
  "rival",
  "neighbour",
  "neighbor",
  "peer",
  "friend",
  "colleague",
  "acquaintance",
  "cousin",
  "brother",
  "sister",
  "uncle",
  "industry",
  "news",
  "headline",
  "article",
  "everyone",
  "everybody",
  "somebody",
  "someone",
  "many",
  "lot",
  "other",
  "another",
  "elsewhere",
  "customer",
  "client",
  "counterpart",
]);
/** The speaker's own words (context.ts reads them too). */
export const OWN = new Set(["we", "us", "our", "ours", "i", "my", "me", "mine"]);
/** Organisations that, named with an article and no "our", are someone else ("a firm down the road"). */
const ORG_NOUNS = new Set([
  "subsidiary",
  "portfolio",
  "sister",
  "company",
  "firm",
  "business",
  "hospital",
  "clinic",
  "practice",
  "bank",
  "school",
  "district",
  "council",
  "carrier",
  "retailer",
  "store",
  "shop",
  "chain",
  "manufacturer",
  "plant",
  "factory",
  "supplier",
  "vendor",
  "agency",
  "startup",
  "insurer",
  "trust",
  "university",
  "college",
  "operator",
  "provider",
  "player",
  "brand",
  "restaurant",
  "hotel",
  "group",
  "org",
  "organisation",
  "organization",
  "credit union",
  "lab",
  "pharmacy",
  "dealer",
  "distributor",
  "logistics",
  "warehouse",
]);
/** Hearsay: "heard a dental practice got hacked", "read that ...", "saw on LinkedIn". */
const HEARSAY = new Set(["hear", "heard", "read", "saw", "see", "rumour", "rumor", "apparently", "news"]);
/** Whose event a vendor's acquisition or funding is: the vendor's, so not our merger or our round. */
const VENDOR_NOUNS = new Set([
  "vendor",
  "provider",
  "supplier",
  "partner",
  "client",
  "customer",
  "competitor",
  "rival",
  "maker",
  "developer",
  "reseller",
  "msp",
]);

/** Words of defence ("guard against", "protect") make a hypothetical only as verbs: "a guard's tablet got nicked" is an event. */
const HYPOTHETICAL_ONLY_AS_VERB = new Set(["guard", "protect", "prevent", "avoid", "prepare", "hedge", "mitigate"]);

function isHypotheticalWord(t: Token): boolean {
  if (!HYPOTHETICAL.has(t.lemma) && !HYPOTHETICAL.has(t.lower)) return false;
  return !HYPOTHETICAL_ONLY_AS_VERB.has(t.lemma) || t.pos === "VERB";
}

export function scopeAt(clause: Clause, tokenIndex: number, sentenceOpener: string, type?: string): Scope {
  const tokens = clause.tokens;
  // A word in quotes, or named as a term, is talked about, not reported: "the 'breach' of SLA".
  if (tokens[tokenIndex]?.quoted) return "other";
  if (/\b(?:the (?:term|word|phrase)|we call|we use the|so-called|so called)\b/.test(clause.surfaceText)) return "other";
  const before = tokens.slice(0, tokenIndex);
  const lemmaBefore = before.map((t) => t.lemma).join(" ");
  // Negation: a cue within six words before the mention.
  for (let i = Math.max(0, tokenIndex - NEGATION_WINDOW); i < tokenIndex; i++) {
    const lemma = tokens[i].lemma;
    if (!NEGATION.has(lemma) && lemma !== "free") continue;
    if (lemma === "free" && tokens[i + 1]?.lemma !== "of") continue;
    if (NOT_NEGATING_NEXT.has(tokens[i + 1]?.lemma ?? "")) continue;
    return "negated";
  }
  const opener = `${sentenceOpener} ${lemmaBefore}`;
  const after = tokens.slice(tokenIndex);
  // "A hack is the thing I dread most": a fear named after the event still makes it feared.
  if (after.some((t) => FEAR.has(t.lemma))) return "hypothetical";
  // "Should we lose the account, ...", "Had we known, ...": an inverted conditional opens the sentence.
  if (/^(?:should|were|had) (?:we|i|they|it|the|our|you|he|she)\b/.test(sentenceOpener)) return "hypothetical";
  // "The ISO cert isn't due", "the core system hasn't gone down": a negated verb right after.
  for (let i = tokenIndex + 1; i < Math.min(tokens.length, tokenIndex + 6); i++) {
    if (tokens[i].lemma === "not" || tokens[i].lemma === "never") {
      if (NOT_NEGATING_NEXT.has(tokens[i + 1]?.lemma ?? "")) break;
      const between = tokens.slice(tokenIndex + 1, i);
      if (
        between.every(
          (t) =>
            t.pos === "AUX" ||
            t.pos === "NOUN" ||
            t.pos === "PROPN" ||
            t.pos === "ADJ" ||
            t.pos === "DET" ||
            t.pos === "ADP" ||
            t.pos === "PART",
        )
      )
        return "negated";
    }
  }
  if (after.slice(1, 8).some((t) => t.lemma === "would" || t.lemma === "might" || t.lower === "could")) return "hypothetical";
  if (before.some(isHypotheticalWord) || HYPOTHETICAL_PHRASES.some((r) => r.test(opener))) return "hypothetical";
  if (tokens[0] && (tokens[0].lemma === "should" || tokens[0].lemma === "were") && tokenIndex > 0 && tokens[1]?.pos !== "VERB")
    return "hypothetical";
  if (WISH_PHRASES.some((r) => r.test(lemmaBefore)) || before.some((t) => WISH.has(t.lemma))) return "wish";
  // Someone else's event: a third-party noun before the mention with no "we/our" after it.
  if (before.some((t) => HEARSAY.has(t.lemma) || HEARSAY.has(t.lower)) || /^(?:hear|heard|read|saw|apparently)\b/.test(sentenceOpener))
    return "other";
  if (type === "merger_acquisition" || type === "funding" || type === "leadership_change") {
    if (before.some((t) => VENDOR_NOUNS.has(t.lemma))) return "other";
  }
  // "a dental practice in our area", "another hospital", "the firm down the road": indefinite or
  // located elsewhere. "The trust", "the firm" alone are usually the speaker's own organisation.
  if (type !== "growth") {
    for (let i = 0; i < tokenIndex; i++) {
      if (!ORG_NOUNS.has(tokens[i].lemma)) continue;
      const prev = tokens[i - 1]?.lemma ?? "";
      const prev2 = tokens[i - 2]?.lemma ?? "";
      // "our sister practice", "a partner charity": another organisation, "our" or not.
      if (/^(?:sister|partner|neighbouring|neighboring|affiliate)$/.test(prev) && type !== "merger_acquisition") return "other";
      if (OWN.has(prev) || OWN.has(prev2)) continue;
      const vendorish = tokens[i].lemma === "supplier" || tokens[i].lemma === "vendor" || tokens[i].lemma === "provider";
      if (vendorish && (type === "vendor_change" || type === "outage" || type === "cost_pressure" || type === "contract_renewal")) continue;
      const indefinite =
        /^(?:a|an|another|some|several|many|other)$/.test(prev) ||
        (/^(?:a|an|another)$/.test(prev2) && !/^(?:new|second|third|own)$/.test(prev));
      const elsewhere =
        /\b(?:across town|down the road|up the road|next door|nearby|in (?:our|the) area|in town|across the street|across the road|over the road|in the next town|neighbouring|neighboring|around the corner)\b/.test(
          lemmaBefore,
        );
      if (indefinite || elsewhere) return "other";
    }
  }
  // "the retailer we sell through opened 30 stores", "a haulier we sub to got taken over".
  for (let i = 0; i + 2 < tokenIndex; i++) {
    if (
      (tokens[i].pos === "NOUN" || tokens[i].pos === "PROPN") &&
      !OWN.has(tokens[i - 1]?.lemma ?? "") &&
      tokens[i + 1].lemma === "we" &&
      tokens[i + 2].pos === "VERB"
    )
      return "other";
  }
  if (/^one of (?:our|the) (?:client|customer|partner|peer|competitor|neighbour|neighbor)/.test(lemmaBefore)) return "other";
  for (let i = tokenIndex - 1; i >= 0; i--) {
    const lemma = tokens[i].lemma;
    // "a competitor of ours": the possessive after "of" names whose competitor, not whose event.
    if (OWN.has(lemma) && tokens[i - 1]?.lemma === "of") continue;
    if (OWN.has(lemma) && !(tokens[i + 1] && THIRD_PARTY.has(tokens[i + 1].lemma))) break;
    if (THIRD_PARTY.has(lemma)) {
      // "another site", "other plants" of our own are growth, not someone else's.
      if (
        (lemma === "another" || lemma === "other") &&
        !/^(?:company|companies|firm|business|hospital|bank|school|practice|org|organisation|organization|retailer|manufacturer|agency|team|customer|client|council|trust)$/.test(
          tokens[i + 1]?.lemma ?? "",
        )
      )
        continue;
      if (
        (lemma === "lot" || lemma === "many") &&
        !/^(?:company|firm|business|hospital|bank|school|practice|org|organisation|organization|retailer|peer|people|of)$/.test(
          tokens[i + 1]?.lemma ?? "",
        )
      )
        continue;
      // "someone phished our clerk": for a security incident the someone is the attacker.
      if ((lemma === "someone" || lemma === "somebody") && type === "security_incident") continue;
      if ((lemma === "someone" || lemma === "somebody") && i < tokenIndex - 1 && !/^(?:at|in|from)$/.test(tokens[i + 1]?.lemma ?? ""))
        continue;
      return "other";
    }
  }
  return "fact";
}

/** The whole clause's scope, for word features: the first non-fact scope of any position. */
export function clauseScope(clause: Clause, sentenceOpener: string): Scope {
  return scopeAt(clause, clause.tokens.length, sentenceOpener);
}

/** Weak modal hint ("would", "could", "might") kept as a feature for the model, not a rule. */
export function hasModal(clause: Clause, tokenIndex: number): boolean {
  return clause.tokens
    .slice(0, tokenIndex)
    .some((t) => t.lemma === "would" || t.lemma === "could" || t.lemma === "might" || t.lower === "d");
}
