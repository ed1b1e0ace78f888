/**
 * "Since the previous run" with a marketer's edits counted as edits (issue 10): a theme split
 * out by hand is not "New", a theme merged or emptied by hand is not "No longer found"; they are
 * listed under "Edited" with what was done. Pure: the board's changes and the edit log in.
 */
import type { BoardData } from "../board/board-cards.js";
import type { LoggedEdit } from "../../db/queries/theme-edits.js";

export function withEdits(changes: BoardData["changes"], edits: readonly LoggedEdit[]): BoardData["changes"] {
  if (!edits.length) return changes;
  const touched = new Set<string>();
  const edited: string[] = [];
  const add = (line: string) => {
    if (!edited.includes(line)) edited.push(line);
  };
  const moves = new Map<string, number>();
  for (const e of edits) {
    const other = e.otherThemeLabel ?? "another theme";
    // unhide, pin, unpin change neither the themes nor their members: not a change to report.
    if (e.action === "unhide" || e.action === "pin" || e.action === "unpin") continue;
    touched.add(e.themeLabel);
    if (e.otherThemeLabel) touched.add(e.otherThemeLabel);
    switch (e.action) {
      case "split":
        add(`${other} (split out of ${e.themeLabel})`);
        break;
      case "merge":
        add(`${e.themeLabel} merged into ${other}`);
        break;
      case "move": {
        const key = `${e.themeLabel}\u0000${other}`;
        moves.set(key, (moves.get(key) ?? 0) + e.answerIds.length);
        break;
      }
      case "rename":
        add(`${e.themeLabel} (renamed)`);
        break;
      case "hide":
        add(`${e.themeLabel} (hidden)`);
        break;
    }
  }
  for (const [key, n] of moves) {
    const [from, to] = key.split("\u0000");
    add(`${n} ${n === 1 ? "answer" : "answers"} moved from ${from} to ${to}`);
  }
  const notEdited = (label: string) => !touched.has(label);
  return {
    added: changes.added.filter(notEdited),
    growing: changes.growing,
    fading: changes.fading,
    gone: changes.gone.filter(notEdited),
    edited,
  };
}
