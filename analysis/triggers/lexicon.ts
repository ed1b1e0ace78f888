/**
 * Concept lexicons for the ten trigger types, written over LEMMAS, not surface strings: a clause
 * is matched as the space-joined lemmas of its words (wink-nlp's lemmatiser: "fell" -> "fall",
 * "got" -> "get", "renews" -> "renew", "didn't" -> "do not"), so one pattern covers every tense
 * and number. Word classes (SYSTEM, EXEC, ...) are shared so a new synonym is added once.
 *
 * A lexicon hit is evidence, not a verdict: the learned model (model.ts) weighs hits with the
 * clause's scope (negated, hypothetical, someone else's) and the rest of the answer's words.
 */
import type { TriggerType } from "./types.js";

const alt = (...words: string[]) => `(?:${words.join("|")})`;
/** Up to n arbitrary lemmas in between ("the ERP [basically] fall over"). */
const gap = (n: number) => `(?:\\S+ ){0,${n}}`;

const SYSTEM = alt(
  "system", "server", "network", "site", "website", "web site", "web", "app", "application", "platform", "portal",
  "erp", "crm", "database", "db", "cloud", "aws", "azure", "gcp", "email", "e-mail", "mail", "exchange", "outlook",
  "phone", "telephony", "phone system", "pbx", "voip", "pos", "till", "checkout", "payment", "payment system", "scanner",
  "wms", "tms", "mes", "scada", "plc", "machine", "line", "production line", "conveyor", "emr", "ehr", "epic", "cerner",
  "sap", "salesforce", "oracle", "netsuite", "wifi", "wi-fi", "internet", "connectivity", "broadband", "vpn", "service",
  "software", "tool", "sso", "okta", "login", "api", "integration", "it", "infrastructure", "datacenter", "data center",
  "data centre", "storage", "backup", "printer", "label printer", "terminal", "booking system", "portal", "host", "hosting",
  "provider", "router", "firewall", "switch", "the cloud", "shopify", "stripe", "zendesk", "jira", "slack", "teams", "zoom",
  "everything", "computer", "pc", "laptop", "screen", "power", "electricity", "generator", "grid", "feed", "integration",
);
const STOPPAGE_PLACE = alt("plant", "factory", "line", "production", "warehouse", "store", "shop", "clinic", "hospital", "ward", "site", "office", "operation", "branch", "restaurant", "kitchen", "depot", "dc", "fleet", "floor", "shift", "pharmacy", "lab", "call center", "call centre", "everyone", "we", "staff", "team");
const EXEC = alt(
  "ceo", "cio", "cto", "ciso", "cfo", "coo", "cmo", "cro", "cpo", "chro", "cdo", "vp", "svp", "evp", "vice president",
  "president", "chair", "chairman", "chairwoman", "md", "managing director", "gm", "general manager", "director", "head",
  "head of \\S+", "boss", "manager", "exec", "executive", "leadership", "management", "leader", "owner", "founder",
  "co-founder", "partner", "principal", "dean", "provost", "superintendent", "administrator", "chief \\S+(?: officer)?",
  "it director", "it lead", "lead", "sponsor", "champion", "sheriff", "board", "supervisor", "commissioner", "mayor",
  "council leader", "medical director", "practice manager", "cmio", "cno", "guy", "person", "lady", "woman", "man",
);
const CONTRACT = alt("contract", "licence", "license", "subscription", "agreement", "term", "deal", "lease", "sla", "plan", "seat", "commitment", "support contract", "maintenance", "renewal", "msa", "enterprise agreement", "po");
const PREMISES = alt("site", "office", "location", "store", "shop", "branch", "plant", "warehouse", "factory", "clinic", "practice", "hospital", "hub", "depot", "dc", "distribution center", "distribution centre", "fulfilment center", "fulfillment center", "restaurant", "hotel", "property", "campus", "school", "facility", "lab", "center", "centre", "market", "country", "region", "territory", "state", "city", "line", "shift", "outlet", "franchise", "kitchen", "unit", "ward", "bed", "route", "lane", "team", "department", "division", "product line");
const AMOUNT = "(?:\\$|€|£)?\\d[\\d.,]*(?:\\s?(?:k|m|mm|mn|million|bn|billion))?";
const VENDOR = alt("vendor", "provider", "supplier", "partner", "tool", "product", "platform", "software", "system", "solution", "app", "service", "they", "it", "\\S+");
const PRICE = alt("price", "pricing", "cost", "fee", "rate", "premium", "bill", "quote", "invoice", "licence cost", "license cost", "subscription", "renewal", "tariff", "spend", "expense");

