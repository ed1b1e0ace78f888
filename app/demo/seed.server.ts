import type { Kysely } from "kysely";
import { createRng, type Rng } from "../../analysis/random.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { findUserByEmail } from "../../db/queries/users.js";
import type { Database } from "../../db/schema.js";
import { flushCompletions } from "../prospects/after-completion.server.js";
import { loadAnsweringSurvey, pageQuestions, personSource, submitPage } from "../surveys/submission.server.js";
import {
  OTHER_VALUE,
  fieldName,
  otherFieldName,
  parsePageAnswers,
  type FormValues,
  type PublicQuestion,
} from "../surveys/answer-schema.js";
import {
  BUYING_ROLE_OPTIONS,
  DEFAULT_TEMPLATE_VARS,
  INDUSTRY_OPTIONS,
  MARKET_VALIDATION_TEMPLATE,
  MARKET_VALIDATION_TITLE,
  marketValidationIntro,
  marketValidationQuestions,
  REGION_OPTIONS,
  SITE_COUNT_OPTIONS,
} from "../surveys/template.js";
import { newSurveySlug } from "../utils/slug.server.js";

/**
 * Demo data: one open "Market validation study" with about 80 responses written by a seeded
 * generator through the public form's own path (answer schema -> submitPage -> db/queries/responses),
 * with timestamps spread over the last 90 days; plus one draft survey for the builder.
 * Same seed, same answers.
 */

const SEED = 20261101;
const RESPONSES = 80;
const DAY = 24 * 60 * 60 * 1000;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

interface Theme {
  key: string;
  pain: number;
  openers: string[];
  middles: string[];
  costs: string[];
  current: string[];
  triggers: Array<{ choices: string[]; text: string }>;
  inaction: string[];
}

