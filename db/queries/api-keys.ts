import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** API keys are stored as a sha256 hash; the short prefix finds the row, the hash is compared in constant time by the caller. */
export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export async function insertApiKey(
  db: Kysely<Database>,
  args: { name: string; prefix: string; keyHash: string; createdBy: number | null },
): Promise<number> {
  const { id } = await db
    .insertInto("api_keys")
    .values({
      name: args.name,
      prefix: args.prefix,
      key_hash: args.keyHash,
      created_by: args.createdBy,
      created_at: new Date().toISOString(),
      revoked_at: null,
      last_used_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyRow[]> {
  const rows = await db
    .selectFrom("api_keys")
    .leftJoin("users", "users.id", "api_keys.created_by")
    .select([
      "api_keys.id",
      "api_keys.name",
      "api_keys.prefix",
      "api_keys.created_by",
      "users.name as created_by_name",
      "api_keys.created_at",
      "api_keys.revoked_at",
      "api_keys.last_used_at",
    ])
    .orderBy("api_keys.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}

/** Live (not revoked) keys with this prefix: usually one. */
async function liveKeysByPrefix(db: Kysely<Database>, prefix: string): Promise<Array<{ id: number; keyHash: string }>> {
  const rows = await db
    .selectFrom("api_keys")
    .select(["id", "key_hash"])
    .where("prefix", "=", prefix)
    .where("revoked_at", "is", null)
    .execute();
  return rows.map((r) => ({ id: r.id, keyHash: r.key_hash }));
}

export async function revokeApiKey(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable("api_keys")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function touchApiKey(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable("api_keys").set({ last_used_at: now }).where("id", "=", id).execute();
}

const API_KEY_PREFIX = "pm_";

/** A new key: `pm_` + 8-character lookup prefix + 32 random bytes. Only the hash is stored. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = crypto.randomBytes(6).toString("base64url").slice(0, 8);
  const key = `${API_KEY_PREFIX}${prefix}${crypto.randomBytes(32).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

/**
 * The key's id when it is live, else null. The presented key is hashed and compared with each
 * live candidate's hash by crypto.timingSafeEqual; a revoked key is never a candidate.
 */
export async function verifyApiKey(db: Kysely<Database>, presented: string | null | undefined): Promise<number | null> {
  if (!presented || presented.length > 200 || !presented.startsWith(API_KEY_PREFIX)) return null;
  const prefix = presented.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 8);
  if (prefix.length < 8) return null;
  const digest = Buffer.from(hashApiKey(presented), "hex");
  let match: number | null = null;
  for (const candidate of await liveKeysByPrefix(db, prefix)) {
    const stored = Buffer.from(candidate.keyHash, "hex");
    if (stored.length === digest.length && crypto.timingSafeEqual(stored, digest)) match = candidate.id;
  }
  return match;
}

/** `Authorization: Bearer pm_...` -> the key, or null. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1] : null;
}
