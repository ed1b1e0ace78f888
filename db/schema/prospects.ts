import type { Generated } from "kysely";
import type { Timestamp, Flag, JsonText, PersonSource, Band } from "./columns.js";

/** Readiness to buy: the qualification profile, assessments, the funnel plan, opportunities. */

export interface QualificationProfilesTable {
  id: Generated<number>;
  version: number;
  definition: JsonText;
  created_by: number | null;
  created_at: Timestamp;
}

export interface AssessmentsTable {
  id: Generated<number>;
  person_id: number;
  profile_id: number;
  score: number;
  band: Band;
  reasons: JsonText;
  parts: JsonText;
  computed_at: Timestamp;
  /** when the person first became ready now (kept while they stay ready): the follow-up clock */
  ready_since: Timestamp | null;
}

export interface FunnelPlansTable {
  id: Generated<number>;
  period_start: string;
  period_end: string;
  goal_deals: number;
  close_ratio: number;
  cycle_days: number;
  marketing_share: number;
  deal_size: number;
  created_by: number | null;
  created_at: Timestamp;
  follow_up_days: Generated<number>;
}

export interface OpportunitiesTable {
  id: Generated<number>;
  person_id: number;
  source: PersonSource;
  stage: string;
  amount: number | null;
  owner_user_id: number | null;
  failed_gate: Flag;
  qualified_at: Timestamp;
  closed_at: Timestamp | null;
  outcome: "won" | "lost" | null;
}

/** A merge of two people and what it moved, kept so it can be undone (migration 0015, ADR 0402). */
export interface PersonMergesTable {
  id: Generated<number>;
  kept_person_id: number;
  merged_person_id: number;
  merged_by: number | null;
  merged_at: Timestamp;
  /** JSON (MergeSnapshot in db/queries/person-merges.ts) */
  snapshot: JsonText;
  undone_by: number | null;
  undone_at: Timestamp | null;
}
