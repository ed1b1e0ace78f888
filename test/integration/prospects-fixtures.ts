import type { Kysely } from "kysely";
import { createSurvey, listQuestions } from "../../db/queries/surveys.js";
import type { Database, PersonSource } from "../../db/schema.js";
import {
  marketValidationQuestions,
  DEFAULT_TEMPLATE_VARS,
  CONSENT_NURTURE_WORDING,
  CONSENT_SALES_WORDING,
  CONSENT_SALES_WORDING_VERSION,
} from "../../app/surveys/template.js";

/** A template survey and people answering it, written directly (no submission path needed). */
export async function makeSurvey(db: Kysely<Database>, slug: string) {
  const id = await createSurvey(
    db,
    { slug, title: "Study", intro: "", template: "market_validation", status: "open", createdBy: null },
    marketValidationQuestions(DEFAULT_TEMPLATE_VARS).map((q) => ({ ...q, helpText: q.helpText ?? "" })),
  );
  const questions = await listQuestions(db, id);
  return { id, questions };
}

export interface PersonSpec {
  name: string;
  email?: string;
  source?: PersonSource;
  nurtureOptIn?: boolean;
  /** "sales may contact me" (the consent rule names people only with it); default true, false records an opt-out, null records nothing */
  contactOptIn?: boolean | null;
  /** role -> text, number or choices */
  answers: Record<string, string | number | string[]>;
}

let counter = 0;
export async function addPerson(
  db: Kysely<Database>,
  survey: { id: number; questions: Array<{ id: number; role: string | null; kind: string }> },
  spec: PersonSpec,
): Promise<number> {
  const now = new Date().toISOString();
  counter++;
  const company = await db
    .insertInto("companies")
    .values({ name: `${spec.name} Ltd`, industry: null, region: null, site_count: null, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto("people")
    .values({
      company_id: company.id,
      email: spec.email ?? `${spec.name.toLowerCase().replace(/\s+/g, ".")}@example.test`,
      name: spec.name,
      job_title: "CISO",
      source: spec.source ?? "marketing",
      utm_source: null,
      utm_campaign: null,
      rep: null,
      owner_user_id: null,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const response = await db
    .insertInto("responses")
    .values({
      survey_id: survey.id,
      person_id: person.id,
      status: "complete",
      resume_token_hash: `h-${counter}-${Math.random()}`,
      idempotency_key: `k-${counter}-${Math.random()}`,
      current_page: 6,
      source: spec.source ?? "marketing",
      utm_source: null,
      utm_campaign: null,
      rep: null,
      origin: "web",
      meta: "{}",
      started_at: now,
      updated_at: now,
      completed_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const used = new Set<number>();
  for (const [role, value] of Object.entries(spec.answers)) {
    const q = survey.questions.find(
      (x) => x.role === role && !used.has(x.id) && (Array.isArray(value) ? x.kind === "multiple_choice" : x.kind !== "multiple_choice"),
    );
    if (!q) throw new Error(`no question for ${role}`);
    used.add(q.id);
    await db
      .insertInto("answers")
      .values({
        response_id: response.id,
        question_id: q.id,
        value_text: typeof value === "string" ? value : null,
        value_number: typeof value === "number" ? value : null,
        value_json: Array.isArray(value) ? JSON.stringify(value) : null,
        updated_at: now,
      })
      .execute();
  }
  if (spec.nurtureOptIn !== undefined) {
    await db
      .insertInto("consents")
      .values({
        person_id: person.id,
        response_id: response.id,
        purpose: "educational_content",
        status: spec.nurtureOptIn ? "opted_in" : "opted_out",
        wording: CONSENT_NURTURE_WORDING,
        wording_version: "2026-11-v1",
        actor: "prospect",
        captured_at: now,
        withdrawn_at: null,
      })
      .execute();
  }
  const contact = spec.contactOptIn === undefined ? true : spec.contactOptIn;
  if (contact !== null) {
    await db
      .insertInto("consents")
      .values({
        person_id: person.id,
        response_id: response.id,
        purpose: "contact",
        status: contact ? "opted_in" : "opted_out",
        wording: CONSENT_SALES_WORDING,
        wording_version: CONSENT_SALES_WORDING_VERSION,
        actor: "prospect",
        captured_at: now,
        withdrawn_at: null,
      })
      .execute();
  }
  return person.id;
}

export const READY_ANSWERS = {
  buying_role: "Decision maker",
  industry: "Healthcare",
  region: "Europe",
  site_count: "6-20",
  pain_story: "We had a ransomware breach last month and the clinics were down for two days.",
  pain_severity: 9,
  trigger_events: ["Security breach"],
  cost_of_inaction: "Another incident would cost us our accreditation.",
  budget: "Allocated",
  timeline: "Less than 3 months",
  project_leader: "Yes",
  exec_sponsor: "Yes",
};

export const NURTURE_ANSWERS = {
  ...READY_ANSWERS,
  pain_story: "Patching is slow and tedious.",
  pain_severity: 5,
  trigger_events: ["None of these"],
  cost_of_inaction: "",
  budget: "Don't know",
  timeline: "6-12 months",
  exec_sponsor: "No",
};

export const NOT_A_FIT_ANSWERS = { ...READY_ANSWERS, site_count: "More than 100" };
