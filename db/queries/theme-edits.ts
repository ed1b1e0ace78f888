/**
 * The log of a marketer's theme edits (migration 0007): what was done to which theme, by whom
 * and when. Runs re-apply edits from the themes' own state (custom labels, merges, placements
 * by a user); the log tells the board's "since the previous run" which changes were edits.
 */
import type { Kysely } from "kysely";
import type { Database, ThemeEditAction } from "../schema.js";
import { scopeFilter, type RunScope } from "./analysis-runs.js";
import { themeLabel } from "./themes.js";
import { parseJson } from "./util.js";

type Db = Kysely<Database>;

export async function logThemeEdit(
  db: Db,
  edit: {
    themeId: number;
    action: ThemeEditAction;
    otherThemeId?: number | null;
    answerIds?: number[];
    label?: string | null;
    authorId?: number | null;
  },
): Promise<void> {
  await db
    .insertInto("theme_edits")
    .values({
      theme_id: edit.themeId,
      action: edit.action,
      other_theme_id: edit.otherThemeId ?? null,
      answer_ids: JSON.stringify(edit.answerIds ?? []),
      label: edit.label ?? null,
      author_id: edit.authorId ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

export interface LoggedEdit {
  themeId: number;
  themeLabel: string;
  action: ThemeEditAction;
  otherThemeId: number | null;
  otherThemeLabel: string | null;
  answerIds: number[];
  createdAt: string;
}

/** Edits of a scope's pain themes made after a moment, oldest first. */
export async function themeEditsSince(db: Db, scope: RunScope, since: string): Promise<LoggedEdit[]> {
  const rows = await db
    .selectFrom("theme_edits as e")
    .innerJoin("themes as t", "t.id", "e.theme_id")
    .leftJoin("themes as o", "o.id", "e.other_theme_id")
    .select([
      "e.theme_id",
      "e.action",
      "e.other_theme_id",
      "e.answer_ids",
      "e.created_at",
      "t.label",
      "t.custom_label",
      "o.label as other_label",
      "o.custom_label as other_custom_label",
    ])
    .where("t.kind", "=", "pain")
    .where(scopeFilter(scope, "t.survey_id"))
    .where("e.created_at", ">", since)
    .orderBy("e.id")
    .execute();
  return rows.map((r) => ({
    themeId: r.theme_id,
    themeLabel: themeLabel(r),
    action: r.action,
    otherThemeId: r.other_theme_id,
    otherThemeLabel: r.other_label === null ? null : themeLabel({ label: r.other_label, custom_label: r.other_custom_label }),
    answerIds: parseJson<number[]>(r.answer_ids, []),
    createdAt: r.created_at,
  }));
}

/** A theme the analysis currently finds: not merged away, and holding at least one answer. */
export async function isLiveTheme(db: Db, themeId: number): Promise<boolean> {
  const row = await db
    .selectFrom("themes as t")
    .select("t.id")
    .where("t.id", "=", themeId)
    .where("t.status", "<>", "merged")
    .where(({ exists, selectFrom }) => exists(selectFrom("theme_members as tm").select("tm.id").whereRef("tm.theme_id", "=", "t.id")))
    .executeTakeFirst();
  return row !== undefined;
}
