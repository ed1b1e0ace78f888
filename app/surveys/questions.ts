/** Question kinds and roles: shared by the builder, the public form, analysis and scoring. */
export const QUESTION_KINDS = [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "scale_0_10",
  "rating_1_5",
  "number",
  "email",
  "consent",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  short_text: "Short text",
  long_text: "Long text",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  scale_0_10: "Scale 0-10",
  rating_1_5: "Rating 1-5",
  number: "Number",
  email: "Email",
  consent: "Consent checkbox",
};

/** Kinds whose answer is one of `options` (plus "other" where allowed). */
export const CHOICE_KINDS: ReadonlySet<QuestionKind> = new Set(["single_choice", "multiple_choice"]);

/**
 * What an answer means. Analysis and scoring read roles, never prompt text, so a marketer can
 * reword a question without breaking the board or the readiness score.
 */
export const QUESTION_ROLES = [
  "pain_story",
  "pain_severity",
  "current_solution",
  "trigger_events",
  "cost_of_inaction",
  "budget",
  "timeline",
  "buying_role",
  "project_leader",
  "exec_sponsor",
  "industry",
  "region",
  "site_count",
  "category_appeal",
  "early_stage_concerns",
  "consent_nurture",
  "consent_contact",
  "consent_sales",
  "contact_name",
  "contact_email",
  "company_name",
  "job_title",
] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];

export const QUESTION_ROLE_LABELS: Record<QuestionRole, string> = {
  pain_story: "Pain story (free text)",
  pain_severity: "Pain severity",
  current_solution: "Current solution",
  trigger_events: "Trigger events",
  cost_of_inaction: "Cost of inaction",
  budget: "Budget",
  timeline: "Decision timeline",
  buying_role: "Buying role",
  project_leader: "Named project leader",
  exec_sponsor: "Executive sponsor",
  industry: "Industry",
  region: "Region",
  site_count: "Number of sites",
  category_appeal: "Category appeal",
  early_stage_concerns: "Early-stage concerns",
  consent_nurture: "Consent: educational content",
  consent_contact: "Consent: study summary",
  consent_sales: "Consent: sales may contact me",
  contact_name: "Contact: name",
  contact_email: "Contact: email",
  company_name: "Contact: company",
  job_title: "Contact: job title",
};

/** Roles whose free text is grouped into pain themes by the analysis. */
export const THEME_TEXT_ROLES: ReadonlySet<QuestionRole> = new Set(["pain_story"]);
/** Roles whose free text is scanned for buying triggers. */
export const TRIGGER_TEXT_ROLES: ReadonlySet<QuestionRole> = new Set(["pain_story", "trigger_events", "cost_of_inaction"]);

/** The "other" choice is stored as `OTHER_PREFIX + text` so exports stay readable. */
export const OTHER_PREFIX = "Other: ";

export const MAX_TEXT_ANSWER = 10_000;
export const MAX_SHORT_ANSWER = 500;

/**
 * The kinds that make sense for each role: scoring, the report and the analysis read a role's answer
 * as this shape (the buying role as one of its options, pain severity as a number, a consent as a
 * tick), so a buying-role question turned into a 0-10 scale would silently score nothing. The
 * template's kind for each role is always the first.
 */
export const ROLE_KINDS: Record<QuestionRole, readonly QuestionKind[]> = {
  pain_story: ["long_text", "short_text"],
  pain_severity: ["scale_0_10", "rating_1_5"],
  current_solution: ["long_text", "short_text", "single_choice", "multiple_choice"],
  trigger_events: ["multiple_choice", "single_choice", "long_text", "short_text"],
  cost_of_inaction: ["long_text", "short_text"],
  budget: ["single_choice"],
  timeline: ["single_choice"],
  buying_role: ["single_choice"],
  project_leader: ["single_choice", "short_text"],
  exec_sponsor: ["single_choice"],
  industry: ["single_choice", "short_text"],
  region: ["single_choice", "short_text"],
  site_count: ["single_choice", "number"],
  category_appeal: ["rating_1_5", "scale_0_10"],
  early_stage_concerns: ["long_text", "short_text", "multiple_choice"],
  consent_nurture: ["consent"],
  consent_contact: ["consent"],
  consent_sales: ["consent"],
  contact_name: ["short_text"],
  contact_email: ["email"],
  company_name: ["short_text"],
  job_title: ["short_text", "single_choice"],
};

/** Why a kind does not fit a role (the message shown at the Type field), or undefined when it fits. */
export function kindRoleProblem(kind: QuestionKind, role: QuestionRole | null): string | undefined {
  if (!role) return undefined;
  const allowed = ROLE_KINDS[role];
  if (allowed.includes(kind)) return undefined;
  const names = allowed.map((k) => QUESTION_KIND_LABELS[k]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return `A “${QUESTION_ROLE_LABELS[role]}” question must be ${list}; “${QUESTION_KIND_LABELS[kind]}” does not fit that role. Change the type or the role.`;
}
