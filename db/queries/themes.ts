import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, Theme } from "../schema.js";
import { scopeFilter } from "./analysis-runs.js";
import { chunks, parseJson } from "./util.js";

type Db = Kysely<Database>;

export function themeLabel(theme: Pick<Theme, "label" | "custom_label">): string {
  return theme.custom_label?.trim() || theme.label;
}

// ---------------------------------------------------------------------------------------------
// A theme and its members
// ---------------------------------------------------------------------------------------------

export async function getTheme(db: Db, id: number): Promise<Theme | undefined> {
  return db.selectFrom("themes").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Themes a member could be moved to or a theme merged into: live themes of the same scope (not
 * merged, holding answers now; hidden ones included). A theme the latest run no longer found is
 * not offered: merging into it would hide answers in a theme the board does not show.
 */
export async function siblingThemes(
  db: Db,
  theme: Pick<Theme, "id" | "survey_id">,
): Promise<Array<{ id: number; label: string; status: string }>> {
  const rows = await db
    .selectFrom("themes")
    .select(["id", "label", "custom_label", "status"])
    .where("kind", "=", "pain")
    .where("status", "<>", "merged")
    .where("id", "<>", theme.id)
    .where(scopeFilter(theme.survey_id))
    .where(({ exists, selectFrom }) => exists(selectFrom("theme_members as tm").select("tm.id").whereRef("tm.theme_id", "=", "themes.id")))
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, label: themeLabel(r), status: r.status }));
}

export interface MemberRow {
  answer_id: number;
  response_id: number;
  text: string;
  assigned_by: "analysis" | "user";
  person_id: number | null;
  person_name: string | null;
  job_title: string | null;
  company: string | null;
  company_industry: string | null;
}

export async function themeMembers(db: Db, themeId: number, limit = 500): Promise<MemberRow[]> {
  return db
    .selectFrom("theme_members as tm")
    .innerJoin("answers as a", "a.id", "tm.answer_id")
    .innerJoin("responses as r", "r.id", "a.response_id")
    .leftJoin("people as p", "p.id", "r.person_id")
    .leftJoin("companies as c", "c.id", "p.company_id")
    .select([
      "tm.answer_id",
      "a.response_id",
      sql<string>`coalesce(a.value_text, '')`.as("text"),
      "tm.assigned_by",
      "r.person_id",
      "p.name as person_name",
      "p.job_title",
      "c.name as company",
      "c.industry as company_industry",
    ])
    .where("tm.theme_id", "=", themeId)
    .orderBy("tm.similarity", "desc")
    .orderBy("tm.answer_id")
    .limit(limit)
    .execute();
}

/** Answers with these roles for these responses: role -> response id -> display value. */
export async function roleTextsByResponse(
  db: Db,
  responseIds: number[],
  roles: readonly string[],
): Promise<Map<string, Map<number, string>>> {
  const out = new Map<string, Map<number, string>>();
  for (const role of roles) out.set(role, new Map());
  for (const idChunk of chunks(responseIds)) {
    const rows = await db
      .selectFrom("answers as a")
      .innerJoin("questions as q", "q.id", "a.question_id")
      .select(["a.response_id", "q.role", "a.value_text", "a.value_number", "a.value_json"])
      .where("a.response_id", "in", idChunk)
      .where("q.role", "in", [...roles])
      .execute();
    for (const row of rows) {
      const value = answerDisplay(row);
      if (value && row.role) out.get(row.role)?.set(row.response_id, value);
    }
  }
  return out;
}

export function answerDisplay(row: { value_text: string | null; value_number: number | null; value_json: string | null }): string {
  if (row.value_text && row.value_text.trim()) return row.value_text.trim();
  if (row.value_number !== null && row.value_number !== undefined) return String(row.value_number);
  const list = parseJson<unknown>(row.value_json, null);
  if (Array.isArray(list)) return list.map(String).join(", ");
  if (typeof list === "string" || typeof list === "number" || typeof list === "boolean") return String(list);
  return "";
}

// ---------------------------------------------------------------------------------------------
// A marketer's edits. Each checks the theme's version and bumps it (optimistic concurrency).
// ---------------------------------------------------------------------------------------------

export class ThemeConflict extends Error {}

