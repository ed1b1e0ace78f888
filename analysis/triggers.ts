/**
 * Buying triggers from free text, by rules: a phrase lexicon per trigger type, negation and
 * hypothetical scope within the clause, and timing from the nearest time expression or tense.
 * Rules, not a model: a marketer can read why a mention was found, and the result is the same
 * on every machine.
 */

export const TRIGGER_TYPES = [
  "security_incident",
  "outage",
  "compliance_deadline",
  "leadership_change",
  "contract_renewal",
  "growth",
  "funding",
  "merger_acquisition",
  "cost_pressure",
  "vendor_change",
] as const;

export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type Timing = "past" | "upcoming" | "unknown";

export interface TriggerMention {
  type: TriggerType;
  timing: Timing;
  /** The words of the answer that show the trigger, as written. */
  phrase: string;
}

const MONTH = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
const PERIOD = "(?:year|month|week|quarter|spring|summer|fall|autumn|winter|season|fiscal year|financial year|fy)";

/** Each lexicon entry is a regex source matched case-insensitively on word boundaries. */
const LEXICON: Record<TriggerType, string[]> = {
  security_incident: [
    "(?:data |security |cyber ?)?breach(?:es|ed)?",
    "(?:got |were |was |been )?hack(?:ed|ers?|ing)",
    "ransomware",
    "phishing(?: attacks?| emails?| campaign)?",
    "malware",
    "cyber ?-?attacks?",
    "security incidents?",
    "data leaks?|leaked (?:data|credentials|records|passwords)",
    "compromised (?:accounts?|credentials|systems?|servers?|passwords?|email)",
    "stolen (?:data|credentials|laptops?|passwords?|records)",
    "ddos(?: attacks?)?",
    "intrusions?",
  ],
  outage: [
    "outages?",
    "(?:unplanned |unexpected )?downtime",
    "(?:went|go|goes|going|was|were|is) down",
    "(?:system|server|site|network|platform|app|website|service|database|erp|crm)s? (?:crashed|crash(?:es)?|went offline|failed|failure|was offline|were offline)",
    "crashed",
    "service disruptions?|disruptions? of service",
    "system failures?",
    "power cuts?|blackouts?",
  ],
  compliance_deadline: [
    "(?:external |internal |security |compliance )?audits?|audited|auditors?",
    "soc ?2(?: type (?:i|ii|1|2))?",
    "iso ?27001",
    "gdpr",
    "hipaa",
    "pci(?:[- ]dss)?",
    "sox|sarbanes[- ]oxley",
    "ccpa",
    "nis ?2",
    "compliance (?:deadlines?|requirements?|reviews?|checks?|audits?|dates?)",
    "regulators?|regulatory (?:deadlines?|requirements?|changes?|reviews?|inspections?)",
    "(?:fined|fines?) by",
    "certification (?:deadlines?|audits?|renewals?)",
  ],
  leadership_change: [
    "new (?:ceo|cio|cto|ciso|cfo|coo|cmo|vp|vice president|head of \\w+|it director|director|boss|management|leadership|owner|executive team|board)",
    "(?:ceo|cio|cto|ciso|cfo|coo|cmo|founder|director) (?:left|resigned|retired|quit|joined|changed|stepped down|was replaced|was fired|is leaving|leaves)",
    "leadership changes?|changes? (?:in|of) (?:leadership|management)|management changes?",
    "(?:hired|appointed|brought in) (?:a )?(?:new )?(?:ceo|cio|cto|ciso|cfo|coo|vp)",
    "reorg(?:ani[sz]ation)?|restructur(?:e|ed|ing)",
  ],
  contract_renewal: [
    "(?:contract|licen[cs]e|subscription|agreement|term)s? (?:renewals?|renews?|renewed|is up|are up|expires?|expired|expiring|ends|ended|ending|runs out|ran out)",
    "(?:up|due) for renewal",
    "renewals? (?:date|is|comes|coming|deadline|period|time|season)",
    "renew(?:ing|s|ed)? (?:our |the |my )?(?:contract|licen[cs]e|subscription|agreement)s?",
    "end of (?:our|the|my) (?:contract|licen[cs]e|subscription|agreement)",
    "contract renewals?",
  ],
  growth: [
    "(?:open(?:ing|ed|s)?|launch(?:ing|ed)?|add(?:ing|ed)?) (?:a |two |three |several |our )?(?:new |second |third )?(?:sites?|offices?|locations?|stores?|branch(?:es)?|plants?|warehouses?|factor(?:y|ies)|clinics?|markets?)",
    "new (?:sites?|offices?|locations?|stores?|branch(?:es)?|plants?|warehouses?|markets?)",
    "expan(?:d|ded|ding|ds|sion)(?: into| to)?",
    "hiring(?: spree)?|hired \\d+|headcount (?:grew|growth|doubled)",
    "doubl(?:ed|ing) (?:in size|our (?:team|staff|headcount|customers|revenue))",
    "(?:rapid |fast |strong )?growth|growing (?:fast|quickly|rapidly)|grew (?:fast|quickly|rapidly|\\d+)",
    "scal(?:e|ed|ing) (?:up|out)|scaling",
  ],
  funding: [
    "rais(?:ed|ing|e) (?:a |our |an? )?(?:\\$?\\d[\\d.,]*\\s?(?:k|m|mn|million|bn|billion)?|seed|series [a-e]|round|funding|capital|money|investment)",
    "series [a-e](?: round| funding)?",
    "seed (?:round|funding)",
    "funding rounds?|investment rounds?",
    "(?:got|secured|closed|received|landed) (?:new |more |our )?(?:funding|investment|financing|capital)",
    "new investors?|venture capital|vc funding|private equity",
    "\\bipo\\b|went public|going public",
  ],
  merger_acquisition: [
    "(?:were |was |got |been |being )?acquired(?: by)?",
    "(?<!customer |user |client |talent |lead |data |land )acquisitions?(?! costs?)",
    "acquir(?:e|es|ing) (?:a |another |the |our )?(?:company|companies|competitor|business|firm|startup)",
    "mergers?|merg(?:ed|ing|e) with",
    "bought (?:out|by)|buy-?out|takeover|taken over",
  ],
  cost_pressure: [
    "budget (?:cuts?|freeze|reductions?|pressure|constraints?|squeeze|was slashed|slashed|is tight|got cut|was cut)",
    "cost[- ]cutting|cut(?:ting)? (?:costs?|spend(?:ing)?|budgets?)",
    "reduc(?:e|ing|ed) (?:our )?(?:costs?|spend(?:ing)?|expenses)",
    "too expensive|overpriced|can(?:no|')?t afford|cannot afford",
    "(?:price|pricing|cost|fee|licen[cs]e cost)s? (?:increases?|hikes?|went up|go up|going up|rose|rises?|rising|doubled|tripled|increased|jumped)",
    "(?:price|cost) (?:increase|hike)s?",
    "layoffs?|laid off|hiring freeze|spending freeze",
  ],
  vendor_change: [
    "end[- ]of[- ](?:life|support|sale)|\\beol\\b",
    "sunset(?:ting|ted|s)?",
    "discontinu(?:ed|ing|es)",
    "deprecat(?:ed|ing)",
    "no longer (?:supported|maintained|available|being developed|updated)",
    "switch(?:ing|ed)? (?:vendors?|providers?|suppliers?|tools?|platforms?|systems?|away|from|to)",
    "replac(?:e|ing|ed) (?:our |the |current |existing |old )?(?:tools?|vendors?|systems?|software|platforms?|providers?|solutions?|crm|erp)",
    "(?:vendor|provider|supplier)s? (?:went|is going|are going|was going|has gone) (?:out of business|bankrupt|bust|under)|out of business",
    "migrat(?:e|ed|ing|ion) (?:away )?(?:from|to|off)",
    "mov(?:e|ed|ing) (?:away )?(?:from|off) (?:our |the )?(?:current |old )?(?:vendor|provider|supplier|tool|platform|system)",
    "new (?:vendor|provider|supplier)",
    "chang(?:e|ed|ing) (?:vendors|providers|suppliers)",
  ],
};

