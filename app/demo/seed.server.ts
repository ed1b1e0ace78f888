import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";

/** Placeholder until the demo survey generator lands: returns a summary, or null when data exists. */
export async function seedDemoData(_db: Kysely<Database>): Promise<string | null> {
  return null;
}
