import type { Kysely, Selectable, Transaction } from "kysely";
import type { AssessmentsTable, Database, PeopleTable } from "../schema.js";
import { parseJson } from "./util.js";

/** Person merges (migration 0015, ADR 0402): SQL and row mapping only; the rules are in app/prospects/person-merge*.ts. */

export type PersonRecord = Selectable<PeopleTable>;
export type AssessmentRecord = Selectable<AssessmentsTable>;

/** Everything that belongs to one person: their row, their assessment and the ids of the rows that hang off them. */
export interface PersonState {
  person: PersonRecord;
  assessment: AssessmentRecord | null;
  responseIds: number[];
  consentIds: number[];
  opportunityIds: number[];
  answerCount: number;
  /** the latest change to any of their answers: part of the preview's fingerprint */
  answersUpdatedAt: string | null;
  correctionCount: number;
}

/** What a merge record keeps: both people as they were just before, so an undo puts back exactly that. */
export interface MergeSnapshot {
  kept: PersonState;
  merged: PersonState;
}

export interface DuplicateCandidateRow {
  personId: number;
  name: string | null;
  email: string | null;
  jobTitle: string | null;
  companyName: string | null;
}

/** People who are not merged into anyone and have answered (or been imported): the ones a duplicate can be among. */
export async function duplicateCandidates(db: Kysely<Database>): Promise<DuplicateCandidateRow[]> {
  return db
    .selectFrom("people")
    .leftJoin("companies", "companies.id", "people.company_id")
    .where("people.merged_into_id", "is", null)
    .where((eb) => eb.exists(eb.selectFrom("responses").select("responses.id").whereRef("responses.person_id", "=", "people.id")))
    .select(["people.id as personId", "people.name", "people.email", "people.job_title as jobTitle", "companies.name as companyName"])
    .orderBy("people.id")
    .execute();
}

export async function personState(db: Kysely<Database>, personId: number): Promise<PersonState | null> {
  const person = await db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirst();
  if (!person) return null;
  const [assessment, responses, consents, opportunities, answers, corrections] = await Promise.all([
    db.selectFrom("assessments").selectAll().where("person_id", "=", personId).executeTakeFirst(),
    db.selectFrom("responses").select("id").where("person_id", "=", personId).orderBy("id").execute(),
    db.selectFrom("consents").select("id").where("person_id", "=", personId).orderBy("id").execute(),
    db.selectFrom("opportunities").select("id").where("person_id", "=", personId).orderBy("id").execute(),
    db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .where("responses.person_id", "=", personId)
      .select((eb) => [eb.fn.countAll<number | string>().as("n"), eb.fn.max("answers.updated_at").as("latest")])
      .executeTakeFirst(),
    db
      .selectFrom("trigger_corrections")
      .innerJoin("answers", "answers.id", "trigger_corrections.answer_id")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .where("responses.person_id", "=", personId)
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirst(),
  ]);
  return {
    person,
    assessment: assessment ?? null,
    responseIds: responses.map((r) => r.id),
    consentIds: consents.map((r) => r.id),
    opportunityIds: opportunities.map((r) => r.id),
    answerCount: Number(answers?.n ?? 0),
    answersUpdatedAt: (answers?.latest as string | null | undefined) ?? null,
    correctionCount: Number(corrections?.n ?? 0),
  };
}

/** Moves every response (with its answers and trigger corrections), consent and opportunity of one person to another. */
export async function moveOwnedRows(
  trx: Transaction<Database>,
  args: { from: number; to: number; responseIds: number[]; consentIds: number[]; opportunityIds: number[] },
): Promise<void> {
  const move = async (table: "responses" | "consents" | "opportunities", ids: number[]) => {
    if (!ids.length) return;
    await trx.updateTable(table).set({ person_id: args.to }).where("person_id", "=", args.from).where("id", "in", ids).execute();
  };
  await move("responses", args.responseIds);
  await move("consents", args.consentIds);
  await move("opportunities", args.opportunityIds);
}

/**
 * Writes a person's row to the given values (every column but the id). With `onlyIfUnmerged`, only
 * while nobody has merged them meanwhile (false when someone did: two merges of one person at once).
 */