const THEMES: Theme[] = [
  {
    key: "ransomware",
    pain: 8.6,
    openers: [
      "Last {month} we were hit by ransomware",
      "A phishing email led to a ransomware infection on {n} of our servers",
      "We had a security breach through a compromised supplier account",
      "An attacker got into our network through an unpatched VPN appliance",
      "Ransomware encrypted our file shares over a weekend",
    ],
    middles: [
      "and it took us {days} days to restore from backups.",
      "and we had to shut down {site} while we rebuilt everything.",
      "and nobody noticed the intruder for almost two weeks.",
      "and some of the backups turned out to be encrypted too.",
    ],
    costs: [
      "The recovery cost us around ${k}k, not counting lost business.",
      "Our cyber insurance premium went up {pct}% at renewal.",
      "We had to notify customers about the breach, which hurt trust badly.",
      "Legal and forensics fees alone were about ${k}k.",
    ],
    current: [
      "Antivirus and a firewall, and hoping for the best.",
      "Our MSP runs the security tools but we have no real visibility.",
      "An outsourced SOC that mostly sends us emails.",
    ],
    triggers: [
      { choices: ["Security breach"], text: "We were hit by ransomware last month." },
      {
        choices: ["Security breach", "Contract renewal"],
        text: "The breach was in {month}; our cyber insurance renews in {month2} and they want changes first.",
      },
      {
        choices: ["Security breach", "Leadership change"],
        text: "After the incident in {month} we hired a new CISO who starts next month.",
      },
    ],
    inaction: [
      "We will get hit again, and next time it could take the whole company down.",
      "Our insurer may refuse to renew the policy.",
      "Customers will walk away if it happens a second time.",
    ],
  },
  {
    key: "outage",
    pain: 7.6,
    openers: [
      "Our main {system} went down during peak hours",
      "We had a {hours}-hour outage when a storage array failed",
      "A bad configuration change took our customer portal offline",
      "A network switch failure cut off {site} for most of a day",
      "Our cloud provider had a regional outage and we had no failover",
    ],
    middles: [
      "and customers could not place orders.",
      "and support was flooded with calls.",
      "and we only found out when customers complained on social media.",
      "and it took hours just to work out what had failed.",
    ],
    costs: [
      "We estimate we lost ${k}k in revenue.",
      "Two large customers asked for service credits.",
      "It breached our SLA and we paid penalties.",
      "The board asked why the downtime keeps happening.",
    ],
    current: [
      "Uptime checks and a pager rotation.",
      "We react when users tell us something is down.",
      "Some dashboards, but nobody watches them at night.",
    ],
    triggers: [
      { choices: ["Outage"], text: "We had a major outage {weeks} weeks ago." },
      { choices: ["Outage", "New site or expansion"], text: "The outage in {month} hit us just as we were opening new sites." },
      { choices: ["Outage", "Contract renewal"], text: "Our hosting contract renews in {month2} and we want to fix this first." },
    ],
    inaction: [
      "More outages, more angry customers and more penalties.",
      "We will lose a key account; one has already said so.",
      "The team will keep firefighting instead of improving anything.",
    ],
  },
  {
    key: "audit",
    pain: 6.6,
    openers: [
      "Every audit season we gather evidence by hand in spreadsheets",
      "Our SOC 2 audit took {weeks} weeks of screenshots and spreadsheets",
      "Preparing for our ISO 27001 surveillance audit ate up most of the quarter",
      "The auditors found gaps in our access reviews",
      "A customer security questionnaire turned into a month of chasing evidence",
    ],
    middles: [
      "and two engineers did nothing else for a month.",
      "and half the evidence was out of date by the time we sent it.",
      "because nobody could prove who had access to what.",
      "and the spreadsheets never match what is actually running.",
    ],
    costs: [
      "It cost us roughly {n}0 person-days of work.",
      "We nearly lost a deal because a prospect wanted the report before signing.",
      "We got findings we had to explain to customers.",
      "Consultants charged us ${k}k to help us catch up.",
    ],
    current: [
      "Spreadsheets and a shared drive full of screenshots.",
      "A GRC tool that nobody keeps up to date.",
      "Consultants before each audit.",
    ],
    triggers: [
      { choices: ["Audit or compliance deadline"], text: "SOC 2 audit due in Q3." },
      { choices: ["Audit or compliance deadline"], text: "Our ISO 27001 recertification audit is in {month2}." },
      {
        choices: ["Audit or compliance deadline", "Funding"],
        text: "We raised a round in {month} and investors expect SOC 2 by the end of the year.",
      },
    ],
    inaction: [
      "We fail the next audit and lose enterprise deals.",
      "Audit prep keeps eating a quarter of the team's time.",
      "Regulators could fine us.",
    ],
  },
  {
    key: "alerts",
    pain: 6.1,
    openers: [
      "We run {n} different monitoring tools",
      "Our team gets hundreds of alerts a day",
      "Every tool has its own dashboard and its own alerts",
      "The on-call phone goes off all night with false positives",
    ],
    middles: [
      "and the real problems get lost in the noise.",
      "so people have started ignoring alerts.",
      "and nobody has a single view of what is going on.",
      "and tuning them is a full-time job nobody has time for.",
    ],
    costs: [
      "We missed a real incident because it looked like every other alert.",
      "It wastes hours of engineering time every week.",
      "The licences for all those tools add up to ${k}k a year.",
    ],
    current: ["A pile of tools that each do one thing.", "Email rules to filter the noise.", "We mute most alerts and check manually."],
    triggers: [
      { choices: ["Leadership change"], text: "A new CTO started in {month} and wants fewer tools." },
      { choices: ["None of these"], text: "" },
      { choices: ["Contract renewal"], text: "Two of our monitoring contracts end in {month2}." },
    ],
    inaction: [
      "Sooner or later we miss something serious.",
      "Tool sprawl keeps growing and so does the bill.",
      "The team stays tired and reactive.",
    ],
  },
  {
    key: "staffing",
    pain: 7.1,
    openers: [
      "We are {n} people covering infrastructure and security for the whole company",
      "Two of our senior engineers quit last year",
      "We cannot hire experienced security people in our region",
      "The same three people get woken up on call every week",
    ],
    middles: [
      "and on-call is burning people out.",
      "and the knowledge walked out the door with them.",
      "so important projects keep slipping.",
      "and there is no time left for anything proactive.",
    ],
    costs: [
      "Recruiting fees and contractors cost us ${k}k.",
      "Morale is low and I worry about losing more people.",
      "We had to delay the {project} project by six months.",
    ],
    current: ["Contractors to fill the gaps.", "Long hours and goodwill.", "We outsource nights and weekends to an MSP."],
    triggers: [
      { choices: ["New site or expansion"], text: "We are opening {n} new sites next year with the same team." },
      { choices: ["Leadership change"], text: "Our IT director left in {month}." },
      { choices: ["None of these"], text: "" },
    ],
    inaction: [
      "More people leave and we lose the ability to run the basics.",
      "Projects stall and the business loses patience with IT.",
      "Someone makes a tired mistake that causes an outage.",
    ],
  },
  {
    key: "vendor",
    pain: 5.2,
    openers: [
      "Our monitoring vendor raised prices by {pct}% at renewal",
      "Our managed services provider keeps adding charges",
      "We are locked into a contract with a vendor that no longer fits",
      "Licence costs for our current stack doubled in two years",
    ],
    middles: [
      "and moving away looks painful because all our data is in their format.",
      "and we get very little for the money.",
      "and switching would mean retraining the whole team.",
    ],
    costs: [
      "That is ${k}k a year we did not budget for.",
      "Finance wants us to cut tool spend by a third.",
      "We feel stuck, and the renewal is coming up.",
    ],
    current: ["The incumbent vendor's platform.", "A long contract with our MSP.", "Whatever came bundled with our cloud provider."],
    triggers: [
      { choices: ["Contract renewal"], text: "Our contract renews in March." },
      { choices: ["Contract renewal"], text: "The vendor contract renews in {month2} and we have to give notice 90 days before." },
      { choices: ["None of these"], text: "" },
    ],
    inaction: [
      "We keep paying more every year for the same thing.",
      "We stay locked in and lose our negotiating position.",
      "Budget goes to licences instead of people.",
    ],
  },
];

