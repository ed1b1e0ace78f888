/**
 * What the demo prospects write: per pain theme the sentence parts a generated answer is put
 * together from (app/demo/demo-prospect.ts), and the names, companies and titles they carry.
 */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export interface Theme {
  key: string;
  pain: number;
  openers: string[];
  middles: string[];
  costs: string[];
  current: string[];
  triggers: Array<{ choices: string[]; text: string }>;
  inaction: string[];
}

export const THEMES: Theme[] = [
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

export const SYSTEMS = ["ERP", "e-commerce site", "booking system", "warehouse system", "patient portal", "payments gateway"];
export const PROJECTS = ["cloud migration", "ERP upgrade", "network refresh", "zero-trust", "data centre exit"];
export const SITE_NAMES = [
  "our main warehouse",
  "the head office",
  "two of our clinics",
  "our largest plant",
  "the Leeds branch",
  "our distribution centre",
];
export const EARLY_STAGE = [
  "References from companies like ours.",
  "A paid pilot with clear exit terms.",
  "Evidence of security certifications and a pen test report.",
  "Financial stability, or source code in escrow.",
  "A clear roadmap and direct access to the founders.",
  "Transparent pricing with no lock-in.",
];
export const FIRST = [
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
export const LAST = [
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
export const COMPANY_A = [
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
export const COMPANY_B: Record<string, string[]> = {
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
export const OTHER_INDUSTRIES = ["Hospitality", "Mining", "Energy", "Legal services"];
export const TITLES = [
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
export const MARKETING = [
  { utm_source: "linkedin", utm_campaign: "ransomware-readiness-guide" },
  { utm_source: "google", utm_campaign: "audit-evidence-checklist" },
  { utm_source: "newsletter", utm_campaign: "q3-ops-webinar" },
  { utm_source: "linkedin", utm_campaign: "downtime-cost-calculator" },
];
export const REPS = ["Sam Sales", "Riley Chen", "Jordan Patel"];
