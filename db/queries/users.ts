import type { Kysely } from "kysely";
import type { Database, Role, User } from "../schema.js";

export type PublicUser = Pick<User, "id" | "email" | "name" | "role">;

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<Array<PublicUser & { created_at: string; disabled_at: string | null }>> {
  return db.selectFrom("users").select(["id", "email", "name", "role", "created_at", "disabled_at"]).orderBy("id").execute();
}

export async function createUser(
  db: Kysely<Database>,
  user: { email: string; name: string; role: Role; passwordHash: string },
): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({
      email: user.email.trim().toLowerCase(),
      name: user.name.trim(),
      role: user.role,
      password_hash: user.passwordHash,
      created_at: new Date().toISOString(),
      disabled_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setUserRole(db: Kysely<Database>, userId: number, role: Role): Promise<void> {
  await db.updateTable("users").set({ role }).where("id", "=", userId).execute();
}

export async function setUserDisabled(db: Kysely<Database>, userId: number, disabled: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ disabled_at: disabled ? new Date().toISOString() : null })
      .where("id", "=", userId)
      .execute();
    // A disabled account must lose its open sessions at once.
    if (disabled) await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  });
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
