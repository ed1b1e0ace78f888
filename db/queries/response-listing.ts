import type { Expression, ExpressionBuilder, Kysely, SqlBool } from "kysely";
import type { Answer, Database, PersonSource, ResponseStatus } from "../schema.js";
import { parseJson, parseStringList } from "./util.js";

/**
 * The marketer's read side of responses: the filtered table and one response in full (the export
 * is response-export.ts).
 * Every list is batched: answers come with one query per page or batch of response ids, never one
 * query per response.
 */

export interface ResponseFilters {
  status?: ResponseStatus;
  source?: PersonSource;
  surveyId?: number;
  /** inclusive calendar days, YYYY-MM-DD (UTC), on the start date */
  from?: string;
  to?: string;
}

export const PAGE_SIZE = 50;
const PREVIEW_LENGTH = 140;

/** The day after a YYYY-MM-DD date, as YYYY-MM-DD (UTC). */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The filters as one WHERE expression on `responses` (usable in joined queries too). */
export function matchingResponses(filters: ResponseFilters) {
  return (eb: ExpressionBuilder<Database, "responses">) => {
    const parts: Expression<SqlBool>[] = [];
    if (filters.status) parts.push(eb("responses.status", "=", filters.status));
    if (filters.source) parts.push(eb("responses.source", "=", filters.source));
    if (filters.surveyId !== undefined) parts.push(eb("responses.survey_id", "=", filters.surveyId));
    // ISO timestamps compare as text on both databases: "2026-01-02" <= "2026-01-02T09:..." < "2026-01-03".
    if (filters.from) parts.push(eb("responses.started_at", ">=", filters.from));
    if (filters.to) parts.push(eb("responses.started_at", "<", nextDay(filters.to)));
    return eb.and(parts);
  };
}

