import type { Kysely } from "kysely";
import { createSurvey } from "../../db/queries/surveys.js";
import { createRun } from "../../db/queries/analysis-runs.js";
import type { Database } from "../../db/schema.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";

/** Pain stories per topic: distinct vocabularies so the clustering has a clear answer. */
export const TOPICS: Record<string, { phrases: string[]; trigger: string; severity: number }> = {
  phishing: {
    phrases: [
      "a phishing email fooled our finance clerk",
      "phishing attacks steal staff passwords",
      "ransomware came in through a phishing link",
      "phishing campaigns target our accountants",
      "credential theft after phishing",
    ],
    trigger: "Security breach",
    severity: 9,
  },
  outage: {
    phrases: [
      "the warehouse servers went down for hours",
      "outage of the order system stopped shipping",
      "downtime during peak season cost sales",
      "servers crashed and nobody was paged",
      "a long outage of the checkout servers",
    ],
    trigger: "Outage",
    severity: 7,
  },
  audit: {
    phrases: [
      "the auditor asked for evidence we lacked",
      "compliance audit paperwork takes weeks",
      "regulators fined us after the audit",
      "audit findings about missing access reviews",
      "preparing audit evidence by hand",
    ],
    trigger: "Audit or compliance deadline",
    severity: 6,
  },
  licences: {
    phrases: [
      "software licence costs keep rising",
      "we pay for licences nobody uses",
      "vendor licence renewal doubled the price",
      "licence spending is out of control",
      "unused licences waste our budget",
    ],
    trigger: "Contract renewal",
    severity: 4,
  },
  hiring: {
    phrases: [
      "we cannot hire enough engineers",
      "hiring security analysts takes a year",
      "staff turnover leaves shifts empty",
      "recruiting skilled people is impossible",
      "the team burns out because hiring stalls",
    ],
    trigger: "Leadership change",
    severity: 8,
  },
};

const FILLER = ["last month", "again this quarter", "and it hurt", "which cost us a lot", "every week", "before the holidays"];

function storyFor(topic: string, i: number): string {
  const t = TOPICS[topic];
  const a = t.phrases[i % t.phrases.length];
  const b = t.phrases[(i + 2) % t.phrases.length];
  return `${a[0].toUpperCase()}${a.slice(1)} ${FILLER[i % FILLER.length]}; ${b}.`;
}

export async function makeSurvey(
  db: Kysely<Database>,
  title = "Board test",
): Promise<{ surveyId: number; questionIds: Record<string, number> }> {
  const surveyId = await createSurvey(
    db,
    { slug: `s-${Math.random().toString(36).slice(2)}`, title, intro: "", template: "market_validation", status: "open", createdBy: null },
    marketValidationQuestions(DEFAULT_TEMPLATE_VARS),
  );
  const questions = await db
    .selectFrom("questions")
    .select(["id", "role", "kind"])
    .where("survey_id", "=", surveyId)
    .orderBy("position")
    .execute();
  const questionIds: Record<string, number> = {};
  for (const q of questions) {
    const key = q.role === "trigger_events" ? `trigger_events_${q.kind}` : (q.role ?? "");
    if (key && !(key in questionIds)) questionIds[key] = q.id;
  }
  return { surveyId, questionIds };
}

let counter = 0;

/** A complete response with a person; returns the pain-story answer id. */
export async function addResponse(
  db: Kysely<Database>,
  survey: { surveyId: number; questionIds: Record<string, number> },
  input: {
    topic: string;
    index: number;
    industry?: string;
    region?: string;
    buyingRole?: string;
    source?: "marketing" | "sales";
    consent?: boolean;
    name?: string;
    company?: string;
  },
): Promise<number> {
  const now = new Date().toISOString();
  counter += 1;
  const company = await db
    .insertInto("companies")
    .values({
      name: input.company ?? `Company ${counter}`,
      industry: input.industry ?? "Retail",
      region: input.region ?? "Europe",
      site_count: 3,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto("people")
    .values({
      company_id: company.id,
      email: `p${counter}@example.test`,
      name: input.name ?? `Person ${counter}`,
      job_title: "IT lead",
      source: input.source ?? "marketing",
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
      survey_id: survey.surveyId,
      person_id: person.id,
      status: "complete",
      resume_token_hash: `h-${counter}-${Math.random()}`,
      idempotency_key: `k-${counter}-${Math.random()}`,
      current_page: 6,
      source: input.source ?? "marketing",
      utm_source: null,
      utm_campaign: null,
      rep: null,
      origin: "import",
      meta: "{}",
      started_at: now,
      updated_at: now,
      completed_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const q = survey.questionIds;
  const topic = TOPICS[input.topic];
  const answers = [
    { question_id: q.pain_story, value_text: storyFor(input.topic, input.index), value_number: null, value_json: null },
    { question_id: q.pain_severity, value_text: null, value_number: topic.severity, value_json: null },
    { question_id: q.industry, value_text: input.industry ?? "Retail", value_number: null, value_json: null },
    { question_id: q.region, value_text: input.region ?? "Europe", value_number: null, value_json: null },
    { question_id: q.buying_role, value_text: input.buyingRole ?? "Decision maker", value_number: null, value_json: null },
    { question_id: q.trigger_events_multiple_choice, value_text: null, value_number: null, value_json: JSON.stringify([topic.trigger]) },
  ];
  let painAnswerId = 0;
  for (const a of answers) {
    const row = await db
      .insertInto("answers")
      .values({ response_id: response.id, ...a, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (a.question_id === q.pain_story) painAnswerId = row.id;
  }
  if (input.consent) {
    await db
      .insertInto("consents")
      .values({
        person_id: person.id,
        response_id: response.id,
        purpose: "contact",
        status: "opted_in",
        wording: "w",
        wording_version: "v",
        actor: "respondent",
        captured_at: now,
        withdrawn_at: null,
      })
      .execute();
  }
  return painAnswerId;
}

/**
 * Creates a run and executes it in-process, exactly as the worker does. (The analysis is imported
 * here, not at the top: the e2e suite uses addResponse and its loader cannot import the trigger
 * model's JSON; its runs go through the server.)
 */
export async function runNow(db: Kysely<Database>, scope: number | null, parameters: Record<string, unknown> = {}): Promise<number> {
  const { executeRun } = await import("../../app/themes/run-analysis.js");
  const runId = await createRun(db, { surveyId: scope, trigger: "manual", createdBy: null, parameters });
  await executeRun(db, runId);
  return runId;
}
