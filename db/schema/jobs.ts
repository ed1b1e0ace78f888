import type { Generated } from "kysely";
import type { Timestamp, JsonText } from "./columns.js";

/** The SQLite job table (on PostgreSQL jobs live in pg-boss's schema). */

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: JsonText;
  singleton_key: string | null;
  state: "queued" | "active" | "done" | "failed";
  attempts: number;
  retry_limit: number;
  retry_delay_ms: number;
  lease_ms: number;
  run_after: number;
  lease_until: number | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}
