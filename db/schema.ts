import type { ColumnType, Generated, Selectable } from "kysely";

/**
 * Portable column conventions (see docs/decisions/0003-portable-schema.md):
 * - timestamps are ISO-8601 UTC strings (text) on both SQLite and PostgreSQL,
 * - booleans are integers 0/1,
 * - JSON is text, parsed by the query functions that own the column.
 */
type Timestamp = string;
type Flag = number;
type JsonText = string;

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

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a leaked table does not leak live sessions */
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface SurveysTable {
  id: Generated<number>;
  slug: string;
  title: string;
  intro: string;
  status: SurveyStatus;
  template: string | null;
  template_vars: JsonText;
  closes_at: Timestamp | null;
  max_responses: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

export interface QuestionsTable {
  id: Generated<number>;
  survey_id: number;
  position: number;
  /** questions with the same page number are shown together */
  page: number;
  kind: string;
  prompt: string;
  help_text: string;
  options: JsonText;
  allow_other: Flag;
  required: Flag;
  role: string | null;
  /** display logic as JSON text (app/surveys/logic/rules.ts); null: always shown */
  logic: string | null;
}

export interface CompaniesTable {
  id: Generated<number>;
  name: string;
  industry: string | null;
  region: string | null;
  site_count: number | null;
  created_at: Timestamp;
}

export interface PeopleTable {
  id: Generated<number>;
  company_id: number | null;
  email: string | null;
  name: string | null;
  job_title: string | null;
  source: PersonSource;
  utm_source: string | null;
  utm_campaign: string | null;
  rep: string | null;
  owner_user_id: number | null;
  created_at: Timestamp;
}

export interface ResponsesTable {
  id: Generated<number>;
  survey_id: number;
  person_id: number | null;
  status: ResponseStatus;
  /** sha256 of the resume token; the token itself only lives in the prospect's link */
  resume_token_hash: string;
  /** client-generated key: a retried first page finds its response instead of creating another */
  idempotency_key: string;
  current_page: number;
  source: PersonSource;
  utm_source: string | null;
  utm_campaign: string | null;
  rep: string | null;
  origin: "web" | "import" | "demo";
  meta: JsonText;
  started_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface AnswersTable {
  id: Generated<number>;
  response_id: number;
  question_id: number;
  value_text: string | null;
  value_number: number | null;
  /** multiple choice: JSON array of chosen options */
  value_json: JsonText | null;
  updated_at: Timestamp;
}

export interface ConsentsTable {
  id: Generated<number>;
  person_id: number;
  response_id: number | null;
  purpose: ConsentPurpose;
  status: ConsentStatus;
  wording: string;
  wording_version: string;
  actor: string;
  captured_at: Timestamp;
  withdrawn_at: Timestamp | null;
}

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

export type TriggerCorrectionAction = "reject" | "add";

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

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  surveys: SurveysTable;
  questions: QuestionsTable;
  companies: CompaniesTable;
  people: PeopleTable;
  responses: ResponsesTable;
  answers: AnswersTable;
  consents: ConsentsTable;
  analysis_runs: AnalysisRunsTable;
  themes: ThemesTable;
  theme_members: ThemeMembersTable;
  trigger_mentions: TriggerMentionsTable;
  trigger_corrections: TriggerCorrectionsTable;
  value_propositions: ValuePropositionsTable;
  board_notes: BoardNotesTable;
  qualification_profiles: QualificationProfilesTable;
  assessments: AssessmentsTable;
  funnel_plans: FunnelPlansTable;
  opportunities: OpportunitiesTable;
  api_keys: ApiKeysTable;
}

export type User = Selectable<UsersTable>;
export type Survey = Selectable<SurveysTable>;
export type Question = Selectable<QuestionsTable>;
export type ResponseRow = Selectable<ResponsesTable>;
export type Answer = Selectable<AnswersTable>;
export type AnalysisRun = Selectable<AnalysisRunsTable>;
export type Theme = Selectable<ThemesTable>;

// --- Readiness to buy (issue 5, migration 0003): merged into the interfaces above. ---
export type PipelineStatus = "new" | "accepted" | "rejected";

export interface PeopleTable {
  pipeline_status: Generated<PipelineStatus>;
  reject_reason: string | null;
  contacted_at: Timestamp | null;
  status_changed_at: Timestamp | null;
}

export interface AssessmentsTable {
  /** when the person first became ready now (kept while they stay ready): the follow-up clock */
  ready_since: Timestamp | null;
}

export interface FunnelPlansTable {
  follow_up_days: Generated<number>;
}

export interface UsedTokensTable {
  jti: string;
  purpose: string;
  used_at: Timestamp;
}

export interface Database {
  used_tokens: UsedTokensTable;
}

// --- Value-proposition board (issue 4, migration 0002): merged into the interfaces above. ---
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

export interface NoteReadsTable {
  user_id: number;
  theme_id: number;
  seen_at: Timestamp;
}

export interface Database {
  theme_stats: ThemeStatsTable;
  theme_facets: ThemeFacetsTable;
  response_facts: ResponseFactsTable;
  note_reads: NoteReadsTable;
}

// --- Validation study report (issue 16, migration 0009): merged into the interfaces above. ---
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

export interface Database {
  verdict_rules: VerdictRulesTable;
  report_shares: ReportSharesTable;
}

// --- Live theme assignment and edit log (issue 10, migration 0007): merged into the interfaces above. ---
export interface AnalysisRunsTable {
  /** serialised ThemeModel (analysis/assign.ts) of a done run; null for runs before 0007 or with no clusters */
  theme_model: JsonText | null;
  /** JSON array: theme id of each cluster of the model (cluster i -> themes.id) */
  model_theme_ids: JsonText | null;
}

export interface ThemesTable {
  /** the analysis' one-line summary (the most central member's first clause); null for split themes */
  summary: string | null;
}

export type ThemeEditAction = "rename" | "merge" | "split" | "move" | "hide" | "unhide" | "pin" | "unpin";

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

export interface Database {
  theme_edits: ThemeEditsTable;
}

// --- Jobs (issue 12, migration 0009): the SQLite job table. On PostgreSQL jobs live in pg-boss's schema. ---
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

export interface Database {
  jobs: JobsTable;
}

// --- Builder undo (issue 13 item 8, migration 0014): merged into the interfaces above. ---
export interface BuilderUndosTable {
  id: Generated<number>;
  survey_id: number;
  action: "remove-question" | "close";
  label: string;
  snapshot: JsonText;
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface Database {
  builder_undos: BuilderUndosTable;
}
