import { sql, type Kysely } from "kysely";
import type { Database, Role } from "../schema.js";

type Db = Kysely<Database>;

export interface BoardNote {
  id: number;
  theme_id: number;
  author_id: number | null;
  author_name: string | null;
  author_role: Role;
  body: string;
  outcome: "won" | "lost" | null;
  created_at: string;
}

export async function addNote(
  db: Db,
  note: { themeId: number; authorId: number; authorRole: Role; body: string; outcome: "won" | "lost" | null },
): Promise<number> {
  const row = await db
    .insertInto("board_notes")
    .values({
      theme_id: note.themeId,
      author_id: note.authorId,
      author_role: note.authorRole,
      body: note.body,
      outcome: note.outcome,
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function themeNotes(db: Db, themeId: number): Promise<BoardNote[]> {
  return db
    .selectFrom("board_notes as n")
    .leftJoin("users as u", "u.id", "n.author_id")
    .select(["n.id", "n.theme_id", "n.author_id", "u.name as author_name", "n.author_role", "n.body", "n.outcome", "n.created_at"])
    .where("n.theme_id", "=", themeId)
    .orderBy("n.id", "desc")
    .execute();
}

/** When the user last looked at each theme's notes. */
export async function noteSeenAt(db: Db, userId: number, themeId: number): Promise<string | null> {
  const row = await db
    .selectFrom("note_reads")
    .select("seen_at")
    .where("user_id", "=", userId)
    .where("theme_id", "=", themeId)
    .executeTakeFirst();
  return row?.seen_at ?? null;
}

export async function markNotesSeen(db: Db, userId: number, themeId: number): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto("note_reads")
    .values({ user_id: userId, theme_id: themeId, seen_at: now })
    .onConflict((oc) => oc.columns(["user_id", "theme_id"]).doUpdateSet({ seen_at: now }))
    .execute();
}

/** Notes by other people the user has not seen yet, per theme. */
export async function unseenNoteCounts(db: Db, userId: number, themeIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!themeIds.length) return out;
  const rows = await db
    .selectFrom("board_notes as n")
    .leftJoin("note_reads as r", (join) => join.onRef("r.theme_id", "=", "n.theme_id").on("r.user_id", "=", userId))
    .select(["n.theme_id", sql<number>`count(*)`.as("n")])
    .where("n.theme_id", "in", themeIds)
    .where((eb) => eb.or([eb("n.author_id", "is", null), eb("n.author_id", "<>", userId)]))
    .where((eb) => eb.or([eb("r.seen_at", "is", null), eb("n.created_at", ">", eb.ref("r.seen_at"))]))
    .groupBy("n.theme_id")
    .execute();
  for (const row of rows) out.set(row.theme_id, Number(row.n));
  return out;
}
