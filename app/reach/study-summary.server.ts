/**
 * The study summary (issue 14 item 5, ADR 0702): when a survey has ended for good (closed and the
 * close can no longer be undone, or still open past its close date or with its response cap
 * filled), each respondent with a confirmed study-summary opt-in gets one email with
 * what the study found, in words safe to send to a prospect: how many answered and the pain themes
 * most often named, with their share. No other person's name, company, answers or quotes, and a
 * theme is named only when at least MIN_THEME_RESPONDENTS people share it.
 *
 * Who gets it is summaryRecipients (db/queries/study-summary.ts): confirmed opt-ins only (pending
 * ones get nothing), never the unsubscribed, never an address that bounced or failed. Each send is
 * claimed in study_summary_sends in the message's own transaction, so no one gets it twice.
 */
import type { Kysely } from "kysely";
import {
  claimSummarySend,
  closeUndoableUntil,
  noteSummaryMessage,
  summaryFigures,
  summaryRecipients,
  type SummaryFigures,
} from "../../db/queries/study-summary.js";
import { countResponses } from "../../db/queries/response-listing.js";
import { getSurvey } from "../../db/queries/surveys.js";
import type { Database } from "../../db/schema.js";
import { queueMessage } from "./mailer.server.js";

/** A theme shared by fewer people is left out: a rare pain could point at the person who named it. */
export const MIN_THEME_RESPONDENTS = 3;
const THEMES_SHOWN = 5;

export interface SummaryOutcome {
  /** the addresses a summary was queued for */
  sent: string[];
  /** the close can still be undone: try again this much later (null: nothing more to do) */
  retryInMs: number | null;
}

export function summaryText(title: string, f: SummaryFigures): string {
  const lines = [
    "Hello,",
    "",
    `Thank you for taking part in our study "${title}". It is now closed, and as promised here is what we found.`,
    "",
    `${f.completed} ${f.completed === 1 ? "person" : "people"} completed the survey.`,
  ];
  const themes = f.themes.filter((t) => t.respondents >= MIN_THEME_RESPONDENTS).slice(0, THEMES_SHOWN);
  if (themes.length) {
    lines.push("", `The pains named most often (share of the ${f.analysed} answers analysed):`);
    for (const t of themes) lines.push(`- ${t.label}: ${Math.round(t.share * 100)}%`);
  } else {
    lines.push("", "Too few answers shared a theme for us to report one without pointing at the people who gave it.");
  }
  lines.push("", "This summary names no participant and quotes no one.");
  return `${lines.join("\n")}\n`;
}

export interface SummaryReadiness {
  /** the survey has ended for good: its summary may go now */
  ended: boolean;
  /** not yet, but it may have ended by then: check again this much later (null: nothing to wait for) */
  retryInMs: number | null;
}

/**
 * Whether a survey's study has ended for good (ADR 0702, revision 2026-12-02): closed with the close
 * past its undo window, or open past its close date, or open with its response cap filled. A close
 * date or cap that is later moved or raised opens it again, like a reopen.
 */
export async function summaryReadiness(db: Kysely<Database>, surveyId: number, now: Date = new Date()): Promise<SummaryReadiness> {
  const survey = await getSurvey(db, surveyId);
  const not = (retryInMs: number | null = null) => ({ ended: false, retryInMs });
  if (!survey) return not();
  if (survey.status === "closed") {
    const undoableUntil = await closeUndoableUntil(db, surveyId, now.toISOString());
    return undoableUntil ? not(Math.max(1000, Date.parse(undoableUntil) - now.getTime() + 1000)) : { ended: true, retryInMs: null };
  }
  // Reopened (or undone) meanwhile, a draft or archived: nothing now; the next close queues its own run.
  if (survey.status !== "open") return not();
  const closesAt = survey.closes_at ? Date.parse(survey.closes_at) : NaN;
  if (closesAt <= now.getTime()) return { ended: true, retryInMs: null };
  if (survey.max_responses !== null && (await countResponses(db, { surveyId, status: "complete" })) >= Number(survey.max_responses))
    return { ended: true, retryInMs: null };
  return Number.isFinite(closesAt) ? not(Math.max(1000, closesAt - now.getTime() + 1000)) : not();
}

/** Sends the summary of an ended survey to whoever should have it and has not; safe to run again. */
export async function sendStudySummary(db: Kysely<Database>, surveyId: number, now: Date = new Date()): Promise<SummaryOutcome> {
  const readiness = await summaryReadiness(db, surveyId, now);
  if (!readiness.ended) return { sent: [], retryInMs: readiness.retryInMs };
  const survey = (await getSurvey(db, surveyId))!;

  const recipients = await summaryRecipients(db, surveyId);
  if (!recipients.length) return { sent: [], retryInMs: null };
  const text = summaryText(survey.title, await summaryFigures(db, surveyId, THEMES_SHOWN * 3));
  const sent: string[] = [];
  for (const r of recipients) {
    await db.transaction().execute(async (trx) => {
      const sendId = await claimSummarySend(trx, { surveyId, personId: r.personId, consentId: r.consentId, now: now.toISOString() });
      if (sendId === null) return;
      const { id } = await queueMessage(
        trx,
        { kind: "summary", to: r.email, personId: r.personId, subject: `What we found: ${survey.title}`, text },
        now,
      );
      await noteSummaryMessage(trx, sendId, id);
      sent.push(r.email);
    });
  }
  return { sent, retryInMs: null };
}
