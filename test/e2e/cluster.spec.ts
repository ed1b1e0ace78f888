import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { test, expect } from "@playwright/test";
import { sql } from "kysely";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { freePort } from "../setup/free-port.js";
import { startNginx, type RunningNginx } from "../setup/nginx.js";
import { startPostgres, type RunningPostgres } from "../setup/postgres.js";
import { startChildServer, type ChildServer } from "./child-server";

/**
 * Past one machine (issue 12): three app servers on one PostgreSQL behind nginx. A run survives
 * the SIGKILL of the server working on it, a login limit holds across servers, and a survey closed
 * through one server is refused by the others.
 */
test.describe.configure({ mode: "serial" });

let pg: RunningPostgres;
let handle: DatabaseHandle;
let servers: ChildServer[] = [];
let nginx: RunningNginx;
const LOGIN_LIMIT = 5;

const MARKETER = { email: "marketer@painmap.test", password: "demo-marketer-pass" };

async function logIn(base: string, user: { email: string; password: string }) {
  const r = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams(user),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(r.status, await r.text()).toBe(302);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The server whose process has the analysis worker child right now, if any. */
function serverRunningAnalysis(): ChildServer | undefined {
  return servers.find((s) => {
    if (s.child.exitCode !== null || !s.child.pid) return false;
    try {
      return (
        execFileSync("pgrep", ["-P", String(s.child.pid), "-f", "analysis.worker"])
          .toString()
          .trim() !== ""
      );
    } catch {
      return false; // pgrep exits 1 when nothing matches
    }
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  pg = await startPostgres();
  // The demo loader (migrate, accounts, data, a first run), with enough answers that a run takes
  // a while: the kill lands mid-run.
  execFileSync(process.execPath, ["--import", "tsx", "app/demo/cli.ts"], {
    env: { ...process.env, DATABASE_URL: pg.url, DEMO_RESPONSES: "400", DOTENV_CONFIG_QUIET: "true" },
    stdio: "ignore",
  });
  handle = connect(pg.url, { poolSize: 4 });
  // An idle connection cut when PostgreSQL stops at the end must not fail the suite.
  handle.pool?.on("error", () => {});
  const ports = [await freePort(), await freePort(), await freePort()];
  servers = await Promise.all(
    ports.map((port) =>
      startChildServer({
        port,
        databaseUrl: pg.url,
        env: { LOGIN_RATE_LIMIT: String(LOGIN_LIMIT), TRUSTED_PROXY: "127.0.0.1" },
      }),
    ),
  );
  nginx = await startNginx({ port: await freePort(), upstreams: ports });
});

test.afterAll(async () => {
  await nginx?.stop();
  for (const s of servers) await s.kill();
  await handle?.close();
  await pg?.stop();
});

test("a login limit reached through one server holds through another", async () => {
  const [a, b, c] = servers;
  const guess = { email: "nobody-cluster@painmap.test", password: "wrong-password-1" };
  // Each guess from its own address (the servers trust X-Forwarded-For from 127.0.0.1, as from
  // nginx): only the per-account limit can stop them, and it must hold on every server.
  let address = 0;
  const post = (base: string) =>
    fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams(guess),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `10.9.0.${++address}` },
    });
  for (let i = 0; i < LOGIN_LIMIT; i++) expect((await post(a.base)).status).toBe(400);
  const refused = await post(b.base);
  expect(refused.status).toBe(429);
  expect(await refused.text()).toContain("Too many attempts for this account");
  expect((await post(c.base)).status).toBe(429);
  // Through the load balancer too, whichever server answers.
  expect((await post(nginx.url)).status).toBe(429);
});

