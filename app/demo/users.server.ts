import type { Kysely } from "kysely";
import type { Database, Role } from "../../db/schema.js";
import { createUser, findUserByEmail } from "../../db/queries/users.js";
import { hashPassword } from "../utils/password.server.js";

/** Well-known demo accounts: printed by `npm run demo`; never use them in production. */
export const DEMO_USERS: Array<{ email: string; name: string; role: Role; password: string }> = [
  { email: "admin@painmap.test", name: "Avery Admin", role: "admin", password: "demo-admin-pass" },
  { email: "marketer@painmap.test", name: "Morgan Marketer", role: "marketer", password: "demo-marketer-pass" },
  { email: "sales@painmap.test", name: "Sam Sales", role: "sales", password: "demo-sales-pass" },
];

export async function seedDemoUsers(db: Kysely<Database>): Promise<Record<Role, number>> {
  const ids = {} as Record<Role, number>;
  for (const user of DEMO_USERS) {
    const existing = await findUserByEmail(db, user.email);
    ids[user.role] = existing?.id ?? (await createUser(db, { ...user, passwordHash: await hashPassword(user.password) }));
  }
  return ids;
}
