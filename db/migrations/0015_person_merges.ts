import type { Kysely } from "kysely";
import { withId } from "../migration-helpers.js";

/**
 * Merging likely duplicate people (issue 17 item 2, ADR 0402). A merged person's row stays, pointing
 * at the person they were merged into, so the merge can be undone and a later answer from their email
 * finds the kept person. Each merge keeps a snapshot of both people before it: what moved and every
 * field that changed, which is exactly what an undo puts back.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("people")
    .addColumn("merged_into_id", "integer", (c) => c.references("people.id").onDelete("set null"))
    .execute();
  await withId(db, db.schema.createTable("person_merges"))
    .addColumn("kept_person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("merged_person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("merged_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("merged_at", "text", (c) => c.notNull())
    /** JSON: both people's rows and assessments before the merge, and the ids of every row that moved */
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("undone_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("undone_at", "text")
    .execute();
  await db.schema.createIndex("person_merges_kept").on("person_merges").column("kept_person_id").execute();
  await db.schema.createIndex("person_merges_merged").on("person_merges").column("merged_person_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("person_merges").execute();
  await db.schema.alterTable("people").dropColumn("merged_into_id").execute();
}
