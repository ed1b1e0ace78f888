import type { Kysely } from "kysely";
import { withId } from "../migration-helpers.js";

/**
 * Themes that take in answers live (issue 10): each completed run stores its fitted theme model
 * (analysis/assign.ts, serialised JSON) and which theme each of its clusters became, so a new
 * answer can be placed without re-clustering; each theme keeps its one-line summary; and a
 * marketer's edits are logged so a re-run can apply them again and report them as edits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("analysis_runs").addColumn("theme_model", "text").execute();
  await db.schema.alterTable("analysis_runs").addColumn("model_theme_ids", "text").execute();
  await db.schema.alterTable("themes").addColumn("summary", "text").execute();
  await withId(db, db.schema.createTable("theme_edits"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("cascade"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("other_theme_id", "integer", (c) => c.references("themes.id").onDelete("set null"))
    .addColumn("answer_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("label", "text")
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("theme_edits_theme").on("theme_edits").columns(["theme_id", "created_at"]).execute();
  await db.schema.createIndex("theme_edits_created").on("theme_edits").columns(["created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("theme_edits_created").ifExists().execute();
  await db.schema.dropIndex("theme_edits_theme").ifExists().execute();
  await db.schema.dropTable("theme_edits").ifExists().execute();
  await db.schema.alterTable("themes").dropColumn("summary").execute();
  await db.schema.alterTable("analysis_runs").dropColumn("model_theme_ids").execute();
  await db.schema.alterTable("analysis_runs").dropColumn("theme_model").execute();
}