const PATTERNS: { type: TriggerType; regex: RegExp }[] = TRIGGER_TYPES.map((type) => ({
  type,
  regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${LEXICON[type].join("|")})(?![\\p{L}\\p{N}])`, "giu"),
}));

const NEGATION = /(?<![\p{L}])(?:never|no|not|none|nor|neither|zero|without|hardly|barely|free of|\w+n['’]t|cannot|nothing like)(?![\p{L}])/giu;
/** Negation cues that do not negate what follows. */
const NOT_NEGATION = /^(?:no longer|not only|not just)$/i;
const HYPOTHETICAL = /(?<![\p{L}])(?:what if|if|in case of|in case|worried about|afraid of|fear of|scared of|to prevent|to avoid|prevent|avoid|risk of|in the event of|would|could|might)(?![\p{L}])/giu;
const NEGATION_WINDOW_WORDS = 6;

type Direction = "past" | "upcoming";
interface Cue {
  direction: Direction;
  /** 1 = explicit time expression, 2 = auxiliary or tense, 3 = weak hint (a month name, "due"). */
  tier: number;
  regex: RegExp;
}

const cue = (direction: Direction, tier: number, source: string): Cue => ({
  direction,
  tier,
  regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, "giu"),
});

const CUES: Cue[] = [
  cue("past", 1, `last ${PERIOD}|last time|yesterday|(?:\\d+|a|an|two|three|few|several|some) (?:days?|weeks?|months?|years?|quarters?) ago|ago|earlier this ${PERIOD}|previous ${PERIOD}|this past ${PERIOD}|recently|in the past|back in|already`),
  cue("upcoming", 1, `next ${PERIOD}|next ${MONTH}|tomorrow|upcoming|coming (?:up|soon)|this coming|soon|later this ${PERIOD}|in (?:the )?(?:next|coming) (?:few )?(?:days?|weeks?|months?|years?|quarters?)|in (?:\\d+|a|an|two|three|few|several) (?:days?|weeks?|months?|years?|quarters?)|by (?:the )?end of (?:the |this )?${PERIOD}|by ${MONTH}|by q[1-4]|before (?:the )?end of|end of (?:this|the) ${PERIOD}`),
  cue("upcoming", 2, "will|['’]ll|going to|gonna|plan(?:s|ning)? to|planned|planning|scheduled|about to|expect(?:s|ed|ing)? to|intend(?:s)? to|has to be done|must be done|is due|are due|due (?:in|by|on|next)|deadline"),
  cue("past", 2, "was|were|had|did|got|went|been|has been|have been|suffered|experienced|happened|left|took|lost|hit|rose|grew|bought|sold|became|came|began|broke|fell|paid|spent|won|(?<!(?:is|are|am|be|being|longer|['’]re|['’]s) )\\p{L}{3,}ed"),
  cue("upcoming", 3, `renews|renewal|expires|expiring|ends|ending|in ${MONTH}|in q[1-4]|q[1-4]|h[12]|due|are (?:\\p{L}+ing)|is (?:\\p{L}+ing)|['’]re (?:\\p{L}+ing)`),
];

/** -ed words that are usually adjectives, not past events ("we are concerned", "outdated tools"). */
const ADJECTIVE_ED = new Set(
  "concerned interested limited outdated automated dedicated based related required needed used supposed scheduled planned expected involved advanced detailed complicated frustrated tired worried annoyed overwhelmed excited qualified sophisticated unlimited integrated managed regulated distributed centralized centralised decentralized unexpected unplanned red need feed speed seed bed shed hundred shared biased skilled".split(" "),
);

const CLAUSE_BREAK = /[.!?;:\n\r]+|,\s*|\s+-\s+|\s+(?=(?:but|however|although|though|whereas|yet|so|because|while)\s)/giu;

interface Clause {
  text: string;
  start: number;
}

function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) {
    if (m.index > start) clauses.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
    if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
  }
  if (start < text.length) clauses.push({ text: text.slice(start), start });
  return clauses;
}

