import type { Kysely } from "kysely";
import { withId } from "../migration-helpers.js";

/**
 * Undo for the builder's destructive actions (issue 13 item 8, ADR 0603): removing a question and
 * closing a survey each leave a row here, for a few minutes, with what is needed to put things back.
 * A removed question's snapshot holds its row and its answers (and what hangs off them), so it is
 * deleted as soon as it can no longer be used: on expiry, at the next builder write.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("builder_undos"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    /** remove-question | close */
    .addColumn("action", "text", (c) => c.notNull())
    /** what the status line says, e.g. "Question 3 “Which tool…” removed" */
    .addColumn("label", "text", (c) => c.notNull())
    /** JSON: the rows to put back (see db/queries/builder-undo.ts) */
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("builder_undos_survey").on("builder_undos").columns(["survey_id", "expires_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("builder_undos").ifExists().execute();
}