const SYSTEMS = ["ERP", "e-commerce site", "booking system", "warehouse system", "patient portal", "payments gateway"];
const PROJECTS = ["cloud migration", "ERP upgrade", "network refresh", "zero-trust", "data centre exit"];
const SITE_NAMES = [
  "our main warehouse",
  "the head office",
  "two of our clinics",
  "our largest plant",
  "the Leeds branch",
  "our distribution centre",
];
const EARLY_STAGE = [
  "References from companies like ours.",
  "A paid pilot with clear exit terms.",
  "Evidence of security certifications and a pen test report.",
  "Financial stability, or source code in escrow.",
  "A clear roadmap and direct access to the founders.",
  "Transparent pricing with no lock-in.",
];
const FIRST = [
  "Alex",
  "Priya",
  "Jonas",
  "Maria",
  "Chen",
  "Fatima",
  "Liam",
  "Sofia",
  "Noah",
  "Aisha",
  "Lucas",
  "Emma",
  "Mateo",
  "Yuki",
  "Olivia",
  "Kwame",
  "Hannah",
  "Diego",
  "Ingrid",
  "Omar",
];
const LAST = [
  "Fischer",
  "Okafor",
  "Novak",
  "Larsen",
  "Moreau",
  "Silva",
  "Kowalski",
  "Haddad",
  "Brennan",
  "Nakamura",
  "Patel",
  "Johansson",
  "Rossi",
  "Mensah",
  "Dubois",
  "Keller",
];
const COMPANY_A = [
  "Northwind",
  "Bluefin",
  "Cedar",
  "Harbor",
  "Summit",
  "Ironwood",
  "Brightpath",
  "Oakridge",
  "Silverline",
  "Redstone",
  "Maple",
  "Pinecrest",
  "Granite",
  "Clearwater",
  "Lakeside",
  "Meridian",
  "Foxglove",
  "Kestrel",
];
const COMPANY_B: Record<string, string[]> = {
  "Financial services": ["Bank", "Capital", "Insurance"],
  Healthcare: ["Health", "Clinics", "Care"],
  Manufacturing: ["Manufacturing", "Components", "Industries"],
  Retail: ["Retail", "Stores", "Outfitters"],
  "Software / SaaS": ["Software", "Labs", "Cloud"],
  "Public sector": ["County Council", "Water Authority", "Transit"],
  Education: ["College", "Academy", "University"],
  Logistics: ["Logistics", "Freight", "Shipping"],
  Other: ["Group", "Holdings", "Partners"],
};
const OTHER_INDUSTRIES = ["Hospitality", "Mining", "Energy", "Legal services"];
const TITLES = [
  "IT Director",
  "Head of Security",
  "CISO",
  "IT Manager",
  "Operations Manager",
  "CTO",
  "Infrastructure Lead",
  "Compliance Officer",
  "VP Engineering",
  "Systems Administrator",
];
const MARKETING = [
  { utm_source: "linkedin", utm_campaign: "ransomware-readiness-guide" },
  { utm_source: "google", utm_campaign: "audit-evidence-checklist" },
  { utm_source: "newsletter", utm_campaign: "q3-ops-webinar" },
  { utm_source: "linkedin", utm_campaign: "downtime-cost-calculator" },
];
const REPS = ["Sam Sales", "Riley Chen", "Jordan Patel"];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)];
const chance = (rng: Rng, p: number) => rng.next() < p;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

