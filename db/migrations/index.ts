import type { Migration } from "kysely";
import * as m0001 from "./0001_initial.js";
import * as m0002 from "./0002_board.js";
import * as m0003 from "./0003_readiness.js";
import * as m0004 from "./0004_trigger_corrections.js";
import * as m0005 from "./0005_report.js";
import * as m0007 from "./0007_theme_models.js";
import * as m0008 from "./0008_question_logic.js";
import * as m0009 from "./0009_jobs.js";
import * as m0010 from "./0010_email.js";
import * as m0011 from "./0011_webhooks.js";
import * as m0012 from "./0012_one_question_at_a_time.js";
import * as m0013 from "./0013_quotas_languages.js";
import * as m0014 from "./0014_builder_undo.js";
import * as m0015 from "./0015_person_merges.js";
import * as m0016 from "./0016_study_summaries.js";

/**
 * A static list rather than FileMigrationProvider: it works the same under tsx, vitest and the
 * Remix server bundle, and a migration can never be skipped because a file failed to load.
 * Append new migrations here; names sort in order.
 */
export const migrations: Record<string, Migration> = {
  "0001_initial": m0001,
  "0002_board": m0002,
  "0003_readiness": m0003,
  "0004_trigger_corrections": m0004,
  "0005_report": m0005,
  "0007_theme_models": m0007,
  "0008_question_logic": m0008,
  "0009_jobs": m0009,
  "0010_email": m0010,
  "0011_webhooks": m0011,
  "0012_one_question_at_a_time": m0012,
  "0013_quotas_languages": m0013,
  "0014_builder_undo": m0014,
  "0015_person_merges": m0015,
  "0016_study_summaries": m0016,
};
