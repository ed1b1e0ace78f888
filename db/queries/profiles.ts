import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { parseJson } from "./util.js";

/** Qualification profiles are versioned: every save is a new row; the highest version is current. */
export interface ProfileVersion {
  id: number;
  version: number;
  definition: unknown;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

function toVersion(row: {
  id: number;
  version: number;
  definition: string;
  created_by: number | null;
  created_at: string;
  created_by_name?: string | null;
}): ProfileVersion {
  const definition = parseJson<unknown>(row.definition, null);
  return {
    id: row.id,
    version: row.version,
    definition,
    createdBy: row.created_by,
    createdByName: row.created_by_name ?? null,
    createdAt: row.created_at,
  };
}

export async function latestProfile(db: Kysely<Database>): Promise<ProfileVersion | undefined> {
  const row = await db
    .selectFrom("qualification_profiles")
    .leftJoin("users", "users.id", "qualification_profiles.created_by")
    .select([
      "qualification_profiles.id",
      "version",
      "definition",
      "created_by",
      "qualification_profiles.created_at",
      "users.name as created_by_name",
    ])
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export async function listProfileVersions(db: Kysely<Database>, limit = 20): Promise<ProfileVersion[]> {
  const rows = await db
    .selectFrom("qualification_profiles")
    .leftJoin("users", "users.id", "qualification_profiles.created_by")
    .select([
      "qualification_profiles.id",
      "version",
      "definition",
      "created_by",
      "qualification_profiles.created_at",
      "users.name as created_by_name",
    ])
    .orderBy("version", "desc")
    .limit(limit)
    .execute();
  return rows.map(toVersion);
}

/**
 * Saves a new version (current + 1). Two admins saving at once: the unique version makes the
 * second insert fail, and it retries on top of the first.
 */
export async function insertProfileVersion(db: Kysely<Database>, definition: unknown, createdBy: number | null): Promise<ProfileVersion> {
  for (let attempt = 0; ; attempt++) {
    const current = await latestProfile(db);
    const version = (current?.version ?? 0) + 1;
    try {
      const now = new Date().toISOString();
      const { id } = await db
        .insertInto("qualification_profiles")
        .values({ version, definition: JSON.stringify(definition), created_by: createdBy, created_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id, version, definition, createdBy, createdByName: null, createdAt: now };
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