export const LEXICON: Record<TriggerType, string[]> = {
  security_incident: [
    alt("breach", "data breach", "security breach", "cyber breach"),
    alt("hack", "hacker", "hacking"),
    alt("ransomware", "ransom", "malware", "virus", "trojan", "worm", "spyware", "keylogger", "cryptolocker", "infostealer", "botnet"),
    alt("phish", "phishing", "spear-phishing", "spearphishing", "smishing", "vishing", "spoof", "spoofing", "whaling"),
    "(?:bec|business email compromise|invoice fraud|payment fraud|wire fraud|ceo fraud|fraudulent (?:invoice|payment|transfer)|fake invoice)",
    alt("intrusion", "intruder", "attacker", "threat actor", "cyber-?attack", "cyber attack", "cyberattack", "cyber incident", "security incident", "ddos", "dos attack", "zero-day", "zero day"),
    `${alt("account", "email", "mailbox", "inbox", "credential", "password", "login", "laptop", "server", "system", "network", "device", "we", "us", "domain", "vendor", "tenant", "m365", "o365")} ${gap(2)}(?:be |get )?compromise`,
    "compromise (?:account|credential|mailbox|email|laptop|server|system|password)",
    `${alt("data", "record", "credential", "password", "file", "information", "detail", "patient data", "customer data", "card data", "phi", "pii")} ${gap(2)}(?:be |get )?${alt("leak", "expose", "steal", "exfiltrate", "dump", "sell", "publish", "post online", "encrypt")}`,
    `${alt("leak", "steal", "exfiltrate", "expose", "encrypt", "lock")} ${gap(3)}${alt("data", "record", "credential", "password", "file", "laptop", "information", "detail", "server", "system", "device")}`,
    alt("data leak", "leak", "exposure", "data exposure", "unauthori[sz]ed access", "account takeover", "credential stuffing", "social engineering", "impersonat\\S*"),
    `(?:get|be) ${alt("pop", "pwn", "own", "hit", "target", "attack", "infect", "breach", "phish", "scam", "defraud", "lock out", "encrypt")} ${gap(3)}${alt("by", "with")} ${gap(2)}${alt("ransomware", "hacker", "attacker", "phishing", "malware", "scammer", "criminal", "attack", "virus", "bot", "fraudster")}`,
    `(?:get|be) ${alt("pop", "pwn", "hack", "breach", "phish", "infect")}`,
    `${alt("someone", "somebody", "attacker", "hacker", "criminal", "intruder", "scammer", "fraudster", "they", "bad actor")} ${gap(2)}${alt("get into", "break into", "get in", "break in", "gain access", "access", "sit in", "sit inside", "be in", "lurk")}`,
    "lurk\\S*",
    `${alt("stolen", "steal", "lose")} ${gap(2)}${alt("laptop", "device", "phone", "usb", "hard drive", "credential", "password", "data", "record")}`,
    `(?:security|cyber|it) ${alt("incident", "event", "scare", "attack")}`,
    "(?:penetration|pen) test (?:find|finding)",
    "vulnerability (?:be )?exploit",
    `${alt("insurer", "insurance")} ${gap(3)}claim`,
  ],
  outage: [
    alt("outage", "downtime", "blackout", "brownout", "power cut", "power failure", "power outage", "service disruption", "meltdown", "melt down", "p1", "sev1", "sev 1", "major incident"),
    `${SYSTEM} ${gap(3)}${alt("go down", "be down", "come down", "stay down", "fall over", "fall down", "crash", "die", "fail", "fail over", "go dark", "go offline", "be offline", "go out", "be out", "stop work", "stop", "freeze", "hang", "lock up", "blow up", "break", "be unavailable", "be unreachable", "go belly up", "keel over", "shit the bed", "tank", "implode", "choke", "glitch", "fall apart", "give up", "croak", "cut out", "drop", "time out", "be unusable", "go haywire", "go kaput")}`,
    `${alt("crash", "crashes", "fall over", "go dark", "go offline", "be offline", "go down for", "be down for", "down for", "offline for", "dead for", "failure", "fail")}`,
    `${STOPPAGE_PLACE} ${gap(3)}${alt("stand still", "stand idle", "sit idle", "grind to a halt", "come to a halt", "come to a standstill", "halt", "shut down", "stop", "go dark", "lose power", "be idle", "be dead in the water", "be at a standstill", "be paralys\\S*", "be paralyz\\S*", "lose connectivity", "can not work", "can not do anything", "go manual", "go back to paper", "revert to paper")}`,
    alt("standstill", "stand still", "grind to a halt", "dead in the water", "back to paper", "pen and paper", "manual workaround", "lose a day of production", "lost production", "unplanned stop", "line stop", "line stoppage", "stoppage"),
    `(?:knock|take|bring|wipe) ${gap(2)}(?:out|offline|down)`,
    `lose ${alt("power", "connectivity", "internet", "access", "the network", "network", "service", "email", "phone", "data")}`,
    `${alt("outage", "downtime", "incident", "crash")} ${gap(2)}(?:cost|last|hit|take)`,
    "(?:hour|day|minute)s? (?:of )?(?:downtime|outage|offline|down)",
  ],
  compliance_deadline: [
    alt("audit", "auditor", "audited", "re-audit", "reaudit", "surveillance audit", "inspection", "inspector", "inspect", "examiner", "examination", "regulator", "regulatory", "regulation", "compliance", "non-compliance", "noncompliance", "compliant", "non-compliant", "certification", "certify", "recertification", "recertify", "accreditation", "accredit", "attestation", "conformity"),
    alt("soc ?2", "soc ?1", "soc-2", "iso ?27001", "iso ?9001", "iso ?13485", "iso ?14001", "iso", "hipaa", "hitech", "hitrust", "pci", "pci-dss", "pci dss", "gdpr", "ccpa", "cpra", "sox", "sarbanes-oxley", "dora", "nis ?2", "nis2", "fda", "cmmc", "fedramp", "cjis", "ferpa", "glba", "ffiec", "finra", "sec", "fca", "pra", "ftc", "osha", "epa", "cqc", "ofsted", "mhra", "ema", "gmp", "gxp", "21 cfr", "part 11", "csrd", "esg", "ai act", "eu ai act", "accessibility act", "eaa", "wcag", "ada", "nist", "nist 800-171", "cyber essentials", "dsp toolkit", "nhs dsp", "hds", "lgpd", "pipeda", "appi", "popia", "tisax", "iatf", "brc", "haccp", "fsma", "sqf", "cms", "joint commission", "jcaho", "cap", "clia", "dea", "ocr", "bafin", "apra", "mas", "ofac", "aml", "kyc", "basel", "solvency", "ifrs", "gaap", "dpa", "ico", "cnil", "dsgvo", "e-invoicing", "einvoicing", "mtd", "making tax digital"),
    `${alt("new", "upcoming", "the")} ${gap(1)}${alt("law", "act", "rule", "directive", "mandate", "requirement", "regime", "standard", "legislation", "ordinance", "statute")}`,
    `${alt("law", "act", "rule", "directive", "mandate", "regulation", "legislation", "requirement", "standard")} ${gap(3)}${alt("apply", "take effect", "come into force", "come into effect", "kick in", "go live", "start", "be enforce", "become mandatory", "be mandatory", "become effective")}`,
    alt("data residency", "data-residency", "data sovereignty", "residency requirement", "reporting requirement", "reporting deadline", "filing deadline", "regulatory deadline", "compliance deadline", "compliance date", "mandatory reporting", "attest"),
    `${alt("fine", "penalty", "sanction", "warning letter", "consent order", "enforcement action", "corrective action", "capa", "finding", "non-conformance", "nonconformance", "nonconformity", "non-conformity", "observation", "citation", "violation", "deficiency", "remediation plan", "matter requiring attention", "mra")}`,
    `(?:get|be) ${alt("fine", "cite", "penalize", "penalise", "flag", "write up", "ding")}`,
    `${alt("customer", "client", "insurer", "cyber insurer", "insurance", "bank", "payer", "government", "state", "ministry", "board", "parent company", "nhs", "trust", "buyer", "enterprise customer")} ${gap(3)}${alt("require", "demand", "mandate", "insist", "ask for")} ${gap(3)}${alt("soc ?2", "iso", "certification", "audit", "attestation", "compliance", "mfa", "questionnaire", "evidence", "report", "proof", "pen test", "policy", "sso")}`,
    "security questionnaire",
  ],
  leadership_change: [
    `new ${gap(1)}${EXEC}`,
    `${EXEC} ${gap(6)}${alt("leave", "resign", "retire", "quit", "depart", "step down", "step aside", "move on", "be fire", "be sack", "be let go", "get fire", "get sack", "get push out", "be push out", "be replace", "be oust", "be remove", "exit", "walk", "join", "start", "arrive", "come in", "come on board", "come aboard", "take over", "take the helm", "take the reins", "be appoint", "be hire", "be promote", "be name", "be bring in", "hand over", "pass away")}`,
    `${alt("hire", "appoint", "bring in", "bring on", "promote", "name", "recruit", "onboard", "poach", "replace", "lose", "fire", "sack", "oust")} ${gap(2)}${alt("a new", "new", "our", "a", "an", "the", "my", "as")} ${gap(1)}${EXEC}`,
    alt("reorg", "re-org", "reorganisation", "reorganization", "reorganise", "reorganize", "restructure", "restructuring", "shake-up", "shakeup", "shake up", "leadership change", "leadership transition", "management change", "change of leadership", "change of management", "change in leadership", "change in management", "change of guard", "changing of the guard", "new regime", "new leadership", "new management", "succession", "interim", "acting"),
    `(?:since|after|when) ${gap(2)}${EXEC} ${gap(2)}${alt("leave", "go", "retire", "arrive", "join", "start", "take over")}`,
    `${alt("step", "move", "promote", "take")} ${gap(1)}(?:into|up to|over as) ${gap(2)}${alt("role", "seat", "job", "position", EXEC)}`,
    "(?:sit|sat) in the (?:big|corner) (?:chair|office)",
    `${alt("predecessor", "successor", "replacement", "incoming", "outgoing", "departing", "departure", "arrival", "exit", "turnover")}`,
  ],
  contract_renewal: [
    `${CONTRACT} ${gap(3)}${alt("renew", "renewal", "expire", "expiry", "expiration", "end", "run out", "lapse", "be up", "come up", "finish", "terminate", "termination", "roll over", "rollover", "auto-renew", "autorenew", "run until", "run through", "run to", "close out", "wind down", "conclude", "be due", "come due", "go up for renewal", "be ending")}`,
    alt("renewal", "renew", "re-up", "re-sign", "resign with", "up for renewal", "due for renewal", "renewal date", "renewal window", "renewal notice", "notice period", "give notice", "serve notice", "opt-out window", "exit clause", "break clause", "termination notice", "termination date", "true-up", "true up", "co-term", "coterm", "re-tender", "retender", "re-procure", "reprocure", "reprocurement", "re-procurement", "rebid", "re-bid", "expiry", "expiration", "cancellation window", "cancel before", "lock-in", "locked in until", "tie in", "tied in", "minimum term"),
    `${alt("tender", "rfp", "rfq", "rfi", "procurement", "bid", "contract review", "vendor review", "vendor evaluation", "procurement exercise", "procurement cycle", "framework")} ${gap(3)}${alt("open", "start", "due", "launch", "go out", "come up", "begin", "run", "be issue", "issue", "close", "because", "for")}`,
    `end of ${gap(1)}${alt("contract", "term", "agreement", "licence", "license", "subscription", "lease", "commitment", "deal")}`,
    `${alt("contract", "term", "agreement", "licence", "license", "subscription", "deal")} ${gap(1)}(?:be |is )?up`,
  ],
  growth: [
    alt("expand", "expansion", "growth", "hypergrowth", "scale-up", "scaleup", "boom", "booming", "surge", "influx", "ramp up", "ramp-up", "double", "triple", "quadruple", "tenfold", "2x", "3x", "4x", "10x", "headcount", "hiring spree", "hire spree", "hire like crazy", "hiring like crazy", "go from \\d+ to \\d+", "from \\d+ to \\d+"),
    `${alt("open", "launch", "add", "build", "acquire", "take on", "bring online", "stand up", "roll out to", "go live in", "enter", "move into", "break into", "set up", "start", "establish")} ${gap(3)}${alt("new", "second", "third", "fourth", "another", "more", "\\d+", "two", "three", "four", "five", "six", "ten", "several", "a few", "a dozen", "extra")} ${gap(2)}${PREMISES}`,
    `${alt("new", "second", "third", "another", "extra", "additional")} ${PREMISES}`,
    `${alt("enter", "launch in", "launch into", "expand into", "expand to", "move into", "break into", "go into", "roll out in", "go international", "go national", "go global")}`,
    `${alt("grow", "scale", "ramp", "balloon", "explode", "skyrocket", "jump", "climb", "increase", "rise", "spike", "shoot up", "go up")} ${gap(4)}${alt("\\d+ ?%", "\\d+ percent", "fast", "quickly", "rapidly", "a lot", "massively", "hugely", "like crazy", "by \\d+", "from \\d+", "year over year", "yoy", "month over month", "mom", "exponentially", "dramatically", "significantly", "overnight")}`,
    `${alt("team", "staff", "headcount", "fleet", "volume", "order", "customer", "customer base", "user", "client", "patient", "member", "student", "shipment", "transaction", "ticket", "revenue", "sale", "business", "company", "we", "traffic", "demand", "workload", "caseload", "sku", "store count", "employee", "driver", "truck", "vehicle", "bed", "enrolment", "enrollment", "footprint", "subscriber", "arr", "mrr", "gmv")} ${gap(3)}${alt("grow", "double", "triple", "quadruple", "explode", "balloon", "skyrocket", "surge", "jump", "boom", "shoot up", "take off", "increase", "rise", "expand", "go through the roof")}`,
    `${alt("hire", "hiring", "onboard", "recruit", "add", "bring on")} ${gap(2)}${alt("\\d+", "dozens of", "hundreds of", "a lot of", "loads of", "tons of", "many", "lots of", "a bunch of", "another", "more", "new")} ${gap(2)}${alt("people", "staff", "engineer", "rep", "agent", "nurse", "driver", "employee", "hire", "worker", "developer", "person", "seat", "user", "head", "fte", "technician", "clinician", "teacher", "associate")}`,
    `${alt("win", "land", "sign", "close", "onboard", "secure")} ${gap(3)}${alt("big", "biggest", "huge", "large", "largest", "major", "new", "national", "enterprise", "key", "massive", "\\d+")} ${gap(2)}${alt("customer", "client", "contract", "account", "deal", "tender", "retailer", "partner", "logo", "order")}`,
    `(?:open|opening) ${gap(2)}${alt("door", "location", "store", "site", "office", "clinic", "branch", "warehouse", "plant", "restaurant", "hotel")}`,
  ],
  funding: [
    `${alt("raise", "close", "secure", "land", "get", "receive", "win", "bag", "announce", "complete")} ${gap(3)}${alt("seed", "pre-seed", "series [a-f]", "round", "funding", "fund", "capital", "money", "investment", "financing", "grant", "\\$\\S+", "€\\S+", "£\\S+", AMOUNT + " (?:round|raise|in funding|of funding|investment)", "injection", "award", "bridge", "venture debt", "backing", "cash")}`,
    alt("series [a-f]", "seed round", "pre-seed", "preseed", "funding round", "investment round", "fundraise", "fundraising", "fund-raising", "raise", "capital raise", "venture capital", "vc", "vcs", "investor", "angel", "angel investor", "private equity", "pe firm", "pe-backed", "pe backed", "growth equity", "ipo", "go public", "spac", "listing", "list on", "capital injection", "cash injection", "new money", "fresh capital", "funded", "backed by", "grant", "endowment", "bond", "stimulus", "arpa", "federal funding", "state funding", "eu funding", "capex approval", "capex approve"),
    `${alt("grant", "funding", "investment", "money", "round")} ${gap(3)}${alt("come through", "land", "close", "clear", "arrive", "approve", "award", "release", "hit the bank")}`,
    `(?:get|be) ${alt("fund", "funded", "award", "back", "invest in")}`,
  ],
  merger_acquisition: [
    alt("acquisition", "acquire", "merger", "merge", "takeover", "take over", "buyout", "buy-out", "buy out", "roll-up", "rollup", "amalgamation", "amalgamate", "consolidation", "carve-out", "carveout", "spin-off", "spinoff", "spin off", "divestiture", "divest", "integration of", "post-merger", "post-acquisition", "due diligence", "m&a", "tuck-in", "bolt-on"),
    `(?:be|get) ${alt("buy", "bought", "purchase", "absorb", "swallow", "snap up", "pick up", "take over", "fold into")}`,
    `${alt("buy", "purchase", "absorb", "snap up", "pick up", "take over")} ${gap(2)}${alt("a", "another", "the", "two", "three", "\\d+", "our", "their", "a smaller", "a local", "a rival")} ${gap(1)}${alt("company", "competitor", "rival", "business", "firm", "practice", "clinic", "chain", "startup", "agency", "brand", "group", "hospital", "bank", "distributor", "manufacturer", "retailer", "provider", "operator", "site", "plant", "store", "player")}`,
    `${alt("new", "our")} ${alt("owner", "parent", "parent company", "parent group", "owners")}`,
    `${alt("combine", "join force", "join forces", "fold", "integrate", "unify", "consolidate")} ${gap(2)}${alt("with", "into")} ${gap(3)}${alt("company", "group", "firm", "business", "practice", "sister", "organisation", "organization", "competitor", "rival", "network", "system", "trust", "credit union", "bank", "partner", "they", "them")}`,
    `(?:sell|sold) ${gap(2)}${alt("company", "business", "firm", "us", "practice", "division", "unit")}`,
    `${alt("deal", "merger", "acquisition", "transaction", "sale")} ${gap(2)}${alt("close", "complete", "finalise", "finalize", "go through", "be sign", "be announce")}`,
  ],
  cost_pressure: [
    `${alt("budget", "spend", "spending", "funding", "opex", "capex", "it budget", "allocation", "money")} ${gap(3)}${alt("cut", "freeze", "reduction", "reduce", "pressure", "squeeze", "slash", "tighten", "tight", "shrink", "halve", "decrease", "drop", "constrain", "constraint", "be cut", "get cut", "get slash", "get halve", "be halve", "go down", "dry up", "scrutiny", "under pressure", "cap")}`,
    alt("cost-cutting", "cost cutting", "cost cut", "cost reduction", "cost saving", "cost-saving", "savings target", "saving target", "efficiency drive", "efficiency programme", "efficiency program", "efficiency target", "belt-tightening", "tighten our belt", "tighten the belt", "do more with less", "margin pressure", "margin squeeze", "price hike", "price increase", "price rise", "price jump", "rate hike", "rate increase", "inflation", "inflationary", "layoff", "lay off", "laid off", "redundancy", "redundancies", "downsizing", "downsize", "rif", "reduction in force", "hiring freeze", "spending freeze", "spend freeze", "headcount freeze", "headcount reduction", "headcount cut", "austerity", "cut back", "cutback", "zero-based budget", "zero based budget", "cash crunch", "cash flow", "runway", "burn rate", "cost pressure", "financial pressure", "cost of living", "too expensive", "overpriced", "can not afford", "unaffordable", "justify every", "every penny", "every dollar", "every cent"),
    `${alt("cut", "reduce", "lower", "trim", "slash", "save", "shave", "bring down", "claw back", "find", "deliver", "make", "consolidate")} ${gap(3)}${alt("cost", "spend", "spending", "budget", "saving", "expense", "opex", "overhead", "bill", "tool", "licence", "license", "vendor", "headcount", "\\d+ ?%", "\\d+ percent", AMOUNT)}`,
    `${PRICE} ${gap(3)}${alt("increase", "rise", "go up", "jump", "double", "triple", "spike", "skyrocket", "balloon", "climb", "hike", "shoot up", "soar", "explode", "be up \\d+", "up \\d+ ?%")}`,
    `${alt("raise", "hike", "double", "increase", "jack up", "bump")} ${gap(3)}${alt("price", "pricing", "rate", "fee", "cost", "premium", "licence", "license", "renewal")}`,
    `${alt("cfo", "finance", "board", "owner", "leadership", "management", "council", "ministry", "trust", "we", "parent company", "investor", "pe firm")} ${gap(3)}${alt("want", "demand", "ask for", "push for", "mandate", "require", "expect", "need", "tell", "set", "order")} ${gap(3)}${alt("saving", "cut", "cost reduction", "reduction", "\\d+ ?%", "efficiencies", "efficiency", "to save", "to cut", "to reduce", "lower cost")}`,
    `${alt("revenue", "sale", "margin", "income", "funding", "reimbursement", "enrollment", "enrolment", "donation", "profit")} ${gap(2)}${alt("drop", "fall", "decline", "shrink", "collapse", "tank", "be down", "go down", "dry up", "cut", "plummet", "slide")}`,
  ],
  vendor_change: [
    alt("end of life", "end-of-life", "eol", "end of support", "end-of-support", "end of sale", "end-of-sale", "eos", "sunset", "sunsetting", "discontinue", "discontinuation", "deprecate", "deprecation", "phase out", "phase-out", "retire", "retirement", "kill off", "pull the plug", "shut down the product", "legacy", "unsupported", "out of support", "extended support", "end of mainstream support", "forced migration", "forced upgrade", "forced to migrate", "forced to move", "forced to switch", "rip and replace", "rip out", "replacement", "alternative", "migration", "migrate", "re-platform", "replatform", "switch", "switching", "switch over", "move off", "move away from", "move from", "bankrupt", "bankruptcy", "insolvent", "insolvency", "administration", "out of business", "go bust", "go under", "belly up", "fold", "wind down", "exit the market", "leave the market", "stop sell", "stop selling", "stop support", "stop supporting", "drop support", "end support"),
    `no longer ${gap(2)}${alt("support", "supported", "maintain", "maintained", "available", "develop", "update", "updated", "sell", "offer", "offered", "patch", "patched", "be support", "be maintain", "be update", "be develop", "be available", "be offer")}`,
    `not ${gap(2)}(?:be )?${alt("support", "supported", "maintain", "maintained", "update", "updated", "patch", "patched")} ${gap(3)}${alt("after", "beyond", "past", "from", "anymore", "any more", "any longer")}`,
    `${alt("vendor", "provider", "supplier", "maker", "developer", "company", "they", "it")} ${gap(3)}(?:be |get )?${alt("acquire", "buy", "bought", "swallow", "absorb", "merge", "take over")}`,
    `${alt("replace", "swap out", "ditch", "dump", "drop", "leave", "get off", "get rid of", "move away from", "rip out", "switch from", "switch off", "walk away from", "retire", "outgrow", "abandon", "kick out", "churn from", "cancel")} ${gap(3)}${alt("vendor", "provider", "supplier", "tool", "system", "software", "platform", "solution", "crm", "erp", "wms", "tms", "ehr", "emr", "lms", "hris", "helpdesk", "legacy", "spreadsheet", "excel", "product", "stack", "current", "existing", "old", "incumbent", "zendesk", "salesforce", "hubspot", "sap", "oracle", "netsuite", "servicenow", "jira", "freshdesk", "intercom", "workday", "sage", "quickbooks", "epic", "cerner", "citrix", "vmware", "dynamics", "tableau", "looker", "okta", "mailchimp", "marketo")}`,
    `${alt("vendor", "provider", "supplier", "they")} ${gap(3)}${alt("stop", "drop", "end", "kill", "pull", "discontinue", "sunset", "exit", "retire", "deprecate", "shut down", "wind down", "raise", "double", "force", "push", "move")}`,
    `(?:switch|move|migrate|port|transition|change) ${gap(3)}${alt("vendor", "provider", "supplier", "tool", "platform", "system", "cloud", "saas", "to \\S+", "from \\S+", "over", "away")}`,
    `(?:look|shop|search|hunt) ${gap(2)}(?:for|around for) ${gap(2)}${alt("replacement", "alternative", "new vendor", "new provider", "new supplier", "new tool", "new system", "new platform", "something else", "another vendor", "another tool", "option", "new solution")}`,
    `${alt("windows 10", "windows server 2012", "centos", "python 2", "flash", "on-prem", "on prem", "on-premise", "on premise", "server version", "classic", "old version", "v\\d+", "version \\d+")} ${gap(3)}${alt("end", "retire", "sunset", "support end", "be retire", "be sunset", "go away", "die", "eol", "out of support")}`,
  ],
};