function fillIn(rng: Rng, text: string, startedAt: Date): string {
  const month = MONTHS[(startedAt.getUTCMonth() + 11 - rng.int(2)) % 12];
  const month2 = MONTHS[(startedAt.getUTCMonth() + 2 + rng.int(4)) % 12];
  return text
    .replace("{month}", month)
    .replace("{month2}", month2)
    .replace("{n}", String(2 + rng.int(9)))
    .replace("{days}", String(2 + rng.int(12)))
    .replace("{weeks}", String(2 + rng.int(8)))
    .replace("{hours}", String(3 + rng.int(20)))
    .replace("{pct}", String(15 + 5 * rng.int(10)))
    .replace("{k}", String(20 + 10 * rng.int(40)))
    .replace("{system}", pick(rng, SYSTEMS))
    .replace("{site}", pick(rng, SITE_NAMES))
    .replace("{project}", pick(rng, PROJECTS));
}

interface Prospect {
  formByRole: (q: PublicQuestion) => FormValues;
  attribution: { utm_source?: string; utm_campaign?: string; src?: "marketing" | "sales" | "partner"; rep?: string };
  stopAfter: number | null;
  startedAt: Date;
}

/**
 * `consentRng` draws the "sales may contact me" answer on its own stream, so adding that question
 * left every other demo answer as it was. Shares (ADR 0401): about a third of named respondents let
 * sales contact them; anonymous ones cannot (no email), and nobody ticks the summary without an email.
 */
