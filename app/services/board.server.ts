/**
 * A marketer's edits to the board's themes, and sales' notes. Every theme edit checks the
 * theme's version (no silent overwrite), then refreshes the board's aggregates for the themes it
 * touched, so the board never has to scan answers.
 */
import type { Kysely } from "kysely";
import { latestDoneRun } from "../../db/queries/analysis-runs.js";
import {
  getTheme,
  mergeThemes,
  moveAnswer,
  recomputeAggregates,
  renameTheme,
  setThemeStatus,
  splitTheme,
  ThemeConflict,
} from "../../db/queries/themes.js";
import type { Database, Theme } from "../../db/schema.js";
import type { RunScope } from "../../db/queries/analysis-runs.js";

export { ThemeConflict };

export type ThemeEdit =
  | { intent: "rename"; label: string }
  | { intent: "hide" | "unhide" | "pin" | "unpin" }
  | { intent: "merge"; targetId: number }
  | { intent: "split"; answerIds: number[]; label: string }
  | { intent: "move"; answerId: number; targetId: number };

/** Applies one edit; throws ThemeConflict with a message for the user when it cannot. */
export async function editTheme(db: Kysely<Database>, theme: Theme, version: number, edit: ThemeEdit): Promise<{ themeId: number }> {
  if (theme.status === "merged") throw new ThemeConflict("This theme was merged into another one; reload the board.");
  if (theme.version !== version) throw new ThemeConflict("Someone else changed this theme (or a new analysis run replaced it); reload to see the change.");
  const run = await latestDoneRun(db, theme.survey_id);
  // The themes whose members changed: only their figures need recomputing (a label, the status or a
  // pin is not part of any figure).
  let touched: number[] = [];
  let result = theme.id;
  switch (edit.intent) {
    case "rename":
      await renameTheme(db, theme.id, version, edit.label);
      break;
    case "hide":
    case "unhide":
      await setThemeStatus(db, theme.id, version, { status: edit.intent === "hide" ? "hidden" : "active" });
      break;
    case "pin":
    case "unpin":
      await setThemeStatus(db, theme.id, version, { pinned: edit.intent === "pin" ? 1 : 0 });
      break;
    case "merge": {
      if (edit.targetId === theme.id) throw new ThemeConflict("A theme cannot be merged into itself. Choose another theme.");
      const target = await getTheme(db, edit.targetId);
      if (!target || target.status === "merged" || target.survey_id !== theme.survey_id || target.kind !== theme.kind) {
        throw new ThemeConflict("That theme cannot be merged into: it no longer exists or belongs to another analysis.");
      }
      await mergeThemes(db, theme.id, version, edit.targetId);
      touched = [theme.id, edit.targetId];
      result = edit.targetId;
      break;
    }
    case "split": {
      if (!edit.answerIds.length) throw new ThemeConflict("Choose at least one answer to split out. Nothing was changed.");
      const created = await splitTheme(db, theme.id, version, edit.answerIds, edit.label, run?.id ?? null);
      touched = [theme.id, created];
      result = created;
      break;
    }
    case "move": {
      if (edit.targetId === theme.id) throw new ThemeConflict("That answer is already in this theme.");
      const target = await getTheme(db, edit.targetId);
      if (!target || target.status === "merged" || target.survey_id !== theme.survey_id) throw new ThemeConflict("The theme to move to no longer exists; reload the page.");
      await moveAnswer(db, theme.id, version, edit.answerId, edit.targetId);
      touched = [theme.id, edit.targetId];
      break;
    }
  }
  if (run && touched.length) await recomputeAggregates(db, run.id, touched);
  return { themeId: result };
}

/** The board scope a `?scope=` link asks for: "all", a survey id, or (absent) the latest analysed scope. */
export async function boardScope(db: Kysely<Database>, raw: string | null): Promise<RunScope> {
  if (raw === "all") return null;
  if (raw && /^\d+$/.test(raw)) return Number(raw);
  return (await latestDoneRun(db))?.survey_id ?? null;
}
