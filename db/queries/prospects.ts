import type { Kysely } from "kysely";
import type { Band, Database, PersonSource, PipelineStatus } from "../schema.js";
import { notUnsubscribed, optedInToNurture } from "./consents.js";
import { parseJson } from "./util.js";

/**
 * Prospects: people with an assessment. Everything that lists people for contact excludes those
 * who unsubscribed, at query time (`notUnsubscribed`), so an opt-out takes effect at once.
 */
export interface ProspectRow {
  personId: number;
  name: string | null;
  email: string | null;
  jobTitle: string | null;
  source: PersonSource;
  utmSource: string | null;
  utmCampaign: string | null;
  rep: string | null;
  ownerUserId: number | null;
  ownerName: string | null;
  pipelineStatus: PipelineStatus;
  rejectReason: string | null;
  contactedAt: string | null;
  statusChangedAt: string | null;
  createdAt: string;
  companyName: string | null;
  industry: string | null;
  region: string | null;
  siteCount: number | null;
  score: number;
  band: Band;
  reasons: unknown;
  parts: unknown;
  computedAt: string;
  readySince: string | null;
  profileId: number;
  profileVersion: number | null;
  /** the latest closed opportunity's outcome, if any: won or lost ends the pipeline */
  outcome: "won" | "lost" | null;
}

export interface ProspectQuery {
  bands?: Band[];
  personIds?: number[];
  onlyNurtureOptIn?: boolean;
  /** people who unsubscribed are left out unless this is set (a person's own page) */
  includeUnsubscribed?: boolean;
  /** API pages (ADR 0701): people after this id, in id order, at most `limit` */
  afterPersonId?: number;
  limit?: number;
  /** rescored, or their pipeline status or contact changed, at or after this instant */
  updatedSince?: string;
  orderById?: boolean;
}

/** Highest score first; ties by newest (the views then order by band first: prospect-views.server.ts). */
export async function listProspectRows(db: Kysely<Database>, q: ProspectQuery = {}): Promise<ProspectRow[]> {
  let query = db
    .selectFrom("assessments")
    .innerJoin("people", "people.id", "assessments.person_id")
    .leftJoin("companies", "companies.id", "people.company_id")
    .leftJoin("users as owner", "owner.id", "people.owner_user_id")
    .leftJoin("qualification_profiles as profile", "profile.id", "assessments.profile_id")
    .select([
      "people.id as personId",
      "people.name",
      "people.email",
      "people.job_title as jobTitle",
      "people.source",
      "people.utm_source as utmSource",
      "people.utm_campaign as utmCampaign",
      "people.rep",
      "people.owner_user_id as ownerUserId",
      "owner.name as ownerName",
      "people.pipeline_status as pipelineStatus",
      "people.reject_reason as rejectReason",
      "people.contacted_at as contactedAt",
      "people.status_changed_at as statusChangedAt",
      "people.created_at as createdAt",
      "companies.name as companyName",
      "companies.industry",
      "companies.region",
      "companies.site_count as siteCount",
      "assessments.score",
      "assessments.band",
      "assessments.reasons",
      "assessments.parts",
      "assessments.computed_at as computedAt",
      "assessments.ready_since as readySince",
      "assessments.profile_id as profileId",
      "profile.version as profileVersion",
      (eb) =>
        eb
          .selectFrom("opportunities as opp")
          .select("opp.outcome")
          .whereRef("opp.person_id", "=", "people.id")
          .where("opp.outcome", "is not", null)
          .orderBy("opp.closed_at", "desc")
          .orderBy("opp.id", "desc")
          .limit(1)
          .as("outcome"),
    ]);
  if (!q.includeUnsubscribed) query = query.where(notUnsubscribed);
  if (q.onlyNurtureOptIn) query = query.where(optedInToNurture);
  if (q.bands?.length) query = query.where("assessments.band", "in", q.bands);
  if (q.personIds) {
    if (!q.personIds.length) return [];
    query = query.where("people.id", "in", q.personIds);
  }
  if (q.afterPersonId !== undefined) query = query.where("people.id", ">", q.afterPersonId);
  const since = q.updatedSince;
  if (since !== undefined)
    query = query.where((eb) =>
      eb.or([
        eb("assessments.computed_at", ">=", since),
        eb("people.status_changed_at", ">=", since),
        eb("people.contacted_at", ">=", since),
      ]),
    );
  query = q.orderById ? query.orderBy("people.id") : query.orderBy("assessments.score", "desc").orderBy("people.id", "desc");
  if (q.limit !== undefined) query = query.limit(q.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    ...r,
    pipelineStatus: r.pipelineStatus as PipelineStatus,
    outcome: (r.outcome ?? null) as "won" | "lost" | null,
    score: Number(r.score),
    reasons: parseJson<unknown>(r.reasons, []),
    parts: parseJson<unknown>(r.parts, {}),
  }));
}

export async function prospectRow(db: Kysely<Database>, personId: number): Promise<ProspectRow | undefined> {
  return (await listProspectRows(db, { personIds: [personId], includeUnsubscribed: true }))[0];
}

export async function personExists(db: Kysely<Database>, personId: number): Promise<boolean> {
  return Boolean(await db.selectFrom("people").select("id").where("id", "=", personId).executeTakeFirst());
}

/** Accept or reject: the status, who decided when, and (first time) when sales got in touch. */
export async function setPipelineStatus(
  db: Kysely<Database>,
  args: { personId: number; status: PipelineStatus; reason: string | null; now: string },
): Promise<void> {
  await db
    .updateTable("people")
    .set({ pipeline_status: args.status, reject_reason: args.status === "rejected" ? args.reason : null, status_changed_at: args.now })
    .where("id", "=", args.personId)
    .execute();
  await markContacted(db, args.personId, args.now);
}

/** The first contact counts for the follow-up rate; later ones do not move it. */
export async function markContacted(db: Kysely<Database>, personId: number, now: string): Promise<void> {
  await db.updateTable("people").set({ contacted_at: now }).where("id", "=", personId).where("contacted_at", "is", null).execute();
}

export async function setOwner(db: Kysely<Database>, personId: number, ownerUserId: number | null): Promise<void> {
  await db.updateTable("people").set({ owner_user_id: ownerUserId }).where("id", "=", personId).execute();
}

/** Staff who can own a prospect (admin and sales, enabled). */
export async function listOwners(db: Kysely<Database>): Promise<Array<{ id: number; name: string; role: string }>> {
  return db
    .selectFrom("users")
    .select(["id", "name", "role"])
    .where("role", "in", ["admin", "sales"])
    .where("disabled_at", "is", null)
    .orderBy("name")
    .execute();
}

export interface ReadyPersonFacts {
  personId: number;
  band: Band;
  readySince: string | null;
  contactedAt: string | null;
  pipelineStatus: PipelineStatus;
  parts: unknown;
  source: PersonSource;
}

/** Everyone assessed, for the plan's evaluation (follow-up rate, near misses). */
export async function assessedPeopleFacts(db: Kysely<Database>): Promise<ReadyPersonFacts[]> {
  const rows = await db
    .selectFrom("assessments")
    .innerJoin("people", "people.id", "assessments.person_id")
    .select([
      "people.id as personId",
      "assessments.band",
      "assessments.ready_since as readySince",
      "people.contacted_at as contactedAt",
      "people.pipeline_status as pipelineStatus",
      "assessments.parts",
      "people.source",
    ])
    .execute();
  return rows.map((r) => ({ ...r, pipelineStatus: r.pipelineStatus as PipelineStatus, parts: parseJson<unknown>(r.parts, {}) }));
}
