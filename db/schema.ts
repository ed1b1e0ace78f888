import type { Selectable } from "kysely";
import type { ApiKeysTable, SessionsTable, UsedTokensTable, UsersTable } from "./schema/accounts.js";
import type { BoardNotesTable, NoteReadsTable, ValuePropositionsTable } from "./schema/board.js";
import type { JobsTable } from "./schema/jobs.js";
import type {
  AssessmentsTable,
  FunnelPlansTable,
  OpportunitiesTable,
  PersonMergesTable,
  QualificationProfilesTable,
} from "./schema/prospects.js";
import type { EmailMessagesTable, InvitationCampaignsTable, InvitationsTable, StudySummarySendsTable } from "./schema/reach.js";
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from "./schema/webhooks.js";
import type { ReportSharesTable, VerdictRulesTable } from "./schema/report.js";
import type {
  AnswersTable,
  BuilderUndosTable,
  CompaniesTable,
  ConsentsTable,
  PeopleTable,
  QuestionsTable,
  ResponsesTable,
  SurveyQuotasTable,
  SurveysTable,
  SurveyTranslationsTable,
} from "./schema/surveys.js";
import type {
  AnalysisRunsTable,
  ResponseFactsTable,
  ThemeEditsTable,
  ThemeFacetsTable,
  ThemeMembersTable,
  ThemesTable,
  ThemeStatsTable,
  TriggerCorrectionsTable,
  TriggerMentionsTable,
} from "./schema/themes.js";

/**
 * The database as Kysely sees it: one entry per table. The tables are declared by family in
 * db/schema/ (columns.ts holds the column conventions and value sets); import them from here.
 */
export type * from "./schema/accounts.js";
export type * from "./schema/board.js";
export type * from "./schema/columns.js";
export type * from "./schema/jobs.js";
export type * from "./schema/prospects.js";
export type * from "./schema/reach.js";
export type * from "./schema/report.js";
export type * from "./schema/surveys.js";
export type * from "./schema/themes.js";
export type * from "./schema/webhooks.js";

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
  used_tokens: UsedTokensTable;
  theme_stats: ThemeStatsTable;
  theme_facets: ThemeFacetsTable;
  response_facts: ResponseFactsTable;
  note_reads: NoteReadsTable;
  verdict_rules: VerdictRulesTable;
  report_shares: ReportSharesTable;
  theme_edits: ThemeEditsTable;
  jobs: JobsTable;
  email_messages: EmailMessagesTable;
  invitation_campaigns: InvitationCampaignsTable;
  invitations: InvitationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  survey_quotas: SurveyQuotasTable;
  survey_translations: SurveyTranslationsTable;
  person_merges: PersonMergesTable;
  builder_undos: BuilderUndosTable;
  study_summary_sends: StudySummarySendsTable;
}

export type User = Selectable<UsersTable>;
export type Survey = Selectable<SurveysTable>;
export type Question = Selectable<QuestionsTable>;
export type ResponseRow = Selectable<ResponsesTable>;
export type Answer = Selectable<AnswersTable>;
export type AnalysisRun = Selectable<AnalysisRunsTable>;
export type Theme = Selectable<ThemesTable>;