function makeProspect(rng: Rng, now: number, consentRng: Rng): Prospect {
  const theme = pick(rng, THEMES);
  const startedAt = new Date(now - rng.next() * 90 * DAY);
  const pain = Math.round(clamp(theme.pain + rng.normal() * 1.3, 0, 10));
  const hot = pain >= 7;
  let story = `${fillIn(rng, pick(rng, theme.openers), startedAt)} ${fillIn(rng, pick(rng, theme.middles), startedAt)}`;
  if (chance(rng, 0.8)) story += ` ${fillIn(rng, pick(rng, theme.costs), startedAt)}`;
  // A second, different pain now and then: real stories are rarely about one thing.
  if (chance(rng, 0.15)) {
    const other = pick(
      rng,
      THEMES.filter((t) => t !== theme),
    );
    story += ` On top of that, ${fillIn(rng, pick(rng, other.openers), startedAt).replace(/^./, (c) => c.toLowerCase())}.`;
  }
  const trigger = chance(rng, 0.2) ? { choices: ["None of these"], text: "" } : pick(rng, theme.triggers);
  const industry = pick(rng, INDUSTRY_OPTIONS);
  const otherIndustry = industry === "Other" ? pick(rng, OTHER_INDUSTRIES) : null;
  const company = `${pick(rng, COMPANY_A)} ${pick(rng, COMPANY_B[industry])}`;
  const domain = `${company.toLowerCase().replace(/[^a-z]+/g, "-")}.example.com`;
  const first = pick(rng, FIRST);
  const last = pick(rng, LAST);
  const anonymous = chance(rng, 0.2);
  const budget = hot
    ? pick(rng, ["Allocated", "Allocated", "Could be found", "Don't know"])
    : pick(rng, ["Could be found", "None", "Don't know", "Allocated"]);
  const timeline = hot
    ? pick(rng, ["Less than 3 months", "3-6 months", "3-6 months", "6-12 months"])
    : pick(rng, ["6-12 months", "More than 12 months", "No plans", "3-6 months"]);
  const yesNo = (pYes: number) => (chance(rng, pYes) ? "Yes" : chance(rng, 0.6) ? "No" : "Not sure");

  const roll = rng.next();
  const attribution: Prospect["attribution"] =
    roll < 0.5
      ? { ...pick(rng, MARKETING) }
      : roll < 0.85
        ? { src: "sales", rep: pick(rng, REPS) }
        : { src: "partner", utm_campaign: "msp-partner-program", ...(chance(rng, 0.5) ? { rep: pick(rng, REPS) } : {}) };
  if (roll < 0.5 && chance(rng, 0.3)) attribution.src = "marketing";

  const byRole: Record<string, () => FormValues[string] | undefined> = {
    buying_role: () =>
      pick(
        rng,
        BUYING_ROLE_OPTIONS.filter((o) => o !== "Other"),
      ),
    industry: () => (otherIndustry ? OTHER_VALUE : industry),
    region: () => pick(rng, REGION_OPTIONS),
    site_count: () => pick(rng, SITE_COUNT_OPTIONS),
    pain_story: () => story,
    current_solution: () => (chance(rng, 0.75) ? pick(rng, theme.current) : undefined),
    pain_severity: () => String(pain),
    cost_of_inaction: () => (chance(rng, 0.8) ? pick(rng, theme.inaction) : undefined),
    budget: () => budget,
    timeline: () => timeline,
    project_leader: () => yesNo(hot ? 0.65 : 0.3),
    exec_sponsor: () => yesNo(hot ? 0.55 : 0.2),
    category_appeal: () => String(clamp(Math.round(pain / 2.2 + rng.normal() * 0.7), 1, 5)),
    early_stage_concerns: () => (chance(rng, 0.6) ? pick(rng, EARLY_STAGE) : undefined),
    consent_contact: () => (chance(rng, anonymous ? 0.2 : 0.65) && !anonymous ? "on" : undefined),
    consent_sales: () => (!anonymous && chance(consentRng, 0.4) ? "on" : undefined),
    consent_nurture: () => (chance(rng, anonymous ? 0.1 : 0.45) ? "on" : undefined),
    contact_name: () => (anonymous ? undefined : `${first} ${last}`),
    contact_email: () => (anonymous ? undefined : `${first}.${last}@${domain}`.toLowerCase()),
    company_name: () => (anonymous && chance(rng, 0.7) ? undefined : company),
    job_title: () => (anonymous ? undefined : pick(rng, TITLES)),
  };

  return {
    startedAt,
    attribution,
    stopAfter: chance(rng, 0.15) ? 2 + rng.int(2) : null,
    formByRole(q) {
      const out: FormValues = {};
      if (q.role === "trigger_events") {
        if (q.kind === "multiple_choice") out[fieldName(q.id)] = trigger.choices;
        else if (trigger.text) out[fieldName(q.id)] = fillIn(rng, trigger.text, startedAt);
        return out;
      }
      const value = q.role ? byRole[q.role]?.() : undefined;
      if (value !== undefined) out[fieldName(q.id)] = value;
      if (q.role === "industry" && otherIndustry) out[otherFieldName(q.id)] = otherIndustry;
      return out;
    },
  };
}

