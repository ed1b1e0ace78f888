import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { changeSurveyStatus, createSurvey } from "../../db/queries/surveys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { until } from "../setup/until.js";
import { startSmtpReceiver, type SmtpReceiver } from "../setup/smtp.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { createRunner } = await import("../../app/jobs/runner.server.js");
const { createEmailSendJob } = await import("../../app/jobs/email-send.job.server.js");
const { closeSurvey, queueEndedSummaries, saveSurveyLimits, studySummaryJob } = await import("../../app/jobs/study-summary.job.server.js");
const { sendStudySummary } = await import("../../app/reach/study-summary.server.js");
const { confirmOptIn } = await import("../../app/reach/confirmations.server.js");
const { recordStaffOptOut } = await import("../../app/consent/opt-out.server.js");
const { undoBuilderAction } = await import("../../db/queries/builder-undo.js");
const { summarySends } = await import("../../db/queries/study-summary.js");
const { loadAnsweringSurvey, pageQuestions, submitPage } = await import("../../app/surveys/submission.server.js");
const { parsePageAnswers } = await import("../../app/surveys/answer-schema.js");
const { flushCompletions } = await import("../../app/prospects/after-completion.server.js");

type Survey = NonNullable<Awaited<ReturnType<typeof loadAnsweringSurvey>>>;

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
let n = 0;

