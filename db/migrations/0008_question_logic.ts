import type { Kysely } from "kysely";

/**
 * Display logic (issue 13): a question may carry a rule (JSON text, see app/surveys/logic/rules.ts)
 * that shows it only when earlier answers match. Null means "always shown", so every existing
 * question keeps its behaviour.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("questions").addColumn("logic", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("questions").dropColumn("logic").execute();
}
