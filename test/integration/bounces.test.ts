import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { generateApiKey, insertApiKey } from "../../db/queries/api-keys.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { until } from "../setup/until.js";
import { startSmtpReceiver, type SmtpReceiver } from "../setup/smtp.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { createRunner } = await import("../../app/jobs/runner.server.js");
const { createEmailSendJob } = await import("../../app/jobs/email-send.job.server.js");
const { parseContactCsv } = await import("../../app/reach/contact-list.server.js");
const { checkContacts, sendInvitations } = await import("../../app/reach/invitations.server.js");
const { ROW_PROBLEM_LABELS } = await import("../../app/reach/contact-list-labels.js");
const { sendReminderRound } = await import("../../app/reach/reminders.server.js");
const { invitationFunnel } = await import("../../db/queries/reach.js");
const { bouncesApi } = await import("../../app/routes/api.bounces/bounces-api.server.js");
const { createRateLimiter } = await import("../../app/utils/rate-limit.server.js");

/** A bounce as a receiving server writes it (RFC 3464), returning the headers of the message it could not deliver. */
function dsn(to: string, messageId: number, status = "5.1.1") {
  return [
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>",
    "To: study@painmap.test",
    "Subject: Undelivered Mail Returned to Sender",
    "Date: Wed, 2 Dec 2026 10:05:00 +0000",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="=_dsn_1"',
    "",
    "This is a MIME-encapsulated message.",
    "",
    "--=_dsn_1",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients.",
    "",
    "--=_dsn_1",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    "X-Postfix-Queue-ID: 4F1A2B3C",
    "Arrival-Date: Wed,  2 Dec 2026 10:00:00 +0000 (UTC)",
    "",
    `Final-Recipient: rfc822; ${to}`,
    `Original-Recipient: rfc822;${to}`,
    "Action: failed",
    `Status: ${status}`,
    "Remote-MTA: dns; mail.example.test",
    `Diagnostic-Code: smtp; 550 5.1.1 <${to}>: Recipient address rejected:`,
    "    User unknown in virtual mailbox table",
    "",
    "--=_dsn_1",
    "Content-Type: text/rfc822-headers",
    "",
    "From: Painmap <study@painmap.test>",
    `To: ${to}`,
    "Subject: Two minutes on backups?",
    `X-Painmap-Message: ${messageId}`,
    "",
    "--=_dsn_1--",
    "",
  ].join("\r\n");
}

