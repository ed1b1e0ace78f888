import { migrateToLatest } from "../../db/migrate.js";
import { deleteExpiredSessions } from "../../db/queries/sessions.js";
import { database } from "./db.server.js";

/** Runs before the server listens: the schema is current and stale sessions are gone. */
export async function prepareDatabase(): Promise<void> {
  const { db } = database();
  await migrateToLatest(db);
  await deleteExpiredSessions(db);
}
