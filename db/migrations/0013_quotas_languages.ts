import type { Kysely } from "kysely";
import { withId } from "../migration-helpers.js";

/**
 * Quotas and languages (issue 13, items 5 and 6, ADR 0602).
 * - survey_quotas: at most `max_complete` complete responses whose answer to `question_id` is `option`.
 * - survey_translations: one row per survey and language, the translated strings as JSON text
 *   (title, intro, and per question its prompt, help text and options in the original order).
 * - responses.language: the language the prospect answered in (null for rows from before 0013,
 *   imports and demo data: the survey's own language).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("survey_quotas"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("question_id", "integer", (c) => c.notNull().references("questions.id").onDelete("cascade"))
    .addColumn("option", "text", (c) => c.notNull())
    .addColumn("max_complete", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("survey_quotas_segment", ["survey_id", "question_id", "option"])
    .execute();
  await db.schema
    .createTable("survey_translations")
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("strings", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_translations_pk", ["survey_id", "language"])
    .execute();
  await db.schema.alterTable("responses").addColumn("language", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("responses").dropColumn("language").execute();
  await db.schema.dropTable("survey_translations").execute();
  await db.schema.dropTable("survey_quotas").execute();
}
