import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect } from "@playwright/test";
import { connect } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { freePort } from "../setup/free-port.js";
import { startChildServer } from "./child-server";

/**
 * Crash suite: a child server under 20 concurrent clients is killed with SIGKILL at a random moment,
 * CYCLES times. Every submission the server acknowledged (a redirect to the thank-you page) must be
 * there exactly once with all its answers, PRAGMA integrity_check must say ok, and the server must
 * serve again after each restart. The kill moments come from a fixed seed (CRASH_SEED replays).
 */
const CYCLES = 5;
const CLIENTS = 20;
const SEED = Number(process.env.CRASH_SEED ?? 11);

/** Complete responses whose person has no readiness score. */
const UNSCORED = `select count(*) as n from responses r where r.status = 'complete'
  and not exists (select 1 from assessments a where a.person_id = r.person_id)`;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

test("SIGKILL under concurrent submissions loses no acknowledged answer and leaves no completed response unscored", async () => {
  test.setTimeout(150_000);
  const dir = fs.mkdtempSync(path.join("test-results", "crash-"));
  const dbFile = path.join(dir, "crash.sqlite");
  const handle = connect(`file:${dbFile}`);
  await migrateToLatest(handle.db);
  const slug = crypto.randomBytes(18).toString("base64url");
  // One page, so one post completes a response: every acknowledgement is a whole submission.
  const surveyId = await createSurvey(
    handle.db,
    { slug, title: "Crash study", intro: "", template: null, status: "open", createdBy: null },
    [
      {
        page: 1,
        kind: "single_choice",
        role: "industry",
        required: true,
        prompt: "Industry?",
        options: ["Retail", "Healthcare", "Logistics"],
      },
      { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "What went wrong?" },
      { page: 1, kind: "short_text", role: "company_name", required: true, prompt: "Company" },
    ],
  );
  const questions = await handle.db.selectFrom("questions").select(["id", "role"]).where("survey_id", "=", surveyId).execute();
  await handle.close();
  const q = Object.fromEntries(questions.map((x) => [x.role, x.id]));

  const random = rng(SEED);
  const acknowledged = new Map<string, string>(); // idempotency key -> pain story sent
  let sent = 0;
  let unscoredAtKill = 0;
  const port = await freePort();

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const server = await startChildServer({ port, dbFile });
    let stop = false;
    const client = async (n: number) => {
      while (!stop) {
        const idem = `crash${cycle}x${n}x${crypto.randomBytes(9).toString("base64url")}`;
        const story = `Story ${idem} ${"x".repeat(1 + Math.floor(random() * 200))}`;
        const body = new URLSearchParams({
          page: "1",
          idem,
          [`q_${q.industry}`]: "Retail",
          [`q_${q.pain_story}`]: story,
          [`q_${q.company_name}`]: `Co ${n}`,
        });
        sent++;
        try {
          const r = await fetch(`${server.base}/s/${slug}`, {
            method: "POST",
            body,
            redirect: "manual",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
          });
          if (r.status === 302 && r.headers.get("location") === `/s/${slug}/thanks`) acknowledged.set(idem, story);
          else if (r.status >= 500) throw new Error(`cycle ${cycle}: ${r.status} ${await r.text()}`);
          await r.arrayBuffer().catch(() => {});
        } catch (error) {
          if (!stop) throw error; // a connection cut by the kill is expected, nothing else
        }
      }
    };
    let failure: unknown = null;
    const clients = Array.from({ length: CLIENTS }, (_, n) =>
      client(n).catch((error: unknown) => {
        failure = error;
        throw error;
      }),
    );
    // Kill only once this cycle has had real traffic (at least 21 acknowledged), then at a seeded
    // random moment: the floor below then tests the suite's reach, not the machine's speed.
    const before = acknowledged.size;
    while (acknowledged.size - before <= 20) {
      if (failure) throw failure;
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, random() * 1500));
    // From here a cut connection is the kill's doing; an answer that still arrives counts.
    stop = true;
    await server.kill();
    await Promise.all(clients);

    const sqlite = new Database(dbFile);
    try {
      expect(sqlite.pragma("integrity_check", { simple: true }), `integrity after kill ${cycle + 1}`).toBe("ok");
      unscoredAtKill += (sqlite.prepare(UNSCORED).get() as { n: number }).n;
    } finally {
      sqlite.close();
    }
  }

  // After the last kill: the server comes back and serves, and every acknowledged submission is there once, whole.
  const server = await startChildServer({ port, dbFile });
  expect((await fetch(`${server.base}/s/${slug}`)).status).toBe(200);
  // Never unscored (issue 17, item 5): the scoring jobs the kills cut off are replayed at start-up.
  let unscored = -1;
  for (const deadline = Date.now() + 60_000; unscored !== 0 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const db = new Database(dbFile, { readonly: true });
    unscored = (db.prepare(UNSCORED).get() as { n: number }).n;
    db.close();
  }
  await server.kill();
  const sqlite = new Database(dbFile, { readonly: true });
  const rows = sqlite
    .prepare(
      `select r.idempotency_key as idem, r.status as status, count(a.id) as answers, max(case when a.question_id = ? then a.value_text end) as story
       from responses r left join answers a on a.response_id = r.id where r.survey_id = ? group by r.id`,
    )
    .all(q.pain_story, surveyId) as Array<{ idem: string; status: string; answers: number; story: string | null }>;
  const integrity = sqlite.pragma("integrity_check", { simple: true });
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const byKey = new Map<string, typeof rows>();
  for (const row of rows) byKey.set(row.idem, [...(byKey.get(row.idem) ?? []), row]);
  const problems: string[] = [];
  for (const [idem, story] of acknowledged) {
    const found = byKey.get(idem) ?? [];
    if (found.length !== 1) problems.push(`${idem}: ${found.length} rows`);
    else if (found[0].status !== "complete" || found[0].answers !== 3 || found[0].story !== story)
      problems.push(`${idem}: ${JSON.stringify(found[0])}`);
  }
  // No response is left half-written either: every stored one has all its answers.
  for (const row of rows) if (row.answers !== 3 || row.status !== "complete") problems.push(`stored ${row.idem}: ${JSON.stringify(row)}`);
  console.log(
    `crash: ${CYCLES} SIGKILLs, ${sent} posts, ${acknowledged.size} acknowledged, ${rows.length} stored, ` +
      `${unscoredAtKill} completed but not yet scored at a kill (then replayed), seed ${SEED}`,
  );
  expect(unscored, "complete responses whose person was never scored").toBe(0);
  expect(integrity).toBe("ok");
  expect(acknowledged.size).toBeGreaterThan(CYCLES * 20);
  expect(problems).toEqual([]);
});
