import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export interface ValuePropositionVersion {
  id: number;
  theme_id: number;
  version: number;
  statement: string;
  author_id: number | null;
  author_name: string | null;
  created_at: string;
}

/** Every version of a theme's value proposition, newest first. */
export async function valuePropositionHistory(db: Db, themeId: number): Promise<ValuePropositionVersion[]> {
  return db
    .selectFrom("value_propositions as v")
    .leftJoin("users as u", "u.id", "v.author_id")
    .select(["v.id", "v.theme_id", "v.version", "v.statement", "v.author_id", "u.name as author_name", "v.created_at"])
    .where("v.theme_id", "=", themeId)
    .orderBy("v.version", "desc")
    .execute();
}

/** The newest version per theme. */
export async function currentValuePropositions(db: Db, themeIds: number[]): Promise<Map<number, ValuePropositionVersion>> {
  const out = new Map<number, ValuePropositionVersion>();
  if (!themeIds.length) return out;
  const rows = await db
    .selectFrom("value_propositions as v")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("value_propositions")
          .select(["theme_id", (e) => e.fn.max("version").as("version")])
          .where("theme_id", "in", themeIds)
          .groupBy("theme_id")
          .as("latest"),
      (join) => join.onRef("latest.theme_id", "=", "v.theme_id").onRef("latest.version", "=", "v.version"),
    )
    .leftJoin("users as u", "u.id", "v.author_id")
    .select(["v.id", "v.theme_id", "v.version", "v.statement", "v.author_id", "u.name as author_name", "v.created_at"])
    .execute();
  for (const row of rows) out.set(row.theme_id, row);
  return out;
}

export class VersionConflict extends Error {}

/**
 * Saves a new version. `basedOn` is the version the author was looking at (0 for none): if someone
 * saved in between, nothing is written and the caller says so.
 */
export async function saveValueProposition(
  db: Db,
  input: { themeId: number; statement: string; authorId: number; basedOn: number },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom("value_propositions")
      .select((eb) => eb.fn.max("version").as("version"))
      .where("theme_id", "=", input.themeId)
      .executeTakeFirst();
    const current = Number(latest?.version ?? 0);
    if (current !== input.basedOn) throw new VersionConflict("Someone else changed this value proposition; reload to see their change.");
    const version = current + 1;
    try {
      await trx
        .insertInto("value_propositions")
        .values({
          theme_id: input.themeId,
          version,
          statement: input.statement,
          author_id: input.authorId,
          created_at: new Date().toISOString(),
        })
        .execute();
    } catch {
      // the unique (theme_id, version) caught a simultaneous save
      throw new VersionConflict("Someone else changed this value proposition; reload to see their change.");
    }
    return version;
  });
}
