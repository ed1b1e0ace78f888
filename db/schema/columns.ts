/** Column conventions and the value sets of enumerated columns (db/schema.ts re-exports them). */

/**
 * Portable column conventions (see docs/decisions/0003-portable-schema.md):
 * - timestamps are ISO-8601 UTC strings (text) on both SQLite and PostgreSQL,
 * - booleans are integers 0/1,
 * - JSON is text, parsed by the query functions that own the column.
 */
export type Timestamp = string;
export type Flag = number;
export type JsonText = string;

export type Role = "admin" | "marketer" | "sales";

export type SurveyStatus = "draft" | "open" | "closed";

export type ResponseStatus = "partial" | "complete";

export type PersonSource = "marketing" | "sales" | "partner" | "unknown";

export type ConsentPurpose = "study_summary" | "educational_content" | "contact";

export type ConsentStatus = "opted_in" | "opted_out";

export type RunStatus = "queued" | "running" | "done" | "failed";

/** Only pain themes are written; trigger types are detected per answer (trigger_mentions), never clustered. */
export type ThemeKind = "pain";

export type ThemeStatus = "active" | "merged" | "hidden";

export type Band = "ready_now" | "nurture" | "not_a_fit";

export type PipelineStatus = "new" | "accepted" | "rejected";

export type TriggerCorrectionAction = "reject" | "add";

export type ThemeEditAction = "rename" | "merge" | "split" | "move" | "hide" | "unhide" | "pin" | "unpin";