/** Upper bound on scanned characters per answer; 100 KB of text must not stall a batch. */
const MAX_SCAN_CHARS = 20_000;

export function detectTriggersInText(input: string): TriggerMention[] {
  if (typeof input !== "string" || input.length === 0) return [];
  const text = input.length > MAX_SCAN_CHARS ? input.slice(0, MAX_SCAN_CHARS) : input;
  const found = new Map<TriggerType, TriggerMention>();
  for (const clause of splitClauses(text)) {
    for (const { type, regex } of PATTERNS) {
      if (found.has(type)) continue;
      regex.lastIndex = 0;
      for (let m = regex.exec(clause.text); m !== null; m = regex.exec(clause.text)) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        if (isNegated(clause.text, m.index) || isHypothetical(clause.text, m.index)) continue;
        found.set(type, {
          type,
          timing: timingOf(clause.text, m.index, m.index + m[0].length),
          phrase: phraseAround(clause.text, m.index, m.index + m[0].length),
        });
        break;
      }
    }
  }
  return TRIGGER_TYPES.filter((type) => found.has(type)).map((type) => found.get(type)!);
}

export function detectTriggers(texts: readonly string[]): TriggerMention[][] {
  return texts.map((text) => detectTriggersInText(text));
}

function wordsBetween(text: string, from: number, to: number): number {
  const span = text.slice(from, to).trim();
  return span.length === 0 ? 0 : span.split(/\s+/).length;
}

