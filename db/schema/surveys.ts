import type { ColumnType, Generated } from "kysely";
import type {
  Timestamp,
  Flag,
  JsonText,
  SurveyStatus,
  ResponseStatus,
  PersonSource,
  ConsentPurpose,
  ConsentStatus,
  PipelineStatus,
} from "./columns.js";

/** Surveys and what prospects answered: questions, responses, answers, the people and companies behind them, consents. */

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
  /** 1: with JavaScript the public form shows one question per screen (ADR 0601) */
  one_at_a_time: Generated<number>;
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
  pipeline_status: Generated<PipelineStatus>;
  reject_reason: string | null;
  contacted_at: Timestamp | null;
  status_changed_at: Timestamp | null;
  /** set when this person was merged into another (the row stays so the merge can be undone; ADR 0402) */
  merged_into_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** the language the prospect answered in; null: the survey's own (rows before 0013, imports, demo) */
  language: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** 1: a double opt-in waiting for its confirmation link (app/consent/consent-rule.ts, ADR 0700) */
  pending: Generated<Flag>;
  confirmed_at: Timestamp | null;
}

/** Quotas per segment (migration 0013, ADR 0602). */
export interface SurveyQuotasTable {
  id: Generated<number>;
  survey_id: number;
  /** a choice question of the survey; the segment is the prospects who chose `option` */
  question_id: number;
  option: string;
  max_complete: number;
  created_at: Timestamp;
}

/** A survey's strings in another language (migration 0013, ADR 0602). */
export interface SurveyTranslationsTable {
  survey_id: number;
  /** a language code of app/surveys/i18n/languages.ts, e.g. "es" */
  language: string;
  /** JSON: SurveyStrings (app/surveys/i18n/translation.ts) */
  strings: JsonText;
  updated_at: Timestamp;
}

/** A builder change that can be undone for a while (migration 0014, ADR 0603). */
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
