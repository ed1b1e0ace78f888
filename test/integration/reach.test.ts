import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { until } from "../setup/until.js";
import { startSmtpReceiver, type SmtpReceiver } from "../setup/smtp.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
// Retries a moment apart, so a refusing server is retried, then failed, within the test.
process.env.MAIL_RETRY_DELAY_MS = "20";
process.env.MAIL_RETRY_LIMIT = "2";
const { createRunner } = await import("../../app/jobs/runner.server.js");
const { createEmailSendJob } = await import("../../app/jobs/email-send.job.server.js");
const { queueMessage } = await import("../../app/reach/mailer.server.js");
const { parseContactCsv } = await import("../../app/reach/contact-list.server.js");
const { checkContacts, sendInvitations, recordInvitationOpened } = await import("../../app/reach/invitations.server.js");
const { sendReminderRound } = await import("../../app/reach/reminders.server.js");
const { confirmOptIn } = await import("../../app/reach/confirmations.server.js");
const { emailResumeLink } = await import("../../app/reach/resume-email.server.js");
const { signedToken, INVITE_PURPOSE } = await import("../../app/reach/links.server.js");
const { invitationFunnel } = await import("../../db/queries/reach.js");
const { recordStaffOptOut } = await import("../../app/consent/opt-out.server.js");
const { consentStateFor } = await import("../../app/consent/consent-states.server.js");
const { nurtureList } = await import("../../app/prospects/prospect-views.server.js");
const { loadAnsweringSurvey, pageQuestions, submitPage } = await import("../../app/surveys/submission.server.js");
const { parsePageAnswers } = await import("../../app/surveys/answer-schema.js");
const { flushCompletions } = await import("../../app/prospects/after-completion.server.js");

type Survey = NonNullable<Awaited<ReturnType<typeof loadAnsweringSurvey>>>;

let n = 0;