describe.each(DATABASE_KINDS)("late bounces (DSNs) on %s", (kind) => {
  let h: DatabaseHandle;
  let smtp: SmtpReceiver;
  let key: string;
  let stop: (() => Promise<void>) | undefined;
  const post = (body: string, type: string, opts: { auth?: string | null; ip?: string } = {}) =>
    new Request("http://127.0.0.1/api/bounces", {
      method: "POST",
      headers: {
        "Content-Type": type,
        "x-painmap-client-ip": opts.ip ?? `10.0.0.${kind === "sqlite" ? 1 : 2}`,
        ...(opts.auth === null ? {} : { Authorization: `Bearer ${opts.auth ?? key}` }),
      },
      body,
    });
  const messages = (email: string) => h.db.selectFrom("email_messages").selectAll().where("to_email", "=", email).orderBy("id").execute();

  beforeAll(async () => {
    h = await freshDatabase(kind);
    smtp = await startSmtpReceiver();
    const generated = generateApiKey();
    await insertApiKey(h.db, { name: "mailbox rule", prefix: generated.prefix, keyHash: generated.keyHash, createdBy: null });
    key = generated.key;
    const runner = createRunner(h.db, [createEmailSendJob({ smtpUrl: smtp.url, retryLimit: 0, retryDelayMs: 20 }) as never], {
      pollMs: 50,
      register: false,
      maintenanceIntervalSeconds: 1,
    });
    await runner.ready();
    runner.start();
    stop = () => runner.stop();
  });
  afterAll(async () => {
    await stop?.();
    await smtp.close();
    await h?.close();
  });

  it("a DSN posted later marks the recipient's messages bounced; the next reminder round skips them", async () => {
    const surveyId = await createSurvey(
      h.db,
      { slug: `bounces-${kind}-abcdefghij`, title: "Backup study", intro: "", template: null, status: "open", createdBy: null },
      [{ page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "Story?" }],
    );
    const stays = `stays-${kind}@example.test`;
    const gone = `gone-${kind}@example.test`;
    const list = parseContactCsv(`email\n${stays}\n${gone}\n`);
    if (!list.ok) throw new Error(list.message);
    const t0 = new Date();
    const { campaignId } = await sendInvitations(
      h.db,
      {
        survey: { id: surveyId, slug: `bounces-${kind}-abcdefghij`, title: "Backup study" },
        campaign: "late-bounce",
        subject: "Two minutes on backups?",
        message: "We are studying backups.",
        reminderDays: 3,
        reminderCount: 1,
        createdBy: null,
      },
      list.rows,
      t0,
    );
    // Both accepted by the SMTP server: sent, as far as the conversation says.
    await until(() => smtp.to(stays).length === 1 && smtp.to(gone).length === 1, "both invitations");
    await until(async () => (await messages(gone))[0]?.status === "sent", "the invitation settled as sent");
    const [invitation] = await messages(gone);

    const res = await bouncesApi(h.db, post(dsn(gone.toUpperCase(), invitation!.id), "message/rfc822"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ recipients: [{ email: gone, status: "5.1.1", outcome: "bounced", messages: 1 }] });
    const [marked] = await messages(gone);
    expect(marked).toMatchObject({ status: "bounced" });
    expect(marked!.last_error).toMatch(/^Bounced after sending \(5\.1\.1\): 550 5\.1\.1 .*User unknown in virtual mailbox table$/);
    expect((await messages(stays))[0]!.status).toBe("sent");
    // The invite page's figures show it.
    expect(await invitationFunnel(h.db, surveyId)).toMatchObject({ invited: 2, sent: 1, failed: 1 });

    const round = await sendReminderRound(h.db, { campaignId, round: 1 }, new Date(t0.getTime() + 3 * 86_400_000 + 1000));
    expect(round.reminded).toEqual([stays]);

    // A JSON report and a temporary failure: acknowledged, nothing changed.
    const delayed = await bouncesApi(
      h.db,
      post(JSON.stringify({ email: stays, status: "4.2.2", diagnostic: "mailbox full" }), "application/json"),
    );
    expect(await delayed.json()).toEqual({ recipients: [{ email: stays, status: "4.2.2", outcome: "temporary", messages: 0 }] });
    expect((await messages(stays)).every((m) => m.status !== "bounced")).toBe(true);
    const json = await bouncesApi(h.db, post(JSON.stringify({ email: ` ${stays} `, status: "5.2.1" }), "application/json"));
    expect(await json.json()).toMatchObject({ recipients: [{ email: stays, outcome: "bounced" }] });
    expect((await messages(stays)).every((m) => m.status === "bounced")).toBe(true);
  });

  it("a later invitation list marks an address that bounced before (at sending or by DSN) and sends nothing to it", async () => {
    const survey = async (slug: string) => ({
      id: await createSurvey(h.db, { slug, title: "Backup study", intro: "", template: null, status: "open", createdBy: null }, [
        { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "Story?" },
      ]),
      slug,
      title: "Backup study",
    });
    const invite = async (s: { id: number; slug: string; title: string }, csv: string) => {
      const list = parseContactCsv(csv);
      if (!list.ok) throw new Error(list.message);
      const input = {
        survey: s,
        campaign: "again",
        subject: "Two minutes?",
        message: "Hello.",
        reminderDays: 3,
        reminderCount: 0,
        createdBy: null,
      };
      return { rows: list.rows, sent: () => sendInvitations(h.db, input, list.rows) };
    };
    const first = await survey(`bounced-first-${kind}-abcdefghij`);
    const refused = `refused-${kind}@example.test`;
    const late = `late-${kind}@example.test`;
    const fresh = `fresh-${kind}@example.test`;

    // One refused at sending (a 5xx reply), one accepted and bounced later by a DSN.
    smtp.refuse(550);
    try {
      await (await invite(first, `email\n${refused}\n`)).sent();
      await until(async () => (await messages(refused))[0]?.status === "bounced", "the refused invitation settled as bounced");
    } finally {
      smtp.refuse(null);
    }
    await (await invite(first, `email\n${late}\n`)).sent();
    await until(async () => (await messages(late))[0]?.status === "sent", "the second invitation sent");
    const res = await bouncesApi(h.db, post(JSON.stringify({ email: late, status: "5.1.1" }), "application/json"));
    expect(res.status).toBe(200);

    // A list for another survey: the report says which bounced before; only the fresh one is sent.
    const second = await survey(`bounced-second-${kind}-abcdefghij`);
    const list = await invite(second, `email\n${refused.toUpperCase()}\n${late}\n${fresh}\n`);
    const report = await checkContacts(h.db, second.id, list.rows);
    expect(report.map((r) => [r.email, r.problem ?? null])).toEqual([
      [refused, "bounced_before"],
      [late, "bounced_before"],
      [fresh, null],
    ]);
    expect(ROW_PROBLEM_LABELS.bounced_before).toBe("Bounced before: nothing sent.");
    expect(await list.sent()).toMatchObject({ invited: 1, skipped: 2 });
    await until(() => smtp.to(fresh).length === 1, "the fresh address's invitation");
    expect(await messages(refused)).toHaveLength(1);
    expect(await messages(late)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.to(refused)).toHaveLength(0);
    expect(smtp.to(late)).toHaveLength(1);
    expect(await invitationFunnel(h.db, second.id)).toMatchObject({ invited: 1 });
  });

  it("refuses junk with a 400 per field, no key with a 401, other types with a 415, and too many with a 429", async () => {
    const bad = async (r: Response) => ({ status: r.status, body: (await r.json()) as { errors?: Record<string, string[]> } });
    const notDsn = await bad(await bouncesApi(h.db, post("From: a@b.test\r\nSubject: hi\r\n\r\nhello there", "message/rfc822")));
    expect(notDsn.status).toBe(400);
    expect(notDsn.body.errors!.message![0]).toMatch(/no message\/delivery-status part/);
    const badFields = await bad(
      await bouncesApi(h.db, post(JSON.stringify({ email: "not an address", status: "bounced" }), "application/json")),
    );
    expect(badFields.status).toBe(400);
    expect(Object.keys(badFields.body.errors!).sort()).toEqual(["email", "status"]);
    const missing = await bad(await bouncesApi(h.db, post("{}", "application/json")));
    expect(Object.keys(missing.body.errors!).sort()).toEqual(["email", "status"]);
    expect((await bad(await bouncesApi(h.db, post("{not json", "application/json")))).body.errors).toEqual({
      body: ["The body is not valid JSON."],
    });
    const badStatus = await bad(await bouncesApi(h.db, post(dsn("x@example.test", 1, "failed"), "message/rfc822")));
    expect(badStatus.status).toBe(400);
    expect(Object.keys(badStatus.body.errors!)).toEqual(["recipients.0.status"]);
    expect((await bouncesApi(h.db, post("", "text/plain"))).status).toBe(400);

    expect((await bouncesApi(h.db, post(dsn("x@example.test", 1), "message/rfc822", { auth: null }))).status).toBe(401);
    expect((await bouncesApi(h.db, post(dsn("x@example.test", 1), "message/rfc822", { auth: "pm_not_a_key" }))).status).toBe(401);
    expect((await bouncesApi(h.db, post("email=x", "application/x-www-form-urlencoded"))).status).toBe(415);
    const get = await bouncesApi(h.db, new Request("http://127.0.0.1/api/bounces", { headers: { Authorization: `Bearer ${key}` } }));
    expect(get.status).toBe(405);

    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    const junk = () => bouncesApi(h.db, post("{}", "application/json", { ip: "10.9.9.9" }), limiter);
    expect((await junk()).status).toBe(400);
    expect((await junk()).status).toBe(400);
    const limited = await junk();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
