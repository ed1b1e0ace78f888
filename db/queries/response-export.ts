/**
 * The raw export of responses: one column per question of the surveys in the filter, read in
 * batches of response ids (one answers query per batch, never one per response).
 */
import type { Kysely } from "kysely";
import type { Database, Question } from "../schema.js";
import { answerValue, baseRows, countResponses, matchingResponses, type AnswerValue, type ResponseFilters } from "./response-listing.js";

const EXPORT_BATCH = 500;

const EXPORT_META_COLUMNS = [
  "response_id",
  "survey_id",
  "survey",
  "status",
  "started_at",
  "completed_at",
  "source",
  "utm_source",
  "utm_campaign",
  "rep",
  "origin",
  "name",
  "email",
  "company",
] as const;

interface ExportColumn {
  header: string;
  /** meta columns: the field; question columns: null */
  meta: (typeof EXPORT_META_COLUMNS)[number] | null;
}

export interface ExportPlan {
  columns: ExportColumn[];
  /** question id -> column index (questions of several surveys that share a prompt share a column) */
  questionColumn: Map<number, number>;
  questionKind: Map<number, string>;
  /** each column's question role (null for meta columns and questions without one): what a redaction reads */
  columnRoles: Array<string | null>;
  count: number;
}

/** Blanks what staff may not see in a batch (the consent rule lives in app/consent; it gets each row's person). */
export type ExportRedaction = (rows: ExportRow[], personIds: Array<number | null>, plan: ExportPlan) => Promise<void>;

/**
 * Columns: the metadata, then one per question in survey and position order, headed by its prompt.
 * Surveys made from the same template share their prompts, so their answers line up in one column.
 */
export async function exportPlan(db: Kysely<Database>, filters: ResponseFilters): Promise<ExportPlan> {
  const count = await countResponses(db, filters);
  const surveyIds =
    filters.surveyId !== undefined
      ? [filters.surveyId]
      : (await db.selectFrom("responses").where(matchingResponses(filters)).select("responses.survey_id").distinct().execute()).map(
          (r) => r.survey_id,
        );
  const questions: Question[] = surveyIds.length
    ? await db.selectFrom("questions").selectAll().where("survey_id", "in", surveyIds).orderBy("survey_id").orderBy("position").execute()
    : [];
  const columns: ExportColumn[] = EXPORT_META_COLUMNS.map((meta) => ({ header: meta, meta }));
  const columnRoles: Array<string | null> = columns.map(() => null);
  const used = new Set<string>(columns.map((c) => c.header));
  const byPrompt = new Map<string, number>();
  const questionColumn = new Map<number, number>();
  const questionKind = new Map<number, string>();
  const takenInSurvey = new Map<number, Set<number>>();
  for (const q of questions) {
    questionKind.set(q.id, q.kind);
    const taken = takenInSurvey.get(q.survey_id) ?? new Set<number>();
    takenInSurvey.set(q.survey_id, taken);
    const prompt = q.prompt.trim() || `Question ${q.position}`;
    const shared = byPrompt.get(prompt);
    if (shared !== undefined && !taken.has(shared)) {
      questionColumn.set(q.id, shared);
      taken.add(shared);
      continue;
    }
    let header = prompt;
    for (let n = 2; used.has(header); n++) header = `${prompt} (${n})`;
    used.add(header);
    columns.push({ header, meta: null });
    columnRoles.push(q.role);
    const index = columns.length - 1;
    if (shared === undefined) byPrompt.set(prompt, index);
    questionColumn.set(q.id, index);
    taken.add(index);
  }
  return { columns, questionColumn, questionKind, columnRoles, count };
}

export type ExportRow = AnswerValue[];

/**
 * Rows in batches of `batchSize` responses (oldest first): one query for the responses and one for
 * their answers per batch, whatever the number of questions.
 */
export async function* exportBatches(
  db: Kysely<Database>,
  filters: ResponseFilters,
  plan: ExportPlan,
  batchSize = EXPORT_BATCH,
  redact?: ExportRedaction,
): AsyncGenerator<ExportRow[]> {
  let afterId = 0;
  for (;;) {
    const rows = await baseRows(db)
      .where(matchingResponses(filters))
      .where("responses.id", ">", afterId)
      .orderBy("responses.id")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1].id;
    const answers = await db
      .selectFrom("answers")
      .select(["response_id", "question_id", "value_text", "value_number", "value_json"])
      .where(
        "response_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    const byResponse = new Map<number, typeof answers>();
    for (const a of answers) {
      const list = byResponse.get(a.response_id);
      if (list) list.push(a);
      else byResponse.set(a.response_id, [a]);
    }
    const batch = rows.map((r) => {
      const out: ExportRow = new Array(plan.columns.length).fill(null);
      const meta: Record<(typeof EXPORT_META_COLUMNS)[number], AnswerValue> = {
        response_id: r.id,
        survey_id: r.surveyId,
        survey: r.surveyTitle,
        status: r.status,
        started_at: r.startedAt,
        completed_at: r.completedAt,
        source: r.source,
        utm_source: r.utmSource,
        utm_campaign: r.utmCampaign,
        rep: r.rep,
        origin: r.origin,
        name: r.personName,
        email: r.personEmail,
        company: r.company,
      };
      plan.columns.forEach((c, i) => {
        if (c.meta) out[i] = meta[c.meta];
      });
      for (const a of byResponse.get(r.id) ?? []) {
        const index = plan.questionColumn.get(a.question_id);
        if (index !== undefined) out[index] = answerValue(plan.questionKind.get(a.question_id) ?? "", a);
      }
      return out;
    });
    if (redact)
      await redact(
        batch,
        rows.map((r) => r.personId),
        plan,
      );
    yield batch;
    if (rows.length < batchSize) return;
  }
}