async function bump(trx: Db, themeId: number, version: number, set: Record<string, unknown> = {}): Promise<void> {
  const result = await trx
    .updateTable("themes")
    .set((eb) => ({ ...set, updated_at: new Date().toISOString(), version: eb("version", "+", 1) }))
    .where("id", "=", themeId)
    .where("version", "=", version)
    .where("status", "<>", "merged")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new ThemeConflict("Someone else changed this theme; reload to see their change.");
}

// Rename and status edits are one UPDATE each; the caller's transaction also logs the edit.
export async function renameTheme(trx: Transaction<Database>, themeId: number, version: number, label: string | null): Promise<void> {
  await bump(trx, themeId, version, { custom_label: label });
}

export async function setThemeStatus(
  trx: Transaction<Database>,
  themeId: number,
  version: number,
  change: { status?: "active" | "hidden"; pinned?: 0 | 1 },
): Promise<void> {
  await bump(trx, themeId, version, change);
}

// Merge, split and move change which answers a theme holds, so its figures (theme_stats) must be
// recomputed in the same transaction: they take the caller's Transaction and open none themselves.

/** Moves every member of `sourceId` into `targetId` (as the user's decision) and marks the source merged. */
export async function mergeThemes(trx: Transaction<Database>, sourceId: number, sourceVersion: number, targetId: number): Promise<void> {
  const target = await trx.selectFrom("themes").select(["id", "status", "version"]).where("id", "=", targetId).executeTakeFirst();
  if (!target || target.status === "merged") throw new ThemeConflict("The theme to merge into no longer exists; reload the page.");
  await bump(trx, sourceId, sourceVersion, { status: "merged", merged_into_id: targetId, pinned: 0 });
  await trx.updateTable("theme_members").set({ theme_id: targetId }).where("theme_id", "=", sourceId).execute();
  // Anything that pointed at the source now points at the target.
  await trx.updateTable("themes").set({ merged_into_id: targetId }).where("merged_into_id", "=", sourceId).execute();
  await trx
    .updateTable("themes")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date().toISOString() }))
    .where("id", "=", targetId)
    .execute();
}

/** Moves the chosen answers to a new theme; they stay there on every later run (assigned by the user). */
export async function splitTheme(
  trx: Transaction<Database>,
  themeId: number,
  version: number,
  answerIds: number[],
  label: string,
  runId: number | null,
): Promise<number> {
  const theme = await trx.selectFrom("themes").selectAll().where("id", "=", themeId).executeTakeFirst();
  if (!theme) throw new ThemeConflict("That theme no longer exists; reload the page.");
  await bump(trx, themeId, version);
  const members = await trx
    .selectFrom("theme_members")
    .select("answer_id")
    .where("theme_id", "=", themeId)
    .where("answer_id", "in", answerIds)
    .execute();
  if (members.length !== new Set(answerIds).size)
    throw new ThemeConflict("Some of those answers are no longer in this theme; reload the page.");
  const now = new Date().toISOString();
  const { id } = await trx
    .insertInto("themes")
    .values({
      kind: "pain",
      survey_id: theme.survey_id,
      label,
      custom_label: label,
      keywords: "[]",
      status: "active",
      merged_into_id: null,
      pinned: 0,
      centroid: null,
      created_run_id: runId,
      last_run_id: runId,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("theme_members")
    .set({ theme_id: id, assigned_by: "user", similarity: 0.5 })
    .where("theme_id", "=", themeId)
    .where("answer_id", "in", answerIds)
    .execute();
  return id;
}

/** Moves one answer to another theme, as the user's decision. */
export async function moveAnswer(
  trx: Transaction<Database>,
  fromId: number,
  version: number,
  answerId: number,
  toId: number,
): Promise<void> {
  const target = await trx.selectFrom("themes").select(["id", "status"]).where("id", "=", toId).executeTakeFirst();
  if (!target || target.status === "merged") throw new ThemeConflict("The theme to move to no longer exists; reload the page.");
  await bump(trx, fromId, version);
  const moved = await trx
    .updateTable("theme_members")
    .set({ theme_id: toId, assigned_by: "user", similarity: 0.5 })
    .where("theme_id", "=", fromId)
    .where("answer_id", "=", answerId)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new ThemeConflict("That answer is no longer in this theme; reload the page.");
}