export async function seedDemoData(db: Kysely<Database>, options: { now?: number; responses?: number } = {}): Promise<string | null> {
  const existing = await db.selectFrom("surveys").select("id").limit(1).executeTakeFirst();
  if (existing) return null;
  const now = options.now ?? Date.now();
  const marketer = await findUserByEmail(db, "marketer@painmap.test");
  const createdBy = marketer?.id ?? (await findUserByEmail(db, "admin@painmap.test"))?.id ?? null;

  const vars = DEFAULT_TEMPLATE_VARS;
  const slug = newSurveySlug();
  const surveyId = await createSurvey(
    db,
    {
      slug,
      title: MARKET_VALIDATION_TITLE,
      intro: marketValidationIntro(vars),
      template: MARKET_VALIDATION_TEMPLATE,
      templateVars: { ...vars },
      status: "open",
      createdBy,
    },
    marketValidationQuestions(vars),
  );
  const opened = new Date(now - 92 * DAY).toISOString();
  await db
    .updateTable("surveys")
    .set({ created_at: opened, updated_at: opened, published_at: opened })
    .where("id", "=", surveyId)
    .execute();

  await createSurvey(
    db,
    {
      slug: newSurveySlug(),
      title: "Customer onboarding pain check",
      intro: "A short follow-up for new customers about their first 90 days.",
      template: null,
      status: "draft",
      createdBy,
    },
    [
      { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "What was the hardest part of getting started with us?" },
      {
        page: 1,
        kind: "scale_0_10",
        role: "pain_severity",
        prompt: "How painful was onboarding overall?",
        helpText: "0 = painless, 10 = very painful.",
      },
      { page: 2, kind: "consent", role: "consent_contact", prompt: "Send me the study summary when it is ready." },
      { page: 2, kind: "email", role: "contact_email", prompt: "Work email (optional)" },
    ],
  );

  const survey = await loadAnsweringSurvey(db, slug);
  if (!survey) throw new Error("demo survey vanished");
  const rng = createRng(SEED);
  const consentRng = createRng(SEED + 17);
  const total = options.responses ?? RESPONSES;
  let complete = 0;
  const sources = new Map<string, number>();
  for (let i = 0; i < total; i++) {
    const prospect = makeProspect(rng, now, consentRng);
    let at = prospect.startedAt.getTime();
    const idempotencyKey = `demo-${String(i + 1).padStart(4, "0")}-${SEED}`;
    let token: string | undefined;
    const lastPage = prospect.stopAfter ?? survey.pages.length;
    for (let page = 1; page <= lastPage; page++) {
      const questions = pageQuestions(survey, page);
      const form: FormValues = {};
      for (const q of questions) Object.assign(form, prospect.formByRole(q));
      const parsed = parsePageAnswers(questions, form);
      if (!parsed.success) throw new Error(`demo answer ${i + 1} page ${page} is invalid: ${JSON.stringify(parsed.errors)}`);
      const outcome = await submitPage(db, {
        survey,
        pageIndex: page,
        answers: parsed.data,
        identity: token ? { kind: "token", token } : { kind: "key", idempotencyKey, attribution: prospect.attribution },
        origin: "demo",
        now: new Date(at).toISOString(),
      });
      if (outcome.outcome === "bad_link") throw new Error("demo resume token refused");
      if ("token" in outcome) token = outcome.token;
      if (outcome.outcome === "complete") complete++;
      at += (40 + rng.int(200)) * 1000;
    }
    const source = personSource(prospect.attribution);
    sources.set(source, (sources.get(source) ?? 0) + 1);
  }
  // The completion path queued each person's readiness score; do it now so the demo is ready.
  await flushCompletions(db);
  const bySource = [...sources.entries()]
    .sort()
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
  return `"${MARKET_VALIDATION_TITLE}" (open, /s/${slug}) with ${total} responses (${complete} complete, ${total - complete} partial; ${bySource}) and one draft survey`;
}
