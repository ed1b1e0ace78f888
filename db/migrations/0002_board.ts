import type { Kysely } from "kysely";
import { withId } from "../migration-helpers.js";

/**
 * The value-proposition board (issue 4): aggregates precomputed when a run finishes (and after a
 * marketer's edit) so the board never scans answers per request, and which notes a user has seen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per theme per successful run: what the card shows, and the history the trend reads.
  await withId(db, db.schema.createTable("theme_stats"))
    .addColumn("run_id", "integer", (c) => c.notNull().references("analysis_runs.id").onDelete("cascade"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("cascade"))
    .addColumn("member_count", "integer", (c) => c.notNull())
    .addColumn("share", "double precision", (c) => c.notNull())
    .addColumn("avg_severity", "double precision")
    .addColumn("trigger_mix", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("quote_answer_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("theme_stats_run_theme", ["run_id", "theme_id"])
    .execute();
  await db.schema.createIndex("theme_stats_theme").on("theme_stats").columns(["theme_id", "run_id"]).execute();

  // Respondent counts per theme and filter combination (theme_id 0 = everyone analysed), so a
  // filtered board is one small indexed aggregate.
  await withId(db, db.schema.createTable("theme_facets"))
    .addColumn("run_id", "integer", (c) => c.notNull().references("analysis_runs.id").onDelete("cascade"))
    .addColumn("theme_id", "integer", (c) => c.notNull())
    .addColumn("survey_id", "integer", (c) => c.notNull())
    .addColumn("industry", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("buying_role", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("respondents", "integer", (c) => c.notNull())
    .addColumn("severity_sum", "double precision", (c) => c.notNull())
    .addColumn("severity_n", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("theme_facets_run").on("theme_facets").columns(["run_id", "theme_id"]).execute();

  // The per-respondent facts of the current run (filters and severity), kept so an edit can
  // recompute its themes' aggregates without re-reading every answer.
  await withId(db, db.schema.createTable("response_facts"))
    .addColumn("run_id", "integer", (c) => c.notNull().references("analysis_runs.id").onDelete("cascade"))
    .addColumn("response_id", "integer", (c) => c.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("survey_id", "integer", (c) => c.notNull())
    .addColumn("industry", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("buying_role", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("severity", "double precision")
    .execute();
  await db.schema.createIndex("response_facts_run_response").on("response_facts").columns(["run_id", "response_id"]).execute();

  await db.schema
    .createTable("note_reads")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("cascade"))
    .addColumn("seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("note_reads_pk", ["user_id", "theme_id"])
    .execute();

  await db.schema.createIndex("analysis_runs_status").on("analysis_runs").columns(["status", "id"]).execute();
  await db.schema.createIndex("theme_members_theme_run").on("theme_members").columns(["theme_id", "run_id"]).execute();
  await db.schema.createIndex("trigger_mentions_type").on("trigger_mentions").columns(["trigger_type", "response_id"]).execute();
  await db.schema.createIndex("value_propositions_theme").on("value_propositions").columns(["theme_id", "version"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["value_propositions_theme", "trigger_mentions_type", "theme_members_theme_run", "analysis_runs_status"]) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  for (const table of ["note_reads", "response_facts", "theme_facets", "theme_stats"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
