import { migrateToLatest } from "../../db/migrate.js";
import { database } from "../utils/db.server.js";

/** Runs before the server listens: the schema is always current when the first request arrives. */
export async function prepareDatabase(): Promise<void> {
  await migrateToLatest(database().db);
}
