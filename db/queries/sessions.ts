import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { PublicUser } from "./users.js";

export async function insertSession(db: Kysely<Database>, session: { idHash: string; userId: number; expiresAt: Date }): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      created_at: new Date().toISOString(),
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

/** The live session's user, or undefined when the session is unknown, expired or the user disabled. */
export async function findSessionUser(db: Kysely<Database>, idHash: string, now = new Date()): Promise<PublicUser | undefined> {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "users.name", "users.role"])
    .where("sessions.id_hash", "=", idHash)
    .where("sessions.expires_at", ">", now.toISOString())
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
}
