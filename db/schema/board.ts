import type { Generated } from "kysely";
import type { Timestamp, Role } from "./columns.js";

/** What marketing and sales write on the board: value propositions, field notes and who has read them. */

export interface ValuePropositionsTable {
  id: Generated<number>;
  theme_id: number;
  version: number;
  statement: string;
  author_id: number | null;
  created_at: Timestamp;
}

export interface BoardNotesTable {
  id: Generated<number>;
  theme_id: number;
  author_id: number | null;
  author_role: Role;
  body: string;
  outcome: "won" | "lost" | null;
  created_at: Timestamp;
}

export interface NoteReadsTable {
  user_id: number;
  theme_id: number;
  seen_at: Timestamp;
}
