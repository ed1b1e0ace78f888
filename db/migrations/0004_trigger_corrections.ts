import type { Kysely } from "kysely";
import { withId } from "../migration-helpers.js";

/**
 * Buying triggers that marketers teach (issue 9): each detected mention keeps the model's
 * confidence, and a marketer's correction of one answer (this type is wrong / this type was
 * missed, with its timing) is stored with who and when, so it survives every re-run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("trigger_mentions")
    .addColumn("confidence", "real", (c) => c.notNull().defaultTo(1))
    .execute();
  await withId(db, db.schema.createTable("trigger_corrections"))
    .addColumn("answer_id", "integer", (c) => c.notNull().references("answers.id").onDelete("cascade"))
    .addColumn("trigger_type", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("timing", "text")
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("trigger_corrections_answer_type")
    .unique()
    .on("trigger_corrections")
    .columns(["answer_id", "trigger_type"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("trigger_corrections_answer_type").ifExists().execute();
  await db.schema.dropTable("trigger_corrections").ifExists().execute();
  await db.schema.alterTable("trigger_mentions").dropColumn("confidence").execute();
}
