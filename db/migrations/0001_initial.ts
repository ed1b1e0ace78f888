import type { Kysely } from "kysely";
import { withId } from "../migration-helpers.js";

// Timestamps are ISO text, flags 0/1 integers, JSON text: identical behaviour on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("users"))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await withId(db, db.schema.createTable("surveys"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("intro", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("template", "text")
    .addColumn("template_vars", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("closes_at", "text")
    .addColumn("max_responses", "integer")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();

  await withId(db, db.schema.createTable("questions"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("page", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("prompt", "text", (c) => c.notNull())
    .addColumn("help_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("options", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("allow_other", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("required", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("role", "text")
    .execute();
  await db.schema.createIndex("questions_survey").on("questions").columns(["survey_id", "position"]).execute();

  await withId(db, db.schema.createTable("companies"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("industry", "text")
    .addColumn("region", "text")
    .addColumn("site_count", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("people"))
    .addColumn("company_id", "integer", (c) => c.references("companies.id").onDelete("set null"))
    .addColumn("email", "text")
    .addColumn("name", "text")
    .addColumn("job_title", "text")
    .addColumn("source", "text", (c) => c.notNull().defaultTo("unknown"))
    .addColumn("utm_source", "text")
    .addColumn("utm_campaign", "text")
    .addColumn("rep", "text")
    .addColumn("owner_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("people_email").on("people").column("email").execute();

  await withId(db, db.schema.createTable("responses"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("partial"))
    .addColumn("resume_token_hash", "text", (c) => c.notNull().unique())
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("current_page", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("source", "text", (c) => c.notNull().defaultTo("unknown"))
    .addColumn("utm_source", "text")
    .addColumn("utm_campaign", "text")
    .addColumn("rep", "text")
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("web"))
    .addColumn("meta", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .addUniqueConstraint("responses_idempotency", ["survey_id", "idempotency_key"])
    .execute();
  await db.schema.createIndex("responses_survey_status").on("responses").columns(["survey_id", "status"]).execute();
  await db.schema.createIndex("responses_person").on("responses").column("person_id").execute();

  await withId(db, db.schema.createTable("answers"))
    .addColumn("response_id", "integer", (c) => c.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("question_id", "integer", (c) => c.notNull().references("questions.id").onDelete("cascade"))
    .addColumn("value_text", "text")
    .addColumn("value_number", "double precision")
    .addColumn("value_json", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("answers_one_per_question", ["response_id", "question_id"])
    .execute();
  await db.schema.createIndex("answers_question").on("answers").column("question_id").execute();

  await withId(db, db.schema.createTable("consents"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("response_id", "integer", (c) => c.references("responses.id").onDelete("set null"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("wording", "text", (c) => c.notNull())
    .addColumn("wording_version", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("captured_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_at", "text")
    .execute();
  await db.schema.createIndex("consents_person_purpose").on("consents").columns(["person_id", "purpose"]).execute();

  await withId(db, db.schema.createTable("analysis_runs"))
    .addColumn("survey_id", "integer", (c) => c.references("surveys.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued"))
    .addColumn("progress", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("stage", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("parameters", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("quality", "text")
    .addColumn("error", "text")
    .addColumn("trigger", "text", (c) => c.notNull().defaultTo("manual"))
    .addColumn("response_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .execute();

  await withId(db, db.schema.createTable("themes"))
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("pain"))
    .addColumn("survey_id", "integer", (c) => c.references("surveys.id").onDelete("cascade"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("custom_label", "text")
    .addColumn("keywords", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("merged_into_id", "integer", (c) => c.references("themes.id").onDelete("set null"))
    .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("centroid", "text")
    .addColumn("created_run_id", "integer", (c) => c.references("analysis_runs.id").onDelete("set null"))
    .addColumn("last_run_id", "integer", (c) => c.references("analysis_runs.id").onDelete("set null"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("theme_members"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("cascade"))
    .addColumn("answer_id", "integer", (c) => c.notNull().references("answers.id").onDelete("cascade"))
    .addColumn("run_id", "integer", (c) => c.references("analysis_runs.id").onDelete("set null"))
    .addColumn("similarity", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("assigned_by", "text", (c) => c.notNull().defaultTo("analysis"))
    .execute();
  await db.schema.createIndex("theme_members_theme").on("theme_members").column("theme_id").execute();
  await db.schema.createIndex("theme_members_answer").on("theme_members").column("answer_id").execute();

  await withId(db, db.schema.createTable("trigger_mentions"))
    .addColumn("answer_id", "integer", (c) => c.notNull().references("answers.id").onDelete("cascade"))
    .addColumn("response_id", "integer", (c) => c.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("run_id", "integer", (c) => c.references("analysis_runs.id").onDelete("set null"))
    .addColumn("trigger_type", "text", (c) => c.notNull())
    .addColumn("timing", "text", (c) => c.notNull())
    .addColumn("phrase", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("text"))
    .execute();
  await db.schema.createIndex("trigger_mentions_response").on("trigger_mentions").column("response_id").execute();

  await withId(db, db.schema.createTable("value_propositions"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("value_propositions_version", ["theme_id", "version"])
    .execute();

  await withId(db, db.schema.createTable("board_notes"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("author_role", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("board_notes_theme").on("board_notes").column("theme_id").execute();

  await withId(db, db.schema.createTable("qualification_profiles"))
    .addColumn("version", "integer", (c) => c.notNull().unique())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("assessments"))
    .addColumn("person_id", "integer", (c) => c.notNull().unique().references("people.id").onDelete("cascade"))
    .addColumn("profile_id", "integer", (c) => c.notNull().references("qualification_profiles.id"))
    .addColumn("score", "double precision", (c) => c.notNull())
    .addColumn("band", "text", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("parts", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("funnel_plans"))
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("goal_deals", "integer", (c) => c.notNull())
    .addColumn("close_ratio", "double precision", (c) => c.notNull())
    .addColumn("cycle_days", "integer", (c) => c.notNull())
    .addColumn("marketing_share", "double precision", (c) => c.notNull())
    .addColumn("deal_size", "double precision", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("opportunities"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("amount", "double precision")
    .addColumn("owner_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("failed_gate", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("qualified_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("outcome", "text")
    .execute();

  await withId(db, db.schema.createTable("api_keys"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "api_keys",
    "opportunities",
    "funnel_plans",
    "assessments",
    "qualification_profiles",
    "board_notes",
    "value_propositions",
    "trigger_mentions",
    "theme_members",
    "themes",
    "analysis_runs",
    "consents",
    "answers",
    "responses",
    "people",
    "companies",
    "questions",
    "surveys",
    "sessions",
    "users",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
