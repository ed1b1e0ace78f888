import type { QuestionKind, QuestionRole } from "./questions.js";

export interface TemplateQuestion {
  page: number;
  kind: QuestionKind;
  prompt: string;
  helpText?: string;
  options?: string[];
  allowOther?: boolean;
  required?: boolean;
  role: QuestionRole | null;
}

/** Words the marketer fills in when creating a study from the template. */
export interface TemplateVars {
  problem: string;
  area: string;
  category: string;
}

export const MARKET_VALIDATION_TEMPLATE = "market_validation";

export const TRIGGER_EVENT_OPTIONS = [
  "Security breach",
  "Outage",
  "Audit or compliance deadline",
  "Leadership change",
  "Contract renewal",
  "New site or expansion",
  "Funding",
  "None of these",
] as const;

/** Maps a structured trigger choice to the analysis trigger vocabulary (DESIGN.md). */
const TRIGGER_OPTION_TYPES: Record<string, string | null> = {
  "Security breach": "security_incident",
  Outage: "outage",
  "Audit or compliance deadline": "compliance_deadline",
  "Leadership change": "leadership_change",
  "Contract renewal": "contract_renewal",
  "New site or expansion": "growth",
  Funding: "funding",
  "None of these": null,
};

/** The vocabulary triggers a structured answer names: one per mapped choice, timing unknown ("None of these" gives none). */
export function choiceTriggers(choices: Iterable<string>): Array<{ type: string; timing: "unknown"; phrase: string; origin: "choice" }> {
  const out: Array<{ type: string; timing: "unknown"; phrase: string; origin: "choice" }> = [];
  for (const choice of choices) {
    const type = TRIGGER_OPTION_TYPES[choice];
    if (type) out.push({ type, timing: "unknown", phrase: choice, origin: "choice" });
  }
  return out;
}

export const BUDGET_OPTIONS = ["Allocated", "Could be found", "None", "Don't know"] as const;
export const TIMELINE_OPTIONS = ["Less than 3 months", "3-6 months", "6-12 months", "More than 12 months", "No plans"] as const;
export const YES_NO_OPTIONS = ["Yes", "No", "Not sure"] as const;
export const BUYING_ROLE_OPTIONS = ["Decision maker", "Influencer / evaluator", "End user", "Budget holder", "Other"] as const;
export const INDUSTRY_OPTIONS = [
  "Financial services",
  "Healthcare",
  "Manufacturing",
  "Retail",
  "Software / SaaS",
  "Public sector",
  "Education",
  "Logistics",
  "Other",
] as const;
export const REGION_OPTIONS = ["North America", "Europe", "UK & Ireland", "Asia-Pacific", "Latin America", "Middle East & Africa"] as const;
export const SITE_COUNT_OPTIONS = ["1", "2-5", "6-20", "21-100", "More than 100"] as const;

const CONSENT_SUMMARY_WORDING = "Send me the study summary when it is ready.";
export const CONSENT_NURTURE_WORDING = "Send me occasional educational content. I can opt out at any time.";
export const CONSENT_WORDING_VERSION = "2026-11-v1";
/** Its own purpose ("contact"), wording and version (ADR 0401): the only consent that lets staff see who someone is. */
export const CONSENT_SALES_WORDING =
  "A member of our sales team may contact me about this by email or phone. Unticked, you stay anonymous to our staff.";
export const CONSENT_SALES_WORDING_VERSION = "2026-12-sales-v1";

export const DEFAULT_TEMPLATE_VARS: TemplateVars = {
  problem: "keeping systems secure and available",
  area: "IT security and operations",
  category: "automated risk monitoring",
};

function fill(text: string, vars: TemplateVars): string {
  return text.replace(/\[(problem|area|category)\]/g, (_, key: keyof TemplateVars) => vars[key].trim());
}

