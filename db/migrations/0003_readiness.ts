import type { Kysely } from "kysely";

/**
 * Readiness to buy (issue 5): where a prospect stands with sales, when they were first ready now
 * (for the follow-up rate), the plan's agreed follow-up time, and the opt-out tokens already used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("people")
    .addColumn("pipeline_status", "text", (c) => c.notNull().defaultTo("new"))
    .execute();
  await db.schema.alterTable("people").addColumn("reject_reason", "text").execute();
  await db.schema.alterTable("people").addColumn("contacted_at", "text").execute();
  await db.schema.alterTable("people").addColumn("status_changed_at", "text").execute();
  await db.schema.alterTable("assessments").addColumn("ready_since", "text").execute();
  await db.schema
    .alterTable("funnel_plans")
    .addColumn("follow_up_days", "integer", (c) => c.notNull().defaultTo(2))
    .execute();

  // One row per opt-out token that has been honoured: a token works once.
  await db.schema
    .createTable("used_tokens")
    .addColumn("jti", "text", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("used_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("assessments_band").on("assessments").columns(["band", "score"]).execute();
  await db.schema.createIndex("opportunities_person").on("opportunities").column("person_id").execute();
  await db.schema.createIndex("api_keys_prefix").on("api_keys").column("prefix").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("api_keys_prefix").ifExists().execute();
  await db.schema.dropIndex("opportunities_person").ifExists().execute();
  await db.schema.dropIndex("assessments_band").ifExists().execute();
  await db.schema.dropTable("used_tokens").ifExists().execute();
  await db.schema.alterTable("funnel_plans").dropColumn("follow_up_days").execute();
  await db.schema.alterTable("assessments").dropColumn("ready_since").execute();
  for (const column of ["status_changed_at", "contacted_at", "reject_reason", "pipeline_status"]) {
    await db.schema.alterTable("people").dropColumn(column).execute();
  }
}