function isNegated(clause: string, matchStart: number): boolean {
  NEGATION.lastIndex = 0;
  for (let m = NEGATION.exec(clause); m !== null && m.index < matchStart; m = NEGATION.exec(clause)) {
    const cueEnd = m.index + m[0].length;
    const following = clause.slice(m.index, cueEnd + 12).match(/^\S+\s+\S+/)?.[0] ?? "";
    if (NOT_NEGATION.test(following.replace(/[^\p{L}\s]/gu, ""))) continue;
    if (cueEnd <= matchStart && wordsBetween(clause, cueEnd, matchStart) <= NEGATION_WINDOW_WORDS) return true;
  }
  return false;
}

function isHypothetical(clause: string, matchStart: number): boolean {
  HYPOTHETICAL.lastIndex = 0;
  for (let m = HYPOTHETICAL.exec(clause); m !== null && m.index < matchStart; m = HYPOTHETICAL.exec(clause)) {
    if (wordsBetween(clause, m.index + m[0].length, matchStart) <= NEGATION_WINDOW_WORDS) return true;
  }
  return false;
}

/**
 * Strongest cue tier wins (an explicit "last year" beats a tense), and within a tier the cue
 * closest to the trigger words, so "acquired last year, renewal next month" times each right.
 */
function timingOf(clause: string, matchStart: number, matchEnd: number): Timing {
  let best: { tier: number; distance: number; direction: Direction } | null = null;
  for (const { direction, tier, regex } of CUES) {
    if (best !== null && tier > best.tier) break;
    regex.lastIndex = 0;
    for (let m = regex.exec(clause); m !== null; m = regex.exec(clause)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      if (direction === "past" && tier === 2 && /ed$/i.test(m[0]) && ADJECTIVE_ED.has(m[0].toLowerCase())) continue;
      const end = m.index + m[0].length;
      const distance = end <= matchStart ? matchStart - end : m.index >= matchEnd ? m.index - matchEnd : 0;
      if (best === null || tier < best.tier || (tier === best.tier && distance < best.distance)) {
        best = { tier, distance, direction };
      }
    }
  }
  return best?.direction ?? "unknown";
}

const CONTEXT_WORDS_BEFORE = 4;
const CONTEXT_WORDS_AFTER = 5;

/** The clause around the match, a few words either side, whitespace collapsed. */
function phraseAround(clause: string, matchStart: number, matchEnd: number): string {
  const before = clause.slice(0, matchStart).trim().split(/\s+/).filter(Boolean).slice(-CONTEXT_WORDS_BEFORE);
  const after = clause.slice(matchEnd).trim().split(/\s+/).filter(Boolean).slice(0, CONTEXT_WORDS_AFTER);
  const joinAfter = /^\s/.test(clause.slice(matchEnd)) ? " " : "";
  const joinBefore = /\s$/.test(clause.slice(0, matchStart)) ? " " : "";
  return `${before.join(" ")}${before.length ? joinBefore : ""}${clause.slice(matchStart, matchEnd)}${after.length ? joinAfter : ""}${after.join(" ")}`
    .replace(/\s+/g, " ")
    .trim();
}
