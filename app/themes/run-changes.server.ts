import type { Kysely } from "kysely";
import type { RunScope } from "../../db/queries/analysis-runs.js";
import type { BoardData } from "../board/board-cards.js";
import { themeEditsSince } from "../../db/queries/theme-edits.js";
import type { Database } from "../../db/schema.js";
import { withEdits } from "./run-changes.js";

/** The board's "since the previous run", with the edits made since that run finished as edits. */
export async function boardChanges(db: Kysely<Database>, scope: RunScope, board: BoardData): Promise<BoardData["changes"]> {
  const previous = board.previousRun;
  if (!previous) return board.changes;
  const edits = await themeEditsSince(db, scope, previous.finished_at ?? previous.created_at);
  return withEdits(board.changes, edits);
}
