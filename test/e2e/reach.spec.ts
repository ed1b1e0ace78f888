import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { connect } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSurvey } from "../../db/queries/surveys.js";
import type { Role } from "../../db/schema.js";
import { startSmtpReceiver, type SmtpReceiver } from "../setup/smtp.js";
import { startChildServer, type ChildServer } from "./child-server.js";
import { freshUserContext } from "./fixtures.js";

/**
 * Issue 14 end to end, through a production server of its own whose SMTP_URL points at a real SMTP
 * receiver in this process: a marketer invites a pasted list (per-row report, confirmation), the
 * prospect answers through the personal link from the delivered email (pre-filled, source and
 * campaign kept), the invitation page counts it; and a resume link emailed from the survey, opened in a
 * new browser context, continues where the prospect left off.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const SLUG = "reach-e2e-study-abcdefgh";

let server: ChildServer;
let smtp: SmtpReceiver;
let dir: string;
let dbFile: string;
let surveyId: number;

function staffContext(browser: Browser, role: Role): Promise<BrowserContext> {
  return freshUserContext(browser, role, server.base, `file:${dbFile}`);
}

async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = 30_000) {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  smtp = await startSmtpReceiver();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "painmap-reach-"));
  dbFile = path.join(dir, "reach.sqlite");
  const handle = connect(`file:${dbFile}`);
  await migrateToLatest(handle.db);
  surveyId = await createSurvey(
    handle.db,
    { slug: SLUG, title: "Backup pains", intro: "", template: null, status: "open", createdBy: null },
    [
      { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "What went wrong with your backups?" },
      { page: 1, kind: "short_text", role: "contact_name", prompt: "Your name" },
      { page: 1, kind: "email", role: "contact_email", prompt: "Your email" },
      { page: 2, kind: "short_text", role: "company_name", prompt: "Your company" },
      { page: 2, kind: "consent", role: "consent_nurture", prompt: "Send me educational content." },
    ],
  );
  await handle.close();
  server = await startChildServer({ port: PORT, dbFile, env: { SMTP_URL: smtp.url, MAIL_FROM: "Painmap <study@painmap.test>" } });
});

test.afterAll(async () => {
  await server?.kill();
  await smtp?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a marketer invites a list; the prospect answers through the emailed personal link; the invitation page counts it", async ({
  browser,
}) => {
  const staff = await staffContext(browser, "marketer");
  const page = await staff.newPage();
  // The survey's own page (the builder) names the invitations and leads to the invite page.
  await page.goto(`/surveys/${surveyId}/edit`);
  const invitations = page.getByRole("region", { name: "Email invitations" });
  await expect(invitations.getByText("Nobody has been invited by email yet.")).toBeVisible();
  await invitations.getByRole("link", { name: "Invite prospects" }).click();
  await expect(page).toHaveURL(new RegExp(`/surveys/${surveyId}/invite$`));
  await expect(page.getByRole("heading", { name: "Invite by email" })).toBeVisible();
  await expect(page.getByText("Nobody has been invited by email yet.")).toBeVisible();
  await page
    .getByLabel(/^Contacts/)
    .fill(
      "email,name,company,role,segment\nmia@example.test,Mia Chen,Northwind,IT lead,mid\nnot an email,Bad Row,,,\nMIA@example.test,Mia Again,,,\n",
    );
  await page.getByLabel(/^Campaign/).fill("winter-e2e");
  await page.getByRole("button", { name: "Preview" }).click();
  const report = page.getByTestId("contact-report");
  await expect(page.getByRole("heading", { name: "1 of 3 contacts will be invited" })).toBeVisible();
  await expect(report.getByRole("row").nth(2)).toContainText("Not a valid email address: nothing sent.");
  await expect(report.getByRole("row").nth(3)).toContainText("Appears earlier in the list: sent once.");
  // Sending without the confirmation tick is refused with a message on the box.
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByText("Tick the box to confirm you want to send these invitations.")).toBeVisible();
  await page.getByLabel("Send 1 invitations now").check();
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 invitation queued; 2 rows skipped" })).toBeVisible();

  await until(() => smtp.to("mia@example.test").length === 1, "the invitation email");
  expect(smtp.messages).toHaveLength(1); // nothing to the malformed or duplicate rows
  const mail = smtp.to("mia@example.test")[0]!;
  expect(mail.text).toContain("Hello Mia Chen,");
  expect(mail.headerLines.some((l) => l.key === "list-unsubscribe")).toBe(true);
  const link = /http:\/\/\S+\/s\/\S+/.exec(mail.text ?? "")![0];
  expect(new URL(link).searchParams.get("utm_campaign")).toBe("winter-e2e");

  // The prospect, in a browser of their own.
  const prospect = await browser.newContext();
  const p = await prospect.newPage();
  await p.goto(link);
  await expect(p.getByLabel("Your name")).toHaveValue("Mia Chen");
  await expect(p.getByLabel("Your email")).toHaveValue("mia@example.test");
  await p.getByLabel("What went wrong with your backups?").fill("A restore took three days and we lost a week of invoices.");
  await p.getByRole("button", { name: "Next" }).click();
  await expect(p.getByText("Page 2 of 2")).toBeVisible();
  await expect(p.getByLabel("Your company")).toHaveValue("Northwind");
  await p.getByRole("button", { name: "Submit answers" }).click();
  await expect(p).toHaveURL(new RegExp(`/s/${SLUG}/thanks`));
  await prospect.close();

  // Sent, opened (link followed), started, completed: on the invite page and on the survey's own page.
  for (const where of ["invite", "edit"]) {
    await page.goto(`/surveys/${surveyId}/${where}`);
    const funnel = page.getByTestId("invitation-funnel");
    for (const [figure, n] of [
      ["invited", 1],
      ["sent", 1],
      ["opened", 1],
      ["started", 1],
      ["completed", 1],
    ] as const)
      await expect(funnel.locator(`[data-figure="${figure}"]`)).toHaveText(String(n), { timeout: 15_000 });
  }
  await expect(page.getByRole("region", { name: "Email invitations" }).getByRole("link", { name: "Invite prospects" })).toBeVisible();
  // The response kept the link's source and campaign.
  const handle = connect(`file:${dbFile}`);
  try {
    const r = await handle.db.selectFrom("responses").selectAll().where("survey_id", "=", surveyId).executeTakeFirstOrThrow();
    expect(r).toMatchObject({ status: "complete", source: "marketing", utm_source: "email", utm_campaign: "winter-e2e" });
  } finally {
    await handle.close();
  }
  await staff.close();

  // An admin reads every recipient's delivery in the outbox.
  const admin = await staffContext(browser, "admin");
  const a = await admin.newPage();
  await a.goto("/surveys");
  await a.getByRole("link", { name: "Outbox" }).click();
  await expect(a.getByTestId("outbox").locator('[data-status="sent"]').filter({ hasText: "mia@example.test" })).toBeVisible();
  await admin.close();
});

test("“email me a link to finish later”: the emailed link continues in a new browser context where the prospect left off", async ({
  browser,
}) => {
  const first = await browser.newContext({ baseURL: server.base });
  const p = await first.newPage();
  await p.goto(`/s/${SLUG}`);
  await p.getByLabel("What went wrong with your backups?").fill("Nobody noticed the backup job had stopped in March.");
  await p.getByRole("button", { name: "Next" }).click();
  await expect(p.getByText("Page 2 of 2")).toBeVisible();
  await p.getByRole("button", { name: "Email me the link" }).click();
  await expect(p.getByText("Enter your email address.")).toBeVisible();
  await p.getByLabel("Or email me a link to finish later").fill("leo@example.test");
  await p.getByRole("button", { name: "Email me the link" }).click();
  await expect(p.getByTestId("resume-email-sent")).toBeVisible();
  await first.close();

  await until(() => smtp.to("leo@example.test").length === 1, "the resume email");
  const link = /http:\/\/\S+\/s\/\S+\?r=\S+/.exec(smtp.to("leo@example.test")[0]!.text ?? "")![0];

  const second = await browser.newContext();
  const q = await second.newPage();
  await q.goto(link);
  await expect(q.getByText("Page 2 of 2")).toBeVisible();
  await q.getByRole("button", { name: "Previous page" }).click();
  await expect(q.getByLabel("What went wrong with your backups?")).toHaveValue("Nobody noticed the backup job had stopped in March.");
  await second.close();
});