export async function writePerson(trx: Transaction<Database>, person: PersonRecord, onlyIfUnmerged = false): Promise<boolean> {
  const { id, ...values } = person;
  let q = trx.updateTable("people").set(values).where("id", "=", id);
  if (onlyIfUnmerged) q = q.where("merged_into_id", "is", null);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/** Puts both people's assessments back as they were (or none, if they had none). */
export async function restoreAssessments(trx: Transaction<Database>, personIds: number[], rows: AssessmentRecord[]): Promise<void> {
  await trx.deleteFrom("assessments").where("person_id", "in", personIds).execute();
  for (const row of rows) await trx.insertInto("assessments").values(row).execute();
}

export async function deleteAssessment(trx: Transaction<Database>, personId: number): Promise<void> {
  await trx.deleteFrom("assessments").where("person_id", "=", personId).execute();
}

export async function insertMerge(
  trx: Transaction<Database>,
  args: { keptId: number; mergedId: number; by: number; now: string; snapshot: MergeSnapshot },
): Promise<number> {
  const row = await trx
    .insertInto("person_merges")
    .values({
      kept_person_id: args.keptId,
      merged_person_id: args.mergedId,
      merged_by: args.by,
      merged_at: args.now,
      snapshot: JSON.stringify(args.snapshot),
      undone_by: null,
      undone_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface MergeRecord {
  id: number;
  keptId: number;
  mergedId: number;
  mergedBy: number | null;
  mergedByName: string | null;
  mergedAt: string;
  undoneBy: number | null;
  undoneByName: string | null;
  undoneAt: string | null;
  snapshot: MergeSnapshot;
}

function mergeQuery(db: Kysely<Database>) {
  return db
    .selectFrom("person_merges as m")
    .leftJoin("users as by", "by.id", "m.merged_by")
    .leftJoin("users as undoer", "undoer.id", "m.undone_by")
    .select([
      "m.id",
      "m.kept_person_id as keptId",
      "m.merged_person_id as mergedId",
      "m.merged_by as mergedBy",
      "by.name as mergedByName",
      "m.merged_at as mergedAt",
      "m.undone_by as undoneBy",
      "undoer.name as undoneByName",
      "m.undone_at as undoneAt",
      "m.snapshot",
    ]);
}

function toRecord(r: Awaited<ReturnType<ReturnType<typeof mergeQuery>["executeTakeFirstOrThrow"]>>): MergeRecord {
  return { ...r, snapshot: parseJson<MergeSnapshot>(r.snapshot, {} as MergeSnapshot) };
}

export async function mergeById(db: Kysely<Database>, id: number): Promise<MergeRecord | null> {
  const row = await mergeQuery(db).where("m.id", "=", id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The newest merges first. */
export async function recentMerges(db: Kysely<Database>, limit = 20): Promise<MergeRecord[]> {
  return (await mergeQuery(db).orderBy("m.id", "desc").limit(limit).execute()).map(toRecord);
}

/** Whether a merge made after this one (and not undone) involves either person: undoing this one first would not restore exactly. */
export async function laterMergeInvolving(db: Kysely<Database>, mergeId: number, personIds: number[]): Promise<boolean> {
  const row = await db
    .selectFrom("person_merges")
    .select("id")
    .where("id", ">", mergeId)
    .where("undone_at", "is", null)
    .where((eb) => eb.or([eb("kept_person_id", "in", personIds), eb("merged_person_id", "in", personIds)]))
    .executeTakeFirst();
  return Boolean(row);
}

export async function markUndone(trx: Transaction<Database>, mergeId: number, by: number, now: string): Promise<boolean> {
  const r = await trx
    .updateTable("person_merges")
    .set({ undone_by: by, undone_at: now })
    .where("id", "=", mergeId)
    .where("undone_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Who this person was merged into, if anyone (their page sends staff there: old links keep working). */
export async function mergedInto(db: Kysely<Database>, personId: number): Promise<number | null> {
  const row = await db.selectFrom("people").select("merged_into_id").where("id", "=", personId).executeTakeFirst();
  return row?.merged_into_id ?? null;
}
