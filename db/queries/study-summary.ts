import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import { UNSUBSCRIBE_WORDING_VERSION } from "./consents.js";
import { themeLabel } from "./themes.js";

/**
 * The study summary (migration 0016, ADR 0702): who gets it, what it may say, and the record that
 * it went. SQL and row mapping only; the rules (when a closed study is settled, what is safe to
 * tell a prospect) live in app/reach/study-summary.server.ts.
 */

export interface SummaryRecipient {
  personId: number;
  consentId: number;
  email: string;
}

/**
 * People with a standing, confirmed study-summary opt-in given on this survey, who have an address,
 * have not unsubscribed, whose address never bounced or failed for good, and who were not sent this
 * survey's summary yet. One row per person (their first such consent).
 */
export async function summaryRecipients(db: Kysely<Database>, surveyId: number): Promise<SummaryRecipient[]> {
  const rows = await db
    .selectFrom("consents as c")
    .innerJoin("responses as r", "r.id", "c.response_id")
    .innerJoin("people as p", "p.id", "c.person_id")
    .where("r.survey_id", "=", surveyId)
    .where("c.purpose", "=", "study_summary")
    .where("c.status", "=", "opted_in")
    .where("c.withdrawn_at", "is", null)
    // Double opt-in: a pending opt-in gets nothing.
    .where("c.pending", "=", 0)
    .where("p.email", "is not", null)
    .where("p.email", "!=", "")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("consents as unsub")
            .select("unsub.id")
            .whereRef("unsub.person_id", "=", "p.id")
            .where("unsub.status", "=", "opted_out")
            .where("unsub.wording_version", "=", UNSUBSCRIBE_WORDING_VERSION)
            .where("unsub.withdrawn_at", "is", null),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("email_messages as m")
            .select("m.id")
            .where(sql<boolean>`lower(m.to_email) = lower(p.email)`)
            .where("m.status", "in", ["bounced", "failed"]),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("study_summary_sends as s").select("s.id").whereRef("s.person_id", "=", "p.id").where("s.survey_id", "=", surveyId),
        ),
      ),
    )
    .select(["c.id as consentId", "p.id as personId", "p.email as email"])
    .orderBy("c.id")
    .execute();
  const seen = new Set<number>();
  const out: SummaryRecipient[] = [];
  for (const r of rows) {
    if (seen.has(r.personId) || !r.email) continue;
    seen.add(r.personId);
    out.push({ personId: r.personId, consentId: r.consentId, email: r.email });
  }
  return out;
}

/**
 * Claims the send for one survey and person inside the message's transaction; false when it was
 * sent already (a replayed job, a second close). The unique index settles two jobs racing.
 */
export async function claimSummarySend(
  trx: Kysely<Database>,
  s: { surveyId: number; personId: number; consentId: number; now: string },
): Promise<number | null> {
  const already = await trx
    .selectFrom("study_summary_sends")
    .select("id")
    .where("survey_id", "=", s.surveyId)
    .where("person_id", "=", s.personId)
    .executeTakeFirst();
  if (already) return null;
  const row = await trx
    .insertInto("study_summary_sends")
    .values({ survey_id: s.surveyId, person_id: s.personId, consent_id: s.consentId, message_id: 0, created_at: s.now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function noteSummaryMessage(trx: Kysely<Database>, sendId: number, messageId: number): Promise<void> {
  await trx.updateTable("study_summary_sends").set({ message_id: messageId }).where("id", "=", sendId).execute();
}

export async function summarySends(db: Kysely<Database>, surveyId: number) {
  return db.selectFrom("study_summary_sends").selectAll().where("survey_id", "=", surveyId).orderBy("id").execute();
}

/** When the latest close of this survey can no longer be undone; undefined when no close is undoable now. */
export async function closeUndoableUntil(db: Kysely<Database>, surveyId: number, now: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("builder_undos")
    .select("expires_at")
    .where("survey_id", "=", surveyId)
    .where("action", "=", "close")
    .where("expires_at", ">", now)
    .orderBy("expires_at", "desc")
    .executeTakeFirst();
  return row?.expires_at;
}

export interface SummaryFigures {
  completed: number;
  /** respondents the analysis read (the base of each share); 0 without an analysis of this survey */
  analysed: number;
  themes: { label: string; share: number; respondents: number }[];
}

/** Counts and the pain themes of the survey's latest finished analysis, most shared first. */
export async function summaryFigures(db: Kysely<Database>, surveyId: number, limit: number): Promise<SummaryFigures> {
  const completed = await db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("survey_id", "=", surveyId)
    .where("status", "=", "complete")
    .executeTakeFirstOrThrow();
  const run = await db
    .selectFrom("analysis_runs")
    .select(["id", "response_count"])
    .where("survey_id", "=", surveyId)
    .where("status", "=", "done")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!run) return { completed: Number(completed.n), analysed: 0, themes: [] };
  const themes = await db
    .selectFrom("theme_stats as ts")
    .innerJoin("themes as t", "t.id", "ts.theme_id")
    .where("ts.run_id", "=", run.id)
    .where("t.kind", "=", "pain")
    .where("t.status", "=", "active")
    .select(["t.label", "t.custom_label", "ts.share", "ts.member_count"])
    .orderBy("ts.share", "desc")
    .orderBy("t.id")
    .limit(limit)
    .execute();
  return {
    completed: Number(completed.n),
    analysed: Number(run.response_count),
    themes: themes.map((t) => ({ label: themeLabel(t), share: Number(t.share), respondents: Number(t.member_count) })),
  };
}

/** Open surveys that may have ended without a close: past their close date, or with a response cap. */
export async function endedSurveyCandidates(db: Kysely<Database>, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom("surveys")
    .select("id")
    .where("status", "=", "open")
    .where((eb) => eb.or([eb("closes_at", "<=", now), eb("max_responses", "is not", null)]))
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}
