/**
 * A marketer's edits to the board's themes, and sales' notes. Every theme edit checks the
 * theme's version (no silent overwrite), then refreshes the board's aggregates for the themes it
 * touched, so the board never has to scan answers.
 */
import type { Kysely, Transaction } from "kysely";
import { latestDoneRun, latestDoneRunOfAnyScope } from "../../db/queries/analysis-runs.js";
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
  if (theme.version !== version)
    throw new ThemeConflict("Someone else changed this theme (or a new analysis run replaced it); reload to see the change.");
  const run = await latestDoneRun(db, theme.survey_id);
  // Only merge, split and move change figures (a label, the status or a pin is not part of any
  // figure), and only those of the themes whose members changed.
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
      await membersChange(db, run?.id ?? null, [theme.id, edit.targetId], (trx) => mergeThemes(trx, theme.id, version, edit.targetId));
      result = edit.targetId;
      break;
    }
    case "split": {
      if (!edit.answerIds.length) throw new ThemeConflict("Choose at least one answer to split out. Nothing was changed.");
      result = await db.transaction().execute(async (trx) => {
        const created = await splitTheme(trx, theme.id, version, edit.answerIds, edit.label, run?.id ?? null);
        if (run) await recomputeAggregates(trx, run.id, [theme.id, created]);
        return created;
      });
      break;
    }
    case "move": {
      if (edit.targetId === theme.id) throw new ThemeConflict("That answer is already in this theme.");
      const target = await getTheme(db, edit.targetId);
      if (!target || target.status === "merged" || target.survey_id !== theme.survey_id)
        throw new ThemeConflict("The theme to move to no longer exists; reload the page.");
      await membersChange(db, run?.id ?? null, [theme.id, edit.targetId], (trx) =>
        moveAnswer(trx, theme.id, version, edit.answerId, edit.targetId),
      );
      break;
    }
  }
  return { themeId: result };
}

/**
 * An edit that moves answers between themes and the recomputed figures of the themes it touched,
 * in one transaction: a failed recompute leaves the members where they were, and no reader sees
 * the new members with the old figures.
 */
async function membersChange(
  db: Kysely<Database>,
  runId: number | null,
  touched: number[],
  edit: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await edit(trx);
    if (runId !== null) await recomputeAggregates(trx, runId, touched);
  });
}

/** The board scope a `?scope=` link asks for: "all", a survey id, or (absent) the latest analysed scope. */
export async function boardScope(db: Kysely<Database>, raw: string | null): Promise<RunScope> {
  if (raw === "all") return null;
  if (raw && /^\d+$/.test(raw)) return Number(raw);
  return (await latestDoneRunOfAnyScope(db))?.survey_id ?? null;
}
