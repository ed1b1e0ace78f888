import type { Kysely } from "kysely";
import type { Band, Database } from "../schema.js";
import { chunks, parseJson } from "./util.js";

/**
 * What the validation study report (issue 16) reads and writes beyond the answers, which it reads
 * through loadRoleAnswers/loadScopeResponses (themes.ts) like the analysis does: the versioned
 * go/no-go rule, share links, trigger mentions per response and the readiness band per person.
 */

export interface VerdictRuleVersion {
  id: number;
  version: number;
  definition: unknown;
  createdByName: string | null;
  createdAt: string;
}

export async function latestVerdictRule(db: Kysely<Database>): Promise<VerdictRuleVersion | undefined> {
  const row = await db
    .selectFrom("verdict_rules")
    .leftJoin("users", "users.id", "verdict_rules.created_by")
    .select(["verdict_rules.id", "version", "definition", "verdict_rules.created_at", "users.name as created_by_name"])
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        version: row.version,
        definition: parseJson<unknown>(row.definition, null),
        createdByName: row.created_by_name,
        createdAt: row.created_at,
      }
    : undefined;
}

/** A new version (current + 1); two saves at once: the unique version fails the second, which retries on top. */
export async function insertVerdictRule(db: Kysely<Database>, definition: unknown, createdBy: number | null): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const current = await latestVerdictRule(db);
    const version = (current?.version ?? 0) + 1;
    try {
      await db
        .insertInto("verdict_rules")
        .values({ version, definition: JSON.stringify(definition), created_by: createdBy, created_at: new Date().toISOString() })
        .execute();
      return version;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export interface ShareRow {
  id: number;
  surveyId: number;
  segment: string;
  expiresAt: string;
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
}

export async function insertShare(
  db: Kysely<Database>,
  share: { surveyId: number; tokenHash: string; segment: string; expiresAt: string; createdBy: number | null },
): Promise<void> {
  await db
    .insertInto("report_shares")
    .values({
      survey_id: share.surveyId,
      token_hash: share.tokenHash,
      segment: share.segment,
      expires_at: share.expiresAt,
      created_by: share.createdBy,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** A live share (not revoked, not expired at `now`) by its token's hash. */
export async function liveShareByHash(db: Kysely<Database>, tokenHash: string, now: string): Promise<ShareRow | undefined> {
  const row = await db
    .selectFrom("report_shares")
    .select(["id", "survey_id", "segment", "expires_at", "created_at", "revoked_at"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        surveyId: row.survey_id,
        segment: row.segment,
        expiresAt: row.expires_at,
        createdAt: row.created_at,
        createdByName: null,
        revokedAt: row.revoked_at,
      }
    : undefined;
}

export async function listShares(db: Kysely<Database>, surveyId: number): Promise<ShareRow[]> {
  const rows = await db
    .selectFrom("report_shares")
    .leftJoin("users", "users.id", "report_shares.created_by")
    .select([
      "report_shares.id",
      "report_shares.survey_id",
      "report_shares.segment",
      "report_shares.expires_at",
      "report_shares.created_at",
      "report_shares.revoked_at",
      "users.name as created_by_name",
    ])
    .where("report_shares.survey_id", "=", surveyId)
    .orderBy("report_shares.id", "desc")
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    surveyId: r.survey_id,
    segment: r.segment,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes one share of this survey; false when there is no such live share. */
export async function revokeShare(db: Kysely<Database>, surveyId: number, shareId: number, by: number): Promise<boolean> {
  const result = await db
    .updateTable("report_shares")
    .set({ revoked_at: new Date().toISOString(), revoked_by: by })
    .where("id", "=", shareId)
    .where("survey_id", "=", surveyId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface ResponseTrigger {
  responseId: number;
  type: string;
  timing: "past" | "upcoming" | "unknown";
}

/** Trigger types per complete response of a survey (from the runs' mentions: text and ticked choices), one row per type and timing. */
export async function triggersByResponse(db: Kysely<Database>, surveyId: number): Promise<ResponseTrigger[]> {
  const rows = await db
    .selectFrom("trigger_mentions as t")
    .innerJoin("responses as r", "r.id", "t.response_id")
    .select(["t.response_id", "t.trigger_type", "t.timing"])
    .where("r.status", "=", "complete")
    .where("r.survey_id", "=", surveyId)
    .groupBy(["t.response_id", "t.trigger_type", "t.timing"])
    .orderBy("t.response_id")
    .execute();
  return rows.map((r) => ({ responseId: r.response_id, type: r.trigger_type, timing: r.timing }));
}

/** The readiness band of each person, as scored under this profile (people scored under an older one are left out). */
export async function bandsUnderProfile(db: Kysely<Database>, personIds: readonly number[], profileId: number): Promise<Map<number, Band>> {
  const out = new Map<number, Band>();
  for (const ids of chunks([...new Set(personIds)], 400)) {
    if (!ids.length) continue;
    const rows = await db
      .selectFrom("assessments")
      .innerJoin("people", "people.id", "assessments.person_id")
      .select(["assessments.person_id", "assessments.band", "people.pipeline_status"])
      .where("assessments.person_id", "in", ids)
      .where("assessments.profile_id", "=", profileId)
      .execute();
    // A prospect sales rejected is not ready now, as on the prospects list.
    for (const r of rows) out.set(r.person_id, r.pipeline_status === "rejected" && r.band === "ready_now" ? "nurture" : r.band);
  }
  return out;
}
