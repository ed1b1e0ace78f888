/**
 * A marketer's edits to the board's themes. Every theme edit checks the theme's version (no
 * silent overwrite), is logged (so the board can say what changed by a marketer's hand), then
 * refreshes the board's aggregates for the themes it touched, so the board never scans answers.
 */
import type { Kysely } from "kysely";
import { latestDoneRun, latestDoneRunOfAnyScope } from "../../db/queries/analysis-runs.js";
import {
  getTheme,
  mergeThemes,
  moveAnswer,
  renameTheme,
  setThemeStatus,
  splitTheme,
  ThemeConflict,
  themeLabel,
} from "../../db/queries/themes.js";
import { isLiveTheme, logThemeEdit } from "../../db/queries/theme-edits.js";
import { recomputeAggregates } from "../themes/theme-aggregates.server.js";
import type { Database, Theme } from "../../db/schema.js";
import type { RunScope } from "../../db/queries/analysis-runs.js";

export { ThemeConflict };

export type ThemeEdit =
  | { intent: "rename"; label: string }
  | { intent: "hide" | "unhide" | "pin" | "unpin" }
  | { intent: "merge"; targetId: number }
  | { intent: "split"; answerIds: number[]; label: string }
  | { intent: "move"; answerId: number; targetId: number };

/**
 * Applies one edit; throws ThemeConflict with a message for the user when it cannot. The edit,
 * its entry in the edit log (theme_edits) and, for merge, split and move, the recomputed figures
 * of the themes whose members changed, are one transaction: a failed step leaves everything as
 * it was, and no reader sees new members with old figures.
 */
export async function editTheme(
  db: Kysely<Database>,
  theme: Theme,
  version: number,
  edit: ThemeEdit,
  authorId: number | null = null,
): Promise<{ themeId: number }> {
  if (theme.status === "merged") throw new ThemeConflict("This theme was merged into another one; reload the board.");
  if (theme.version !== version)
    throw new ThemeConflict("Someone else changed this theme (or a new analysis run replaced it); reload to see the change.");
  const run = await latestDoneRun(db, theme.survey_id);
  const runId = run?.id ?? null;
  if (edit.intent === "merge" || edit.intent === "move") await refuseUnlessLiveTarget(db, theme, edit);
  if (edit.intent === "split" && !edit.answerIds.length)
    throw new ThemeConflict("Choose at least one answer to split out. Nothing was changed.");

  return db.transaction().execute(async (trx) => {
    const log = (entry: Omit<Parameters<typeof logThemeEdit>[1], "themeId" | "authorId">) =>
      logThemeEdit(trx, { themeId: theme.id, authorId, ...entry });
    // Only merge, split and move change figures (a label, the status or a pin is not part of any
    // figure), and only those of the themes whose members changed.
    const refigure = async (themeIds: number[]) => {
      if (runId !== null) await recomputeAggregates(trx, runId, themeIds);
    };
    switch (edit.intent) {
      case "rename":
        await renameTheme(trx, theme.id, version, edit.label);
        await log({ action: "rename", label: edit.label });
        return { themeId: theme.id };
      case "hide":
      case "unhide":
        await setThemeStatus(trx, theme.id, version, { status: edit.intent === "hide" ? "hidden" : "active" });
        await log({ action: edit.intent });
        return { themeId: theme.id };
      case "pin":
      case "unpin":
        await setThemeStatus(trx, theme.id, version, { pinned: edit.intent === "pin" ? 1 : 0 });
        await log({ action: edit.intent });
        return { themeId: theme.id };
      case "merge":
        await mergeThemes(trx, theme.id, version, edit.targetId);
        await log({ action: "merge", otherThemeId: edit.targetId });
        await refigure([theme.id, edit.targetId]);
        return { themeId: edit.targetId };
      case "split": {
        const created = await splitTheme(trx, theme.id, version, edit.answerIds, edit.label, runId);
        await log({ action: "split", otherThemeId: created, answerIds: edit.answerIds, label: edit.label });
        await refigure([theme.id, created]);
        return { themeId: created };
      }
      case "move":
        await moveAnswer(trx, theme.id, version, edit.answerId, edit.targetId);
        await log({ action: "move", otherThemeId: edit.targetId, answerIds: [edit.answerId] });
        await refigure([theme.id, edit.targetId]);
        return { themeId: theme.id };
    }
  });
}

/**
 * Merge and move only into a live theme of the same analysis: one the latest run found (it holds
 * answers) and that was not merged away. A theme marked "no longer found" is refused by name.
 */
async function refuseUnlessLiveTarget(
  db: Kysely<Database>,
  theme: Theme,
  edit: { intent: "merge" | "move"; targetId: number },
): Promise<void> {
  if (edit.targetId === theme.id) {
    throw new ThemeConflict(
      edit.intent === "merge" ? "A theme cannot be merged into itself. Choose another theme." : "That answer is already in this theme.",
    );
  }
  const target = await getTheme(db, edit.targetId);
  if (!target || target.status === "merged" || target.survey_id !== theme.survey_id || target.kind !== theme.kind) {
    throw new ThemeConflict(
      edit.intent === "merge"
        ? "That theme cannot be merged into: it no longer exists or belongs to another analysis."
        : "The theme to move to no longer exists; reload the page.",
    );
  }
  if (!(await isLiveTheme(db, target.id))) {
    throw new ThemeConflict(
      `“${themeLabel(target)}” was not found by the latest analysis run, so nothing can be ${edit.intent === "merge" ? "merged" : "moved"} into it. Choose a theme shown on the board.`,
    );
  }
}

/** The board scope a `?scope=` link asks for: "all", a survey id, or (absent) the latest analysed scope. */
export async function boardScope(db: Kysely<Database>, raw: string | null): Promise<RunScope> {
  if (raw === "all") return null;
  if (raw && /^\d+$/.test(raw)) return Number(raw);
  return (await latestDoneRunOfAnyScope(db))?.survey_id ?? null;
}
