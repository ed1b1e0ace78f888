import type { Kysely } from "kysely";
import type { Answer, ConsentPurpose, ConsentStatus, Database, PersonSource, Question, ResponseRow, Survey } from "../schema.js";

/**
 * The write path of the public form: start (or find) a response, save a page of answers, complete
 * it with its person, company and consents. Every function takes `db`, which may be a transaction:
 * the caller (app/surveys/submission.server.ts) runs one page post in one transaction.
 * Timestamps are passed in so the demo generator can write history through the same functions.
 */

export interface ResponseStart {
  surveyId: number;
  idempotencyKey: string;
  resumeTokenHash: string;
  source: PersonSource;
  utmSource: string | null;
  utmCampaign: string | null;
  rep: string | null;
  origin: "web" | "import" | "demo";
  now: string;
}

/**
 * The response of (survey, idempotency key): created on the first post, found again on a retry.
 * `ON CONFLICT DO NOTHING` keeps two racing first posts from making two rows on either database.
 */
export async function startResponse(db: Kysely<Database>, start: ResponseStart): Promise<{ response: ResponseRow; created: boolean }> {
  const inserted = await db
    .insertInto("responses")
    .values({
      survey_id: start.surveyId,
      person_id: null,
      status: "partial",
      resume_token_hash: start.resumeTokenHash,
      idempotency_key: start.idempotencyKey,
      current_page: 1,
      source: start.source,
      utm_source: start.utmSource,
      utm_campaign: start.utmCampaign,
      rep: start.rep,
      origin: start.origin,
      meta: "{}",
      started_at: start.now,
      updated_at: start.now,
      completed_at: null,
    })
    .onConflict((oc) => oc.columns(["survey_id", "idempotency_key"]).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { response: inserted, created: true };
  const existing = await db
    .selectFrom("responses")
    .selectAll()
    .where("survey_id", "=", start.surveyId)
    .where("idempotency_key", "=", start.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { response: existing, created: false };
}

export async function findResponseByTokenHash(
  db: Kysely<Database>,
  surveyId: number,
  resumeTokenHash: string,
): Promise<ResponseRow | undefined> {
  return db
    .selectFrom("responses")
    .selectAll()
    .where("resume_token_hash", "=", resumeTokenHash)
    .where("survey_id", "=", surveyId)
    .executeTakeFirst();
}

export async function listResponseAnswers(db: Kysely<Database>, responseId: number): Promise<Answer[]> {
  return db.selectFrom("answers").selectAll().where("response_id", "=", responseId).execute();
}

export interface AnswerWrite {
  questionId: number;
  text: string | null;
  number: number | null;
  /** already JSON text (multiple choice) */
  json: string | null;
}

/**
 * One answers row per question: inserted, or replaced when the prospect posts the page again.
 * `clear` removes answers the prospect emptied. Callers pass only question ids of the response's
 * own survey (the service checks them against the survey's questions).
 */
export async function saveAnswers(
  db: Kysely<Database>,
  args: { responseId: number; answers: AnswerWrite[]; clear?: number[]; now: string },
): Promise<void> {
  if (args.answers.length) {
    await db
      .insertInto("answers")
      .values(
        args.answers.map((a) => ({
          response_id: args.responseId,
          question_id: a.questionId,
          value_text: a.text,
          value_number: a.number,
          value_json: a.json,
          updated_at: args.now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["response_id", "question_id"]).doUpdateSet((eb) => ({
          value_text: eb.ref("excluded.value_text"),
          value_number: eb.ref("excluded.value_number"),
          value_json: eb.ref("excluded.value_json"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
  if (args.clear?.length) {
    await db.deleteFrom("answers").where("response_id", "=", args.responseId).where("question_id", "in", args.clear).execute();
  }
}

/** Moves the resume point forward (never back) and touches updated_at. */
export async function advanceResponse(db: Kysely<Database>, args: { responseId: number; currentPage: number; now: string }): Promise<void> {
  await db
    .updateTable("responses")
    .set({ current_page: args.currentPage, updated_at: args.now })
    .where("id", "=", args.responseId)
    .where("status", "=", "partial")
    .execute();
}

export interface CompanyInput {
  name: string;
  industry: string | null;
  region: string | null;
  siteCount: number | null;
}

export interface PersonInput {
  email: string | null;
  name: string | null;
  jobTitle: string | null;
  source: PersonSource;
  utmSource: string | null;
  utmCampaign: string | null;
  rep: string | null;
}

export interface ConsentInput {
  purpose: ConsentPurpose;
  status: ConsentStatus;
  wording: string;
  wordingVersion: string;
  actor: string;
  /** a double opt-in waiting for its confirmation link */
  pending?: boolean;
}

/**
 * Completion: company (when any company detail was given), person, the response linked and marked
 * complete, one consent row per consent question shown. Only a partial response is completed, so
 * a repeated last page changes nothing. Returns false when the response was already complete.
 */
export async function completeResponse(
  db: Kysely<Database>,
  args: { responseId: number; lastPage: number; company: CompanyInput | null; person: PersonInput; consents: ConsentInput[]; now: string },
): Promise<{ personId: number; companyId: number | null } | false> {
  const claimed = await db
    .updateTable("responses")
    .set({ status: "complete", current_page: args.lastPage, completed_at: args.now, updated_at: args.now })
    .where("id", "=", args.responseId)
    .where("status", "=", "partial")
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return false;

  // One email, one person: a known address gets this response (and its consents) added to them.
  let known = args.person.email
    ? await db
        .selectFrom("people")
        .select(["id", "company_id", "name", "job_title", "merged_into_id"])
        .where("email", "=", args.person.email)
        .orderBy("id")
        .limit(1)
        .executeTakeFirst()
    : undefined;
  // A person merged into another (ADR 0402) keeps their address on their row: their new answers go to the kept person.
  for (let hops = 0; known?.merged_into_id != null && hops < 10; hops++) {
    known = await db
      .selectFrom("people")
      .select(["id", "company_id", "name", "job_title", "merged_into_id"])
      .where("id", "=", known.merged_into_id)
      .executeTakeFirst();
  }
  let companyId: number | null = known?.company_id ?? null;
  if (args.company && companyId === null) {
    const row = await db
      .insertInto("companies")
      .values({
        name: args.company.name,
        industry: args.company.industry,
        region: args.company.region,
        site_count: args.company.siteCount,
        created_at: args.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    companyId = row.id;
  }
  let person: { id: number };
  if (known) {
    person = { id: known.id };
    await db
      .updateTable("people")
      .set({ company_id: companyId, name: known.name ?? args.person.name, job_title: known.job_title ?? args.person.jobTitle })
      .where("id", "=", known.id)
      .execute();
  } else {
    person = await db
      .insertInto("people")
      .values({
        company_id: companyId,
        email: args.person.email,
        name: args.person.name,
        job_title: args.person.jobTitle,
        source: args.person.source,
        utm_source: args.person.utmSource,
        utm_campaign: args.person.utmCampaign,
        rep: args.person.rep,
        owner_user_id: null,
        created_at: args.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  }
  await db.updateTable("responses").set({ person_id: person.id }).where("id", "=", args.responseId).execute();
  if (args.consents.length) {
    await db
      .insertInto("consents")
      .values(
        args.consents.map((c) => ({
          person_id: person.id,
          response_id: args.responseId,
          purpose: c.purpose,
          status: c.status,
          wording: c.wording,
          wording_version: c.wordingVersion,
          actor: c.actor,
          captured_at: args.now,
          withdrawn_at: null,
          pending: c.pending ? 1 : 0,
        })),
      )
      .execute();
  }
  return { personId: person.id, companyId };
}

/** What tells whether a cached survey is still current: its id, status and last edit. */
export async function surveyHeadBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Pick<Survey, "id" | "status" | "updated_at"> | undefined> {
  return db.selectFrom("surveys").select(["id", "updated_at", "status"]).where("slug", "=", slug).executeTakeFirst();
}

/**
 * The survey and its questions for the public form in one round trip (a left join; a survey
 * without questions comes back with none).
 */
export async function loadSurveyForAnswering(
  db: Kysely<Database>,
  slug: string,
): Promise<{ survey: Survey; questions: Question[] } | undefined> {
  const rows = await db
    .selectFrom("surveys as s")
    .leftJoin("questions as q", "q.survey_id", "s.id")
    .select([
      "s.id as s_id",
      "s.slug",
      "s.title",
      "s.intro",
      "s.status",
      "s.template",
      "s.template_vars",
      "s.closes_at",
      "s.max_responses",
      "s.one_at_a_time",
      "s.created_by",
      "s.created_at",
      "s.updated_at",
      "s.published_at",
      "q.id as q_id",
      "q.position",
      "q.page",
      "q.kind",
      "q.prompt",
      "q.help_text",
      "q.options",
      "q.allow_other",
      "q.required",
      "q.role",
      "q.logic",
    ])
    .where("s.slug", "=", slug)
    .orderBy("q.position")
    .execute();
  if (!rows.length) return undefined;
  const first = rows[0];
  const survey: Survey = {
    id: first.s_id,
    slug: first.slug,
    title: first.title,
    intro: first.intro,
    status: first.status,
    template: first.template,
    template_vars: first.template_vars,
    closes_at: first.closes_at,
    max_responses: first.max_responses,
    one_at_a_time: Number(first.one_at_a_time),
    created_by: first.created_by,
    created_at: first.created_at,
    updated_at: first.updated_at,
    published_at: first.published_at,
  };
  const questions: Question[] = [];
  for (const r of rows) {
    if (r.q_id === null) continue;
    questions.push({
      id: r.q_id,
      survey_id: first.s_id,
      position: r.position!,
      page: r.page!,
      kind: r.kind!,
      prompt: r.prompt!,
      help_text: r.help_text!,
      options: r.options!,
      allow_other: r.allow_other!,
      required: r.required!,
      role: r.role,
      logic: r.logic,
    });
  }
  return { survey, questions };
}
