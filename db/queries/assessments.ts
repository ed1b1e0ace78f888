import type { Kysely } from "kysely";
import type { Band, Database } from "../schema.js";
import { themeLabel } from "./themes.js";
import { chunks, parseJson, parseStringList } from "./util.js";

/** One answer of a person, with the question's role: what the scoring reads. */
export interface PersonAnswer {
  personId: number;
  answerId: number;
  responseId: number;
  questionId: number;
  role: string | null;
  kind: string;
  prompt: string;
  position: number;
  text: string | null;
  number: number | null;
  choices: string[] | null;
  updatedAt: string;
}

const CHUNK = 400;

/** Every answer of these people across their responses, newest response first, then by position. */
export async function answersForPeople(db: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, PersonAnswer[]>> {
  const out = new Map<number, PersonAnswer[]>();
  for (const ids of chunks([...new Set(personIds)], CHUNK)) {
    if (!ids.length) continue;
    const rows = await db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .innerJoin("questions", "questions.id", "answers.question_id")
      .select([
        "responses.person_id",
        "answers.id as answer_id",
        "answers.response_id",
        "answers.question_id",
        "questions.role",
        "questions.kind",
        "questions.prompt",
        "questions.position",
        "answers.value_text",
        "answers.value_number",
        "answers.value_json",
        "answers.updated_at",
        "responses.updated_at as response_updated_at",
      ])
      .where("responses.person_id", "in", ids)
      .orderBy("responses.updated_at", "desc")
      .orderBy("responses.id", "desc")
      .orderBy("questions.position", "asc")
      .execute();
    for (const r of rows) {
      const choices = parseStringList(r.value_json);
      const personId = r.person_id as number;
      const list = out.get(personId) ?? [];
      list.push({
        personId,
        answerId: r.answer_id,
        responseId: r.response_id,
        questionId: r.question_id,
        role: r.role,
        kind: r.kind,
        prompt: r.prompt,
        position: r.position,
        text: r.value_text,
        number: r.value_number === null ? null : Number(r.value_number),
        choices,
        updatedAt: r.updated_at,
      });
      out.set(personId, list);
    }
  }
  return out;
}

/** People with at least one answer: everyone who gets a readiness score. */
export async function peopleWithAnswers(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom("responses")
    .select("responses.person_id")
    .distinct()
    .where("responses.person_id", "is not", null)
    .where((eb) => eb.exists(eb.selectFrom("answers").select("answers.id").whereRef("answers.response_id", "=", "responses.id")))
    .execute();
  return rows.map((r) => r.person_id as number).sort((a, b) => a - b);
}

export interface CompanyFacts {
  personId: number;
  industry: string | null;
  region: string | null;
  siteCount: number | null;
}

export async function companyFactsForPeople(db: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, CompanyFacts>> {
  const out = new Map<number, CompanyFacts>();
  for (const ids of chunks([...new Set(personIds)], CHUNK)) {
    if (!ids.length) continue;
    const rows = await db
      .selectFrom("people")
      .innerJoin("companies", "companies.id", "people.company_id")
      .select(["people.id", "companies.industry", "companies.region", "companies.site_count"])
      .where("people.id", "in", ids)
      .execute();
    for (const r of rows) out.set(r.id, { personId: r.id, industry: r.industry, region: r.region, siteCount: r.site_count });
  }
  return out;
}

export interface AssessmentWrite {
  personId: number;
  profileId: number;
  score: number;
  band: Band;
  reasons: unknown;
  parts: unknown;
  now: string;
}

export interface StoredAssessment {
  personId: number;
  profileId: number;
  score: number;
  band: Band;
  reasons: unknown;
  parts: unknown;
  computedAt: string;
  readySince: string | null;
}

/**
 * One assessment per person, replaced on every recompute. `ready_since` starts the follow-up clock
 * the first time someone is ready now and is kept while they stay ready.
 */
export async function upsertAssessment(db: Kysely<Database>, a: AssessmentWrite): Promise<void> {
  const values = {
    profile_id: a.profileId,
    score: a.score,
    band: a.band,
    reasons: JSON.stringify(a.reasons),
    parts: JSON.stringify(a.parts),
    computed_at: a.now,
    ready_since: a.band === "ready_now" ? a.now : null,
  };
  // One statement, no read first: a stored clock is kept when this write and the stored row are both ready now.
  await db
    .insertInto("assessments")
    .values({ person_id: a.personId, ...values })
    .onConflict((oc) =>
      oc.column("person_id").doUpdateSet((eb) => ({
        ...values,
        ready_since: eb
          .case()
          .when(
            eb.and([
              eb("excluded.band", "=", "ready_now"),
              eb("assessments.band", "=", "ready_now"),
              eb("assessments.ready_since", "is not", null),
            ]),
          )
          .then(eb.ref("assessments.ready_since"))
          .else(eb.ref("excluded.ready_since"))
          .end(),
      })),
    )
    .execute();
}

export async function assessmentFor(db: Kysely<Database>, personId: number): Promise<StoredAssessment | undefined> {
  const r = await db.selectFrom("assessments").selectAll().where("person_id", "=", personId).executeTakeFirst();
  return r
    ? {
        personId: r.person_id,
        profileId: r.profile_id,
        score: Number(r.score),
        band: r.band,
        reasons: parseJson<unknown>(r.reasons, []),
        parts: parseJson<unknown>(r.parts, {}),
        computedAt: r.computed_at,
        readySince: r.ready_since,
      }
    : undefined;
}

/** Themes of each person's answers (the board's clustering), best match first; hidden themes skipped. */
export async function themesForPeople(
  db: Kysely<Database>,
  personIds: readonly number[],
): Promise<Map<number, Array<{ themeId: number; label: string; quoteRank: number; answerId: number }>>> {
  const out = new Map<number, Array<{ themeId: number; label: string; quoteRank: number; answerId: number }>>();
  for (const ids of chunks([...new Set(personIds)], CHUNK)) {
    if (!ids.length) continue;
    const rows = await db
      .selectFrom("theme_members")
      .innerJoin("answers", "answers.id", "theme_members.answer_id")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .innerJoin("themes", "themes.id", "theme_members.theme_id")
      .leftJoin("themes as target", "target.id", "themes.merged_into_id")
      .select([
        "responses.person_id",
        "theme_members.answer_id",
        "theme_members.similarity",
        "themes.id as theme_id",
        "themes.label",
        "themes.custom_label",
        "themes.status",
        "themes.kind",
        "target.id as target_id",
        "target.label as target_label",
        "target.custom_label as target_custom_label",
        "target.status as target_status",
      ])
      .where("responses.person_id", "in", ids)
      .where("themes.kind", "=", "pain")
      .execute();
    for (const r of rows) {
      const merged = r.status === "merged" && r.target_id !== null;
      const status = merged ? r.target_status : r.status;
      if (status === "hidden" || (r.status === "merged" && !merged)) continue;
      const themeId = merged ? (r.target_id as number) : r.theme_id;
      const label = merged ? themeLabel({ label: r.target_label ?? "", custom_label: r.target_custom_label }) : themeLabel(r);
      const personId = r.person_id as number;
      const list = out.get(personId) ?? [];
      if (!list.some((t) => t.themeId === themeId)) list.push({ themeId, label, quoteRank: Number(r.similarity), answerId: r.answer_id });
      out.set(personId, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.quoteRank - a.quoteRank);
  return out;
}

/** Band and score per person before a re-scoring: what tells a change (and a webhook) from a recompute. */
export async function bandsOf(db: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, { band: string; score: number }>> {
  if (!personIds.length) return new Map();
  const rows = await db
    .selectFrom("assessments")
    .select(["person_id", "band", "score"])
    .where("person_id", "in", [...personIds])
    .execute();
  return new Map(rows.map((r) => [r.person_id, { band: r.band, score: Number(r.score) }]));
}