const RAW: TemplateQuestion[] = [
  {
    page: 1,
    kind: "single_choice",
    role: "buying_role",
    required: true,
    prompt: "Which best describes your role in buying decisions?",
    options: [...BUYING_ROLE_OPTIONS],
  },
  {
    page: 1,
    kind: "single_choice",
    role: "industry",
    required: true,
    prompt: "Which industry is your organisation in?",
    options: [...INDUSTRY_OPTIONS],
    allowOther: true,
  },
  {
    page: 1,
    kind: "single_choice",
    role: "region",
    required: true,
    prompt: "Where is your organisation mainly based?",
    options: [...REGION_OPTIONS],
  },
  {
    page: 1,
    kind: "single_choice",
    role: "site_count",
    required: true,
    prompt: "How many sites or locations do you operate?",
    options: [...SITE_COUNT_OPTIONS],
  },
  {
    page: 2,
    kind: "long_text",
    role: "pain_story",
    required: true,
    prompt: "Tell us about the last time [problem] got in your way. What happened, and what did it cost?",
    helpText: "A few sentences in your own words is perfect.",
  },
  { page: 2, kind: "long_text", role: "current_solution", prompt: "How do you handle it today?" },
  {
    page: 2,
    kind: "scale_0_10",
    role: "pain_severity",
    required: true,
    prompt: "How much pain are you in around [area]?",
    helpText: "0 = no pain at all, 10 = it keeps me up at night.",
  },
  {
    page: 3,
    kind: "multiple_choice",
    role: "trigger_events",
    prompt: "Which of these happened in the last 12 months, or do you expect in the next 6?",
    options: [...TRIGGER_EVENT_OPTIONS],
  },
  {
    page: 3,
    kind: "long_text",
    role: "trigger_events",
    prompt: "Tell us more about those events (optional).",
    helpText: "When did it happen, or when is it due?",
  },
  { page: 3, kind: "long_text", role: "cost_of_inaction", prompt: "If nothing changes in 12 months, what happens?" },
  {
    page: 4,
    kind: "single_choice",
    role: "budget",
    required: true,
    prompt: "Is there budget to solve this?",
    options: [...BUDGET_OPTIONS],
  },
  {
    page: 4,
    kind: "single_choice",
    role: "timeline",
    required: true,
    prompt: "When do you expect to make a decision?",
    options: [...TIMELINE_OPTIONS],
  },
  {
    page: 4,
    kind: "single_choice",
    role: "project_leader",
    prompt: "Is there a named project leader for this?",
    options: [...YES_NO_OPTIONS],
  },
  { page: 4, kind: "single_choice", role: "exec_sponsor", prompt: "Is there an executive sponsor?", options: [...YES_NO_OPTIONS] },
  {
    page: 5,
    kind: "rating_1_5",
    role: "category_appeal",
    prompt: "How compelling is [category] to you?",
    helpText: "1 = not at all, 5 = extremely.",
  },
  {
    page: 5,
    kind: "long_text",
    role: "early_stage_concerns",
    prompt: "What would make you comfortable buying from an early-stage company?",
  },
  { page: 6, kind: "consent", role: "consent_sales", prompt: CONSENT_SALES_WORDING },
  { page: 6, kind: "consent", role: "consent_contact", prompt: CONSENT_SUMMARY_WORDING },
  { page: 6, kind: "consent", role: "consent_nurture", prompt: CONSENT_NURTURE_WORDING },
  { page: 6, kind: "short_text", role: "contact_name", prompt: "Your name (optional)" },
  { page: 6, kind: "email", role: "contact_email", prompt: "Work email (optional)" },
  { page: 6, kind: "short_text", role: "company_name", prompt: "Company (optional)" },
  { page: 6, kind: "short_text", role: "job_title", prompt: "Job title (optional)" },
];

export function marketValidationQuestions(vars: TemplateVars): TemplateQuestion[] {
  return RAW.map((q) => ({ ...q, prompt: fill(q.prompt, vars), helpText: q.helpText ? fill(q.helpText, vars) : "" }));
}

export const MARKET_VALIDATION_TITLE = "Market validation study";
const MARKET_VALIDATION_INTRO =
  "We are researching how teams deal with [problem]. It takes about 5 minutes; you can stop and come back later with your resume link.";

export function marketValidationIntro(vars: TemplateVars): string {
  return fill(MARKET_VALIDATION_INTRO, vars);
}