describe.each(DATABASE_KINDS)("the study summary when a study closes, on %s", (kind) => {
  let h: DatabaseHandle;
  let smtp: SmtpReceiver;
  let survey: Survey;
  let stopRunner: (() => Promise<void>) | undefined;

  function answers(page: number, form: Record<string, string>, on: Survey = survey) {
    const qs = pageQuestions(on, page);
    const values: Record<string, string> = {};
    for (const [role, value] of Object.entries(form)) values[`q_${qs.find((x) => x.role === role)!.id}`] = value;
    const parsed = parsePageAnswers(qs, values);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data;
  }
  async function answer(who: string, summary: boolean, on: Survey = survey) {
    const first = await submitPage(h.db, {
      survey: on,
      pageIndex: 1,
      answers: answers(1, { pain_story: `Our backups fail every week, says ${who}.` }, on),
      identity: { kind: "key", idempotencyKey: `${who}-key-${kind}-0000000001`, attribution: {} },
    });
    if (first.outcome !== "saved") throw new Error(first.outcome);
    const form: Record<string, string> = { contact_email: `${who}-${kind}@example.test`, contact_name: `${who} Person` };
    if (summary) form.consent_contact = "on";
    const done = await submitPage(h.db, {
      survey: on,
      pageIndex: 2,
      answers: answers(2, form, on),
      identity: { kind: "token", token: first.token },
    });
    if (done.outcome !== "complete") throw new Error(done.outcome);
    return `${who}-${kind}@example.test`;
  }
  const personOf = async (email: string) =>
    (await h.db.selectFrom("people").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const summariesTo = (email: string) => smtp.to(email).filter((m) => m.subject?.startsWith("What we found"));

  async function makeSurvey(title: string, limits: { maxResponses?: number } = {}) {
    const slug = `summary-${kind}-${++n}-abcdefghij`;
    await createSurvey(h.db, { slug, title, intro: "", template: null, status: "open", createdBy: null, ...limits }, [
      { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "Story?" },
      { page: 2, kind: "consent", role: "consent_contact", prompt: "Send me the study summary." },
      { page: 2, kind: "short_text", role: "contact_name", prompt: "Name" },
      { page: 2, kind: "email", role: "contact_email", prompt: "Email" },
    ]);
    return (await loadAnsweringSurvey(h.db, slug))!;
  }
  async function confirm(email: string) {
    const link = /http:\/\/\S+\/confirm\/(\S+)/.exec(smtp.to(email)[0]!.text ?? "")!;
    expect(await confirmOptIn(h.db, link[1]!)).toEqual({ ok: true, confirmed: 1 });
  }

  beforeAll(async () => {
    h = await freshDatabase(kind);
    smtp = await startSmtpReceiver();
    survey = await makeSurvey("Backup study");
    // The summary job runs here as on the server: the runs the tests below expect are queued by the app.
    const email = createEmailSendJob({ smtpUrl: smtp.url, retryLimit: 0, retryDelayMs: 20 });
    const runner = createRunner(h.db, [email as never, studySummaryJob as never], {
      pollMs: 50,
      register: false,
      maintenanceIntervalSeconds: 1,
    });
    await runner.ready();
    runner.start();
    stopRunner = () => runner.stop();
  });
  afterEach(() => smtp.refuse(null));
  afterAll(async () => {
    await stopRunner?.();
    await flushCompletions(h.db);
    await smtp.close();
    await h?.close();
  });

  it("goes once, when the close can no longer be undone, to confirmed opt-ins only; never to pending, opted-out or bounced", async () => {
    const yes = await answer("yes", true);
    const pending = await answer("pending", true);
    const optedOut = await answer("optout", true);
    const bounced = await answer("bounced", true);
    const none = await answer("none", false);
    await until(() => [yes, pending, optedOut, bounced].every((e) => smtp.to(e).length === 1), "four confirmation emails");
    for (const email of [yes, optedOut, bounced]) {
      const link = /http:\/\/\S+\/confirm\/(\S+)/.exec(smtp.to(email)[0]!.text ?? "")!;
      expect(await confirmOptIn(h.db, link[1]!)).toEqual({ ok: true, confirmed: 1 });
    }
    await recordStaffOptOut(h.db, await personOf(optedOut), "staff@example.test");
    // A bounce that came back after the confirmation went out (a late DSN): that address gets nothing more.
    await h.db.updateTable("email_messages").set({ status: "bounced" }).where("to_email", "=", bounced).execute();

    // What the analysis found: one theme shared widely, one named by a single person (left out).
    const now = new Date().toISOString();
    const run = await h.db
      .insertInto("analysis_runs")
      .values({
        survey_id: survey.survey.id,
        status: "done",
        progress: 1,
        stage: "done",
        parameters: "{}",
        trigger: "manual",
        response_count: 5,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const theme = (label: string) =>
      h.db
        .insertInto("themes")
        .values({
          kind: "pain",
          survey_id: survey.survey.id,
          label,
          keywords: "[]",
          status: "active",
          pinned: 0,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const wide = await theme("Backups fail silently");
    const rare = await theme("Zeta Corp tape robot");
    await h.db
      .insertInto("theme_stats")
      .values([
        {
          run_id: run.id,
          theme_id: wide.id,
          member_count: 3,
          share: 0.6,
          avg_severity: null,
          trigger_mix: "{}",
          quote_answer_ids: "[]",
          created_at: now,
        },
        {
          run_id: run.id,
          theme_id: rare.id,
          member_count: 1,
          share: 0.2,
          avg_severity: null,
          trigger_mix: "{}",
          quote_answer_ids: "[]",
          created_at: now,
        },
      ])
      .execute();

    // Closed, then undone within the window: nothing is sent, before or after the window.
    const first = await closeSurvey(h.db, survey.survey.id, null);
    if (!first.ok) throw new Error(first.reason);
    const early = await sendStudySummary(h.db, survey.survey.id, later(1));
    expect(early.sent).toEqual([]);
    expect(early.retryInMs).toBeGreaterThan(0);
    expect((await undoBuilderAction(h.db, survey.survey.id, first.value.undoId)).ok).toBe(true);
    expect(await sendStudySummary(h.db, survey.survey.id, later(11))).toEqual({ sent: [], retryInMs: null });

    // Closed for good: sent once the undo window has passed.
    expect((await closeSurvey(h.db, survey.survey.id, null)).ok).toBe(true);
    expect((await sendStudySummary(h.db, survey.survey.id, later(5))).sent).toEqual([]);
    expect((await sendStudySummary(h.db, survey.survey.id, later(11))).sent).toEqual([yes]);
    await until(() => summariesTo(yes).length === 1, "the summary to arrive");
    const mail = summariesTo(yes)[0]!;
    expect(mail.subject).toBe("What we found: Backup study");
    expect(mail.text).toContain("5 people completed the survey.");
    expect(mail.text).toContain("- Backups fail silently: 60%");
    expect(mail.text).not.toContain("Zeta Corp");
    expect(mail.text).not.toMatch(/backups fail every week|Person|@example\.test/i);
    expect(mail.text).toContain("To stop all email from us:");
    expect(mail.headerLines.find((l) => l.key === "list-unsubscribe")?.line).toMatch(/\/unsubscribe\//);

    // A replayed run, and a reopen and close again, send nothing twice.
    expect((await sendStudySummary(h.db, survey.survey.id, later(12))).sent).toEqual([]);
    expect((await changeSurveyStatus(h.db, survey.survey.id, "reopen")).ok).toBe(true);
    expect((await closeSurvey(h.db, survey.survey.id, null)).ok).toBe(true);
    expect((await sendStudySummary(h.db, survey.survey.id, later(11))).sent).toEqual([]);
    expect(await summarySends(h.db, survey.survey.id)).toHaveLength(1);

    // Give any stray message time to be delivered, then check who got what.
    await new Promise((r) => setTimeout(r, 500));
    expect(summariesTo(yes)).toHaveLength(1);
    for (const email of [pending, optedOut, bounced, none]) expect(summariesTo(email)).toHaveLength(0);
    expect(smtp.to(none)).toHaveLength(0);
  });

  it("goes once when the response cap fills, without a close; a respondent who confirms after the end gets it then", async () => {
    const capped = await makeSurvey("Capped study", { maxResponses: 2 });
    const early = await answer("capearly", true, capped);
    await until(() => smtp.to(early).length === 1, "the first confirmation email");
    await confirm(early);
    // The study has not ended yet: nothing goes.
    await new Promise((r) => setTimeout(r, 300));
    expect(await summarySends(h.db, capped.survey.id)).toHaveLength(0);

    // The second completion fills the cap: the summary goes to the confirmed respondent, while the
    // last one, whose opt-in is still pending, gets it only once confirmed.
    const last = await answer("caplast", true, capped);
    await until(() => summariesTo(early).length === 1, "the summary after the cap filled");
    await until(() => smtp.to(last).length === 1, "the last confirmation email");
    expect(summariesTo(last)).toHaveLength(0);
    await confirm(last);
    await until(() => summariesTo(last).length === 1, "the summary after the late confirmation");
    expect(summariesTo(early)[0]!.subject).toBe("What we found: Capped study");
    expect((await h.db.selectFrom("surveys").select("status").where("id", "=", capped.survey.id).executeTakeFirstOrThrow()).status).toBe(
      "open",
    );

    // Once: a replayed run and the runner's start-up sweep send nothing more.
    expect((await sendStudySummary(h.db, capped.survey.id)).sent).toEqual([]);
    expect(await queueEndedSummaries(h.db)).not.toContain(capped.survey.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(summariesTo(early)).toHaveLength(1);
    expect(summariesTo(last)).toHaveLength(1);
    expect(await summarySends(h.db, capped.survey.id)).toHaveLength(2);
  });

  it("goes once when the close date passes, without a close, from the run queued when the date was saved", async () => {
    const dated = await makeSurvey("Dated study");
    const who = await answer("dated", true, dated);
    const never = await answer("datednone", false, dated);
    await until(() => smtp.to(who).length === 1, "the confirmation email");
    await confirm(who);

    // The close date is saved as the builder does; the run it queues waits for that moment.
    const closesAt = new Date(Date.now() + 2000).toISOString();
    const saved = await saveSurveyLimits(h.db, dated.survey.id, { closesAt, maxResponses: null });
    expect(saved.ok).toBe(true);
    expect(await sendStudySummary(h.db, dated.survey.id)).toMatchObject({ sent: [] });
    await until(() => summariesTo(who).length === 1, "the summary after the close date", 60_000);
    // Sent by the run after the close date, not before it.
    const [send] = await summarySends(h.db, dated.survey.id);
    expect(Date.parse(send!.created_at)).toBeGreaterThanOrEqual(Date.parse(closesAt));

    expect((await sendStudySummary(h.db, dated.survey.id)).sent).toEqual([]);
    expect(await queueEndedSummaries(h.db)).not.toContain(dated.survey.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(summariesTo(who)).toHaveLength(1);
    expect(summariesTo(never)).toHaveLength(0);
    expect(await summarySends(h.db, dated.survey.id)).toHaveLength(1);
  });
});