describe.each(DATABASE_KINDS)("email, invitations, reminders and double opt-in on %s", (kind) => {
  let h: DatabaseHandle;
  let smtp: SmtpReceiver;
  let survey: Survey;
  let stopRunner: (() => Promise<void>) | undefined;

  /** The email job against the test's SMTP receiver, polling until stopped. */
  async function runMail(smtpUrl: string | undefined = smtp.url) {
    const runner = createRunner(h.db, [createEmailSendJob({ smtpUrl, retryLimit: 2, retryDelayMs: 20 }) as never], {
      pollMs: 50,
      register: false,
      maintenanceIntervalSeconds: 1,
    });
    await runner.ready();
    runner.start();
    stopRunner = () => runner.stop();
  }
  const aPerson = (email: string) =>
    h.db
      .insertInto("people")
      .values({
        email,
        name: null,
        company_id: null,
        job_title: null,
        source: "marketing",
        utm_source: null,
        utm_campaign: null,
        rep: null,
        owner_user_id: null,
        created_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  const statusOf = async (id: number) => await h.db.selectFrom("email_messages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  function answers(page: number, form: Record<string, string>) {
    const qs = pageQuestions(survey, page);
    const values: Record<string, string> = {};
    for (const [role, value] of Object.entries(form)) values[`q_${qs.find((x) => x.role === role)!.id}`] = value;
    const parsed = parsePageAnswers(qs, values);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data;
  }

  /** Answers the two-page survey; `finish: false` stops after page 1. */
  async function answer(opts: { key: string; inv?: string; email?: string; summary?: boolean; nurture?: boolean; finish?: boolean }) {
    const first = await submitPage(h.db, {
      survey,
      pageIndex: 1,
      answers: answers(1, { pain_story: "Our backups fail every week." }),
      identity: { kind: "key", idempotencyKey: opts.key, attribution: { inv: opts.inv, utm_source: "email" } },
    });
    if (first.outcome !== "saved") throw new Error(first.outcome);
    if (opts.finish === false) return first;
    const form: Record<string, string> = { contact_email: opts.email ?? "" };
    if (opts.summary) form.consent_contact = "on";
    if (opts.nurture) form.consent_nurture = "on";
    return submitPage(h.db, { survey, pageIndex: 2, answers: answers(2, form), identity: { kind: "token", token: first.token } });
  }

  beforeAll(async () => {
    h = await freshDatabase(kind);
    smtp = await startSmtpReceiver();
    const slug = `reach-${kind}-${++n}-abcdefghij`;
    await createSurvey(h.db, { slug, title: "Backup study", intro: "", template: null, status: "open", createdBy: null }, [
      { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "Story?" },
      { page: 2, kind: "consent", role: "consent_contact", prompt: "Send me the study summary." },
      { page: 2, kind: "consent", role: "consent_nurture", prompt: "Send me content." },
      { page: 2, kind: "email", role: "contact_email", prompt: "Email" },
    ]);
    survey = (await loadAnsweringSurvey(h.db, slug))!;
  });
  afterEach(async () => {
    await stopRunner?.();
    stopRunner = undefined;
    smtp.refuse(null);
  });
  afterAll(async () => {
    await flushCompletions(h.db);
    await smtp.close();
    await h?.close();
  });

  const sendList = async (csv: string, reminders = { days: 3, count: 2 }, now = new Date()) => {
    const parsed = parseContactCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    return sendInvitations(
      h.db,
      {
        survey: { id: survey.survey.id, slug: survey.survey.slug, title: survey.survey.title },
        campaign: `spring-${kind}`,
        subject: "Two minutes on backups?",
        message: "We are studying how teams handle backups.",
        reminderDays: reminders.days,
        reminderCount: reminders.count,
        createdBy: null,
      },
      parsed.rows,
      now,
    );
  };

  it("sends an invitation over SMTP with its personal link and List-Unsubscribe; rows with problems get nothing", async () => {
    // An address that opted out before: found by the list check, never sent to.
    const gone = await aPerson(`gone-${kind}@example.test`);
    await recordStaffOptOut(h.db, gone.id, "staff@example.test");
    const csv = `email,name,company,role,segment\nana-${kind}@example.test,Ana Ito,Acme,CTO,enterprise\nnot-an-address,Bo,,,\nANA-${kind}@example.test,Ana again,,,\ngone-${kind}@example.test,Gone,,,\n`;
    const parsed = parseContactCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    const checked = await checkContacts(h.db, survey.survey.id, parsed.rows);
    expect(checked.map((r) => [r.line, r.problem])).toEqual([
      [2, null],
      [3, "malformed_email"],
      [4, "duplicate"],
      [5, "opted_out"],
    ]);

    const sent = await sendList(csv);
    expect(sent).toMatchObject({ invited: 1, skipped: 3 });
    await runMail();
    await until(() => smtp.to(`ana-${kind}@example.test`).length === 1, "the invitation to arrive");
    const mail = smtp.to(`ana-${kind}@example.test`)[0]!;
    expect(mail.subject).toBe("Two minutes on backups?");
    expect(mail.text).toContain("Hello Ana Ito,");
    const link = /http:\/\/\S+\/s\/\S+/.exec(mail.text ?? "")![0];
    const url = new URL(link);
    expect(url.pathname).toBe(`/s/${survey.survey.slug}`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ src: "marketing", utm_source: "email", utm_campaign: `spring-${kind}` });
    expect(mail.headerLines.find((l) => l.key === "list-unsubscribe")?.line.replace(/\r\n\s+/g, " ")).toMatch(
      /^List-Unsubscribe: <http:\/\/\S+\/unsubscribe\/[\w-]+\.[\w-]+>$/,
    );
    expect(mail.text).toContain("To stop all email from us:");
    expect(smtp.to(`gone-${kind}@example.test`)).toHaveLength(0);
    expect(smtp.messages.some((m) => (m.text ?? "").includes("not-an-address"))).toBe(false);

    // Opened, started and completed through the personal link.
    expect(await recordInvitationOpened(h.db, url.searchParams.get("inv")!)).toBe(true);
    expect(await recordInvitationOpened(h.db, `${url.searchParams.get("inv")!}x`)).toBe(false);
    await answer({ key: `ana-key-${kind}-0000000001`, inv: url.searchParams.get("inv")!, email: `ana-${kind}@example.test` });
    expect(await invitationFunnel(h.db, survey.survey.id)).toMatchObject({ invited: 1, sent: 1, opened: 1, started: 1, completed: 1 });
  });

  it("reminds only the unfinished, never the completed, the opted-out or the bounced; a second round after N more days", async () => {
    const t0 = new Date("2026-11-01T09:00:00.000Z");
    const who = ["done", "half", "silent", "optout", "bounce"].map((w) => `${w}-r-${kind}@example.test`);
    const { campaignId } = await sendList(`email\n${who.join("\n")}\n`, { days: 3, count: 2 }, t0);
    const inv = await h.db.selectFrom("invitations").selectAll().where("campaign_id", "=", campaignId).orderBy("id").execute();
    const token = (i: number) => signedToken(INVITE_PURPOSE, inv[i]!.id);
    await answer({ key: `done-key-${kind}-000000001`, inv: token(0), email: who[0] });
    await answer({ key: `half-key-${kind}-000000001`, inv: token(1), finish: false });
    await recordStaffOptOut(h.db, inv[3]!.person_id, "staff@example.test");
    // The bounce: a 5xx for that mailbox when the invitation went out.
    await h.db.updateTable("email_messages").set({ status: "bounced" }).where("invitation_id", "=", inv[4]!.id).execute();

    // Not yet due two days later; due after three.
    expect((await sendReminderRound(h.db, { campaignId, round: 1 }, new Date("2026-11-03T09:00:00.000Z"))).reminded).toEqual([]);
    const round1 = await sendReminderRound(h.db, { campaignId, round: 1 }, new Date("2026-11-04T09:00:01.000Z"));
    expect(round1.reminded.sort()).toEqual([who[1], who[2]].sort());
    expect(round1.nextInMs).toBe(3 * 86_400_000);
    // A replayed round sends nothing twice.
    expect((await sendReminderRound(h.db, { campaignId, round: 1 }, new Date("2026-11-04T10:00:00.000Z"))).reminded).toEqual([]);
    const round2 = await sendReminderRound(h.db, { campaignId, round: 2 }, new Date("2026-11-07T09:00:02.000Z"));
    expect(round2).toEqual({ reminded: expect.arrayContaining([who[1], who[2]]), nextInMs: null });
    expect((await sendReminderRound(h.db, { campaignId, round: 3 }, new Date("2026-11-20T09:00:00.000Z"))).reminded).toEqual([]);

    await runMail();
    await until(() => smtp.to(who[2]!).length === 3, "invitation and two reminders to the silent one");
    await until(() => smtp.to(who[1]!).length === 3, "invitation and two reminders to the half-done one");
    expect(smtp.to(who[0]!)).toHaveLength(1); // the invitation only
    // Opted out after the invitation was queued but before it went: never sent, kept as suppressed.
    expect(smtp.to(who[3]!)).toHaveLength(0);
    expect(
      (await h.db.selectFrom("email_messages").select("status").where("invitation_id", "=", inv[3]!.id).execute()).map((m) => m.status),
    ).toEqual(["suppressed"]);
    expect(smtp.to(who[2]!)[2]!.subject).toBe("Reminder: Backup study");
  });

  it("an SMTP server that refuses (4xx) is retried, then the message shows failed with the reason", { timeout: 90_000 }, async () => {
    smtp.refuse(451);
    const person = await aPerson(`p-${++n}-${kind}@example.test`);
    const { id } = await h.db
      .transaction()
      .execute((trx) =>
        queueMessage(trx, { kind: "resume", to: `retry-${kind}@example.test`, personId: person.id, subject: "S", text: "T" }),
      );
    await runMail();
    await until(async () => (await statusOf(id)).status === "failed", "the message to fail for good", 60_000);
    const row = await statusOf(id);
    expect(row.attempts).toBe(3); // the first attempt and its two retries
    expect(row.last_error).toMatch(/Try again later/);
    expect(smtp.refusals).toBeGreaterThanOrEqual(3);
    expect(smtp.to(`retry-${kind}@example.test`)).toHaveLength(0);
  });

  it("a 5xx refusal is a bounce at once; no SMTP configured keeps the message in the outbox", async () => {
    smtp.refuse(550);
    const person = await aPerson(`p-${++n}-${kind}@example.test`);
    const bounce = await h.db
      .transaction()
      .execute((trx) =>
        queueMessage(trx, { kind: "resume", to: `bounce-${kind}@example.test`, personId: person.id, subject: "S", text: "T" }),
      );
    await runMail();
    await until(async () => (await statusOf(bounce.id)).status === "bounced", "the bounce");
    expect((await statusOf(bounce.id)).attempts).toBe(1);
    await stopRunner!();
    smtp.refuse(null);
    const kept = await h.db.transaction().execute((trx) =>
      queueMessage(trx, {
        kind: "resume",
        to: `outbox-${kind}@example.test`,
        personId: person.id,
        subject: "Kept",
        text: "In the outbox",
      }),
    );
    await runMail("");
    await until(async () => (await statusOf(kept.id)).status === "outbox", "the outbox");
    expect((await statusOf(kept.id)).body_text).toContain("In the outbox");
    expect(smtp.to(`outbox-${kind}@example.test`)).toHaveLength(0);
  });

  it("double opt-in: one confirmed by its emailed link counts, one left pending counts nowhere", async () => {
    await runMail();
    const yes = `confirm-${kind}@example.test`;
    const later = `pending-${kind}@example.test`;
    await answer({ key: `yes-key-${kind}-0000000001`, email: yes, summary: true, nurture: true });
    await answer({ key: `later-key-${kind}-000000001`, email: later, nurture: true });
    await until(() => smtp.to(yes).length === 1 && smtp.to(later).length === 1, "both confirmation emails");
    const personOf = async (email: string) =>
      (await h.db.selectFrom("people").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    expect(await consentStateFor(h.db, await personOf(yes))).toMatchObject({ summary: false, nurture: false });

    const link = /http:\/\/\S+\/confirm\/(\S+)/.exec(smtp.to(yes)[0]!.text ?? "")!;
    expect(smtp.to(yes)[0]!.text).toContain("the summary of the study's results and occasional educational content");
    expect(await confirmOptIn(h.db, link[1]!)).toEqual({ ok: true, confirmed: 2 });
    expect(await confirmOptIn(h.db, `${link[1]!}x`)).toEqual({ ok: false, confirmed: 0 });
    expect(await consentStateFor(h.db, await personOf(yes))).toMatchObject({ summary: true, nurture: true });
    expect(await consentStateFor(h.db, await personOf(later))).toMatchObject({ summary: false, nurture: false });
    const pending = await h.db
      .selectFrom("consents")
      .select(["pending", "confirmed_at"])
      .where("person_id", "=", await personOf(later))
      .where("purpose", "=", "educational_content")
      .executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ pending: 1, confirmed_at: null });
    // The nurture list reads the same rule (only scored people appear; neither pending one is there).
    await flushCompletions(h.db);
    expect((await nurtureList(h.db)).map((p) => p.personId)).not.toContain(await personOf(later));
  });

  it("emails a resume link that continues the same response; a complete or unknown token is refused", async () => {
    await runMail();
    const first = await answer({ key: `resume-key-${kind}-00000001`, finish: false });
    if (first.outcome !== "saved") throw new Error();
    const to = `resume-${kind}@example.test`;
    const s = { id: survey.survey.id, slug: survey.survey.slug, title: survey.survey.title };
    expect(await emailResumeLink(h.db, { survey: s, token: first.token, email: ` ${to.toUpperCase()} ` })).toEqual({ ok: true });
    expect(await emailResumeLink(h.db, { survey: s, token: "x".repeat(40), email: to })).toEqual({ ok: false, reason: "bad_link" });
    await until(() => smtp.to(to).length === 1, "the resume email");
    expect(smtp.to(to)[0]!.text).toContain(`/s/${survey.survey.slug}?r=${encodeURIComponent(first.token)}`);
  });
});
