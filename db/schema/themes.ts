import type { ColumnType, Generated } from "kysely";
import type { Timestamp, Flag, JsonText, RunStatus, ThemeKind, ThemeStatus, TriggerCorrectionAction, ThemeEditAction } from "./columns.js";

/** Analysis runs and what they found: themes, members, trigger mentions and corrections, the board's aggregates, the edit log. */

export interface AnalysisRunsTable {
  id: Generated<number>;
  survey_id: number | null;
  status: RunStatus;
  progress: number;
  stage: string;
  parameters: JsonText;
  quality: JsonText | null;
  error: string | null;
  trigger: "manual" | "auto";
  response_count: number;
  created_by: number | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** serialised ThemeModel (analysis/assign.ts) of a done run; null for runs before 0007 or with no clusters */
  theme_model: JsonText | null;
  /** JSON array: theme id of each cluster of the model (cluster i -> themes.id) */
  model_theme_ids: JsonText | null;
}

export interface ThemesTable {
  id: Generated<number>;
  kind: ThemeKind;
  survey_id: number | null;
  label: string;
  /** a marketer's rename; wins over the analysis label on every later run */
  custom_label: string | null;
  keywords: JsonText;
  status: ThemeStatus;
  merged_into_id: number | null;
  pinned: Flag;
  centroid: JsonText | null;
  created_run_id: number | null;
  last_run_id: number | null;
  /** optimistic concurrency: every edit bumps it */
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** the analysis' one-line summary (the most central member's first clause); null for split themes */
  summary: string | null;
}

export interface ThemeMembersTable {
  id: Generated<number>;
  theme_id: number;
  answer_id: number;
  run_id: number | null;
  // Not a similarity despite its name: a quote rank, 1 for the analysis' most central answer of the
  // theme, 0.05 less per place (run-analysis.ts), 0.5 for answers a user moved. Read as `quoteRank`
  // at the query boundary; the column keeps its name (a rename is a migration on both databases).
  similarity: number;
  assigned_by: "analysis" | "user";
}

export interface TriggerMentionsTable {
  id: Generated<number>;
  answer_id: number;
  response_id: number;
  run_id: number | null;
  trigger_type: string;
  timing: "past" | "upcoming" | "unknown";
  phrase: string;
  /** "correction": added by a marketer (trigger_corrections), never by a run. */
  origin: "text" | "choice" | "correction";
  /** The detector's probability; 1 for ticked choices and marketers' corrections. */
  confidence: ColumnType<number, number | undefined, number>;
}

export interface TriggerCorrectionsTable {
  id: Generated<number>;
  answer_id: number;
  trigger_type: string;
  action: TriggerCorrectionAction;
  /** For "add": the timing the marketer gave. */
  timing: "past" | "upcoming" | "unknown" | null;
  author_id: number | null;
  created_at: Timestamp;
}

export interface ThemeStatsTable {
  id: Generated<number>;
  run_id: number;
  theme_id: number;
  member_count: number;
  share: number;
  avg_severity: number | null;
  /** JSON object: trigger type -> respondents */
  trigger_mix: JsonText;
  /** JSON array of answer ids, best quote first */
  quote_answer_ids: JsonText;
  created_at: Timestamp;
}

export interface ThemeFacetsTable {
  id: Generated<number>;
  run_id: number;
  /** 0 = every respondent analysed (the denominator of a filtered share) */
  theme_id: number;
  survey_id: number;
  industry: string;
  region: string;
  buying_role: string;
  source: string;
  respondents: number;
  severity_sum: number;
  severity_n: number;
}

export interface ResponseFactsTable {
  id: Generated<number>;
  run_id: number;
  response_id: number;
  survey_id: number;
  industry: string;
  region: string;
  buying_role: string;
  source: string;
  severity: number | null;
}

export interface ThemeEditsTable {
  id: Generated<number>;
  /** the theme the marketer edited */
  theme_id: number;
  action: ThemeEditAction;
  /** merge: the target; split: the new theme; move: where the answer went */
  other_theme_id: number | null;
  /** JSON array of answer ids (split, move) */
  answer_ids: JsonText;
  label: string | null;
  author_id: number | null;
  created_at: Timestamp;
}
