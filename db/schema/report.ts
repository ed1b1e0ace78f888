import type { ColumnType, Generated } from "kysely";
import type { Timestamp, JsonText } from "./columns.js";

/** The validation study report: verdict rule versions and share links. */

export interface VerdictRulesTable {
  id: Generated<number>;
  version: number;
  definition: JsonText;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ReportSharesTable {
  id: Generated<number>;
  survey_id: number;
  /** sha256 of the token; the token itself only lives in the link */
  token_hash: string;
  /** "" for the whole study, else "kind:value" (see app/report/segment.ts) */
  segment: ColumnType<string, string | undefined, string>;
  expires_at: Timestamp;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
}