export async function countResponses(db: Kysely<Database>, filters: ResponseFilters): Promise<number> {
  const row = await db
    .selectFrom("responses")
    .where(matchingResponses(filters))
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface ResponseListRow {
  id: number;
  surveyId: number;
  surveyTitle: string;
  status: ResponseStatus;
  source: PersonSource;
  utmSource: string | null;
  utmCampaign: string | null;
  rep: string | null;
  origin: string;
  currentPage: number;
  startedAt: string;
  completedAt: string | null;
  personId: number | null;
  personName: string | null;
  personEmail: string | null;
  company: string | null;
  painPreview: string | null;
}

export function baseRows(db: Kysely<Database>) {
  return db
    .selectFrom("responses")
    .innerJoin("surveys", "surveys.id", "responses.survey_id")
    .leftJoin("people", "people.id", "responses.person_id")
    .leftJoin("companies", "companies.id", "people.company_id")
    .select([
      "responses.id as id",
      "responses.survey_id as surveyId",
      "surveys.title as surveyTitle",
      "responses.status as status",
      "responses.source as source",
      "responses.utm_source as utmSource",
      "responses.utm_campaign as utmCampaign",
      "responses.rep as rep",
      "responses.origin as origin",
      "responses.current_page as currentPage",
      "responses.started_at as startedAt",
      "responses.completed_at as completedAt",
      "responses.meta as meta",
      "responses.person_id as personId",
      "people.name as personName",
      "people.email as personEmail",
      "companies.name as company",
    ]);
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…` : flat;
}

/** One page of the table, newest first, with the first pain-story answer of each row (one extra query). */
export async function listResponses(
  db: Kysely<Database>,
  filters: ResponseFilters,
  page = 1,
  pageSize = PAGE_SIZE,
): Promise<ResponseListRow[]> {
  const rows = await baseRows(db)
    .where(matchingResponses(filters))
    .orderBy("responses.started_at", "desc")
    .orderBy("responses.id", "desc")
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize)
    .execute();
  if (rows.length === 0) return [];
  const stories = await db
    .selectFrom("answers")
    .innerJoin("questions", "questions.id", "answers.question_id")
    .select(["answers.response_id as responseId", "answers.value_text as text", "questions.position as position"])
    .where("questions.role", "=", "pain_story")
    .where(
      "answers.response_id",
      "in",
      rows.map((r) => r.id),
    )
    .where("answers.value_text", "is not", null)
    .orderBy("questions.position")
    .execute();
  const firstStory = new Map<number, string>();
  for (const s of stories) if (s.text && s.text.trim() && !firstStory.has(s.responseId)) firstStory.set(s.responseId, s.text);
  return rows.map(({ meta: _meta, ...r }) => ({
    ...r,
    status: r.status as ResponseStatus,
    source: r.source as PersonSource,
    painPreview: firstStory.has(r.id) ? preview(firstStory.get(r.id)!) : null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Answer values

export type AnswerValue = string | number | string[] | null;

/**
 * The typed value of an answer: chosen options (multiple choice) as a list, numbers as numbers,
 * consents as "yes"/"no", text as text. A missing answer is null.
 */
export function answerValue(kind: string, answer: Pick<Answer, "value_text" | "value_number" | "value_json"> | undefined): AnswerValue {
  if (!answer) return null;
  const list = parseStringList(answer.value_json);
  if (list) return list;
  if (kind === "consent") {
    if (answer.value_number !== null) return Number(answer.value_number) === 1 ? "yes" : "no";
    if (answer.value_text !== null) return /^(1|yes|true|on|opted_in)$/i.test(answer.value_text.trim()) ? "yes" : "no";
    return null;
  }
  if (answer.value_number !== null && answer.value_number !== undefined) return Number(answer.value_number);
  return answer.value_text;
}

// ---------------------------------------------------------------------------------------------
// One response in full

export interface ResponseDetail {
  response: Omit<ResponseListRow, "painPreview"> & {
    meta: Record<string, unknown>;
    updatedAt: string;
    personId: number | null;
    pageCount: number;
  };
  person: {
    id: number;
    name: string | null;
    email: string | null;
    jobTitle: string | null;
    source: string;
  } | null;
  company: { name: string; industry: string | null; region: string | null; siteCount: number | null } | null;
  answers: Array<{
    questionId: number;
    answerId: number | null;
    position: number;
    page: number;
    kind: string;
    prompt: string;
    role: string | null;
    value: AnswerValue;
    answered: boolean;
  }>;
  consents: Array<{
    purpose: string;
    status: string;
    wording: string;
    wordingVersion: string;
    capturedAt: string;
    withdrawnAt: string | null;
    fromThisResponse: boolean;
  }>;
}

function parseMeta(text: string): Record<string, unknown> {
  const parsed = parseJson<unknown>(text, {});
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

export async function getResponseDetail(db: Kysely<Database>, id: number): Promise<ResponseDetail | undefined> {
  const row = await baseRows(db)
    .select([
      "responses.person_id as personId",
      "responses.updated_at as updatedAt",
      "people.job_title as personJobTitle",
      "people.source as personSource",
      "companies.industry as companyIndustry",
      "companies.region as companyRegion",
      "companies.site_count as companySiteCount",
    ])
    .where("responses.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [questions, answers, consents] = await Promise.all([
    db.selectFrom("questions").selectAll().where("survey_id", "=", row.surveyId).orderBy("position").execute(),
    db.selectFrom("answers").selectAll().where("response_id", "=", id).execute(),
    db
      .selectFrom("consents")
      .selectAll()
      .where((eb) =>
        row.personId === null ? eb("response_id", "=", id) : eb.or([eb("response_id", "=", id), eb("person_id", "=", row.personId)]),
      )
      .orderBy("captured_at")
      .orderBy("id")
      .execute(),
  ]);
  const byQuestion = new Map(answers.map((a) => [a.question_id, a]));
  const { meta, personJobTitle, personSource, companyIndustry, companyRegion, companySiteCount, ...rest } = row;
  return {
    response: {
      ...rest,
      status: rest.status as ResponseStatus,
      source: rest.source as PersonSource,
      meta: parseMeta(meta),
      pageCount: questions.reduce((max, q) => Math.max(max, q.page), 0),
    },
    person:
      row.personId !== null
        ? { id: row.personId, name: row.personName, email: row.personEmail, jobTitle: personJobTitle, source: personSource ?? "unknown" }
        : null,
    company:
      row.company !== null ? { name: row.company, industry: companyIndustry, region: companyRegion, siteCount: companySiteCount } : null,
    answers: questions.map((q) => {
      const value = answerValue(q.kind, byQuestion.get(q.id));
      return {
        questionId: q.id,
        answerId: byQuestion.get(q.id)?.id ?? null,
        position: q.position,
        page: q.page,
        kind: q.kind,
        prompt: q.prompt,
        role: q.role,
        value,
        answered: value !== null && !(Array.isArray(value) && value.length === 0) && value !== "",
      };
    }),
    consents: consents.map((c) => ({
      purpose: c.purpose,
      status: c.status,
      wording: c.wording,
      wordingVersion: c.wording_version,
      capturedAt: c.captured_at,
      withdrawnAt: c.withdrawn_at,
      fromThisResponse: c.response_id === id,
    })),
  };
}
