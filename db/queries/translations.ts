import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { parseJson } from "./util.js";

/** Translated strings of one survey in one language, as stored (validated by app/surveys/i18n before writing). */
export async function getTranslation(db: Kysely<Database>, surveyId: number, language: string): Promise<unknown | undefined> {
  const row = await db
    .selectFrom("survey_translations")
    .select("strings")
    .where("survey_id", "=", surveyId)
    .where("language", "=", language)
    .executeTakeFirst();
  return row ? parseJson<unknown>(row.strings, undefined) : undefined;
}

export async function listTranslationLanguages(
  db: Kysely<Database>,
  surveyId: number,
): Promise<Array<{ language: string; updatedAt: string }>> {
  const rows = await db
    .selectFrom("survey_translations")
    .select(["language", "updated_at"])
    .where("survey_id", "=", surveyId)
    .orderBy("language")
    .execute();
  return rows.map((r) => ({ language: r.language, updatedAt: r.updated_at }));
}

export async function saveTranslation(
  db: Kysely<Database>,
  args: { surveyId: number; language: string; strings: unknown; now: string },
): Promise<void> {
  const strings = JSON.stringify(args.strings);
  await db
    .insertInto("survey_translations")
    .values({ survey_id: args.surveyId, language: args.language, strings, updated_at: args.now })
    .onConflict((oc) => oc.columns(["survey_id", "language"]).doUpdateSet({ strings, updated_at: args.now }))
    .execute();
}

export async function deleteTranslation(db: Kysely<Database>, surveyId: number, language: string): Promise<void> {
  await db.deleteFrom("survey_translations").where("survey_id", "=", surveyId).where("language", "=", language).execute();
}
