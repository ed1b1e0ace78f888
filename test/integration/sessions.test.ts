import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { deleteExpiredSessions, deleteSession, findSessionUser, insertSession } from "../../db/queries/sessions.js";
import { countAdmins, createUser, findUserByEmail, setUserDisabled, setUserRole } from "../../db/queries/users.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

describe.each(DATABASE_KINDS)("users and sessions on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase(kind);
  });
  afterAll(async () => handle.close());

  it("finds users by email case-insensitively and counts admins", async () => {
    const id = await createUser(handle.db, { email: "Ada@Example.COM ", name: "Ada", role: "admin", passwordHash: "h" });
    expect((await findUserByEmail(handle.db, "ada@example.com"))?.id).toBe(id);
    expect(await countAdmins(handle.db)).toBe(1);
    await setUserRole(handle.db, id, "marketer");
    expect(await countAdmins(handle.db)).toBe(0);
  });

  it("a session works until it expires, is deleted, or its user is disabled", async () => {
    const userId = await createUser(handle.db, { email: "s@example.com", name: "S", role: "sales", passwordHash: "h" });
    const future = new Date(Date.now() + 60_000);
    await insertSession(handle.db, { idHash: "live", userId, expiresAt: future });
    await insertSession(handle.db, { idHash: "old", userId, expiresAt: new Date(Date.now() - 1000) });
    expect((await findSessionUser(handle.db, "live"))?.email).toBe("s@example.com");
    expect(await findSessionUser(handle.db, "old")).toBeUndefined();

    await deleteExpiredSessions(handle.db);
    const left = await handle.db.selectFrom("sessions").select("id_hash").where("user_id", "=", userId).execute();
    expect(left.map((s) => s.id_hash)).toEqual(["live"]);

    await setUserDisabled(handle.db, userId, true);
    expect(await findSessionUser(handle.db, "live")).toBeUndefined();
    expect(await handle.db.selectFrom("sessions").selectAll().where("user_id", "=", userId).execute()).toEqual([]);

    await setUserDisabled(handle.db, userId, false);
    await insertSession(handle.db, { idHash: "again", userId, expiresAt: future });
    await deleteSession(handle.db, "again");
    expect(await findSessionUser(handle.db, "again")).toBeUndefined();
  });
});
