import type { Kysely } from "kysely";

/**
 * One question at a time (issue 13, ADR 0601): a survey setting. With JavaScript the public form
 * shows one question per screen; without it the page-per-step form is unchanged. 0 keeps every
 * existing survey as it was.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("surveys")
    .addColumn("one_at_a_time", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("surveys").dropColumn("one_at_a_time").execute();
}