test("a survey closed through one server is refused by the others at once", async () => {
  const slug = crypto.randomBytes(18).toString("base64url");
  const surveyId = await createSurvey(
    handle.db,
    { slug, title: "Cluster study", intro: "", template: null, status: "open", createdBy: null },
    [{ page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "What went wrong?" }],
  );
  const question = await handle.db.selectFrom("questions").select("id").where("survey_id", "=", surveyId).executeTakeFirstOrThrow();
  // Every server has the open survey in its answering cache.
  for (const s of servers) expect(await (await fetch(`${s.base}/s/${slug}`)).text()).not.toContain("This survey is closed");

  const cookie = await logIn(servers[0].base, MARKETER);
  const closed = await fetch(`${servers[0].base}/surveys/${surveyId}/edit`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ intent: "close", confirm: "yes" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
  expect(closed.status).toBeLessThan(400);
  expect((await handle.db.selectFrom("surveys").select("status").where("id", "=", surveyId).executeTakeFirstOrThrow()).status).toBe(
    "closed",
  );
  for (const s of servers.slice(1)) {
    expect(await (await fetch(`${s.base}/s/${slug}`)).text()).toContain("This survey is closed");
    const post = await fetch(`${s.base}/s/${slug}`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ page: "1", idem: crypto.randomBytes(12).toString("base64url"), [`q_${question.id}`]: "Too late" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(post.status).toBe(409);
  }
  expect(await handle.db.selectFrom("responses").select("id").where("survey_id", "=", surveyId).execute()).toEqual([]);
});

test("an analysis run whose server is killed mid-run is finished by another, with no duplicate themes", async () => {
  test.setTimeout(180_000);
  const themesBefore = await handle.db.selectFrom("themes").select(["id", "label"]).where("survey_id", "is", null).execute();
  const cookie = await logIn(nginx.url, MARKETER);
  const started = await fetch(`${nginx.url}/board`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ intent: "run", scope: "all" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
  expect(started.status).toBe(302);
  const run = await handle.db.selectFrom("analysis_runs").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();

  // Whichever server claimed the job: kill it while its worker runs.
  let victim: ChildServer | undefined;
  for (const deadline = Date.now() + 30_000; !victim && Date.now() < deadline; await new Promise((r) => setTimeout(r, 20)))
    victim = serverRunningAnalysis();
  expect(victim, "a server working on the run").toBeTruthy();
  await victim!.kill();
  const atKill = await handle.db.selectFrom("analysis_runs").select("status").where("id", "=", run.id).executeTakeFirstOrThrow();
  expect(["queued", "running"]).toContain(atKill.status);

  let finished = atKill.status;
  for (const deadline = Date.now() + 120_000; finished !== "done" && finished !== "failed" && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 250));
    finished = (await handle.db.selectFrom("analysis_runs").select("status").where("id", "=", run.id).executeTakeFirstOrThrow()).status;
  }
  const after = await handle.db.selectFrom("analysis_runs").selectAll().where("id", "=", run.id).executeTakeFirstOrThrow();
  expect(after, JSON.stringify(after)).toMatchObject({ status: "done" });

  // No duplicate themes: every answer belongs to at most one theme, no two themes share a name,
  // and the themes the first run made were continued, not made again.
  const doubled = await sql<{
    n: number;
  }>`select count(*) as n from (select m.answer_id from theme_members m join themes t on t.id = m.theme_id
      where t.survey_id is null group by m.answer_id having count(*) > 1) x`.execute(handle.db);
  expect(Number(doubled.rows[0].n)).toBe(0);
  const themes = await handle.db
    .selectFrom("themes")
    .select(["id", "label", "status"])
    .where("survey_id", "is", null)
    .where("status", "!=", "merged")
    .execute();
  expect(new Set(themes.map((t) => t.label)).size).toBe(themes.length);
  expect(themes.length).toBeLessThanOrEqual(themesBefore.length + 2);
  // The board, through any surviving server, shows the finished run.
  const board = await fetch(`${nginx.url}/board?scope=all`, { headers: { Cookie: cookie } });
  expect(board.status).toBe(200);
  const survivors = servers.filter((s) => s !== victim);
  for (const s of survivors) expect((await fetch(`${s.base}/board?scope=all`, { headers: { Cookie: cookie } })).status).toBe(200);
});
