import type { Kysely } from "kysely";
import { withId } from "../migration-helpers.js";

/**
 * The validation study report (issue 16): the go/no-go rule is versioned like the qualification
 * profile (every save is a new row, the highest version is current, a report names the version
 * that decided it), and read-only share links keep only a hash of their token, an expiry and who
 * revoked them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("verdict_rules"))
    .addColumn("version", "integer", (c) => c.notNull().unique())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable("report_shares"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("segment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("report_shares_survey").on("report_shares").column("survey_id").execute();
  // Version 1 is the example rule (DEFAULT_RULE in app/report/verdict.ts), so a report
  // always names a stored version and no loader has to write one on first use.
  await db
    .insertInto("verdict_rules")
    .values({
      version: 1,
      definition: JSON.stringify({ painThreshold: 7, minPainShare: 0.3, minBudgetShare: 0.2, withinMonths: 12, minRespondents: 10 }),
      created_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_shares").ifExists().execute();
  await db.schema.dropTable("verdict_rules").ifExists().execute();
}
