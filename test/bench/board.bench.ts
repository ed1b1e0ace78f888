/**
 * Board benchmark (not a test): `npm run bench:board`.
 *
 * 1. A fresh SQLite database with 100,000 complete responses whose pain stories come from 50
 *    topics, and a first analysis run (k = 50) so the board has 50 themes.
 * 2. The production server in its own process; GET /board server time, p50/p95 over sequential requests
 *    (targets: p50 <= 150 ms), unfiltered and filtered.
 * 3. A second analysis run started through the board (a low-priority child process of the server) while a client
 *    keeps GETting /board and /api/runs/:id: p99 of those GETs (target < 100 ms) and the run's duration.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { connect } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { createRun, getRun } from "../../db/queries/analysis-runs.js";
import {
  DEFAULT_TEMPLATE_VARS,
  marketValidationQuestions,
  TRIGGER_EVENT_OPTIONS,
  INDUSTRY_OPTIONS,
  REGION_OPTIONS,
  BUYING_ROLE_OPTIONS,
} from "../../app/surveys/template.js";
import { executeRun } from "../../app/themes/run-analysis.js";
import { createRng } from "../../analysis/random.js";
import { freePort } from "../setup/free-port.js";
import { percentile, sortedCopy, startScriptNodeFlags } from "./bench-utils.js";

const N = Number(process.env.BOARD_BENCH_RESPONSES ?? 100_000);
const THEMES = 50;
const PORT = process.env.BOARD_BENCH_PORT ? Number(process.env.BOARD_BENCH_PORT) : await freePort();
const dir = path.resolve(".cache/bench-board");
const file = path.join(dir, "board.sqlite");
const buildDir = process.env.PAINMAP_BUILD_DIR ?? "build";

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sa", "do", "fu", "gi", "ha", "ju", "be"];
function word(seed: number): string {
  let s = "";
  let x = seed + 7;
  for (let i = 0; i < 3; i++) {
    s += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length) + i * 5 + 3;
  }
  return s;
}
const topicWords = Array.from({ length: THEMES }, (_, t) => Array.from({ length: 8 }, (_, j) => `${word(t * 8 + j)}${t}`));
const COMMON = ["our", "team", "lost", "time", "again", "because", "the", "system", "every", "month", "cost", "money"];

/** Nearest-rank percentile of unsorted values. */
const pct = (values: readonly number[], p: number): number => percentile(sortedCopy(values), p);

async function seed(): Promise<{ cookie: string }> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const handle = connect(`file:${file}`, { synchronous: "NORMAL" });
  await migrateToLatest(handle.db);
  const now = new Date().toISOString();
  const user = await handle.db
    .insertInto("users")
    .values({
      email: "bench@painmap.test",
      name: "Bench Marketer",
      role: "marketer",
      password_hash: "x",
      created_at: now,
      disabled_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = crypto.randomBytes(32).toString("base64url");
  await handle.db
    .insertInto("sessions")
    .values({
      id_hash: crypto.createHash("sha256").update(token).digest("hex"),
      user_id: user.id,
      created_at: now,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    .execute();
  const surveyId = await createSurvey(
    handle.db,
    { slug: "bench-board-survey", title: "Bench study", intro: "", template: "market_validation", status: "open", createdBy: user.id },
    marketValidationQuestions(DEFAULT_TEMPLATE_VARS),
  );
  const questions = await handle.db.selectFrom("questions").select(["id", "role", "kind"]).where("survey_id", "=", surveyId).execute();
  const q = (role: string, kind?: string) => questions.find((x) => x.role === role && (!kind || x.kind === kind))!.id;
  await handle.close();

  const started = performance.now();
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const insCompany = sqlite.prepare("insert into companies (name, industry, region, site_count, created_at) values (?, ?, ?, 3, ?)");
  const insPerson = sqlite.prepare(
    "insert into people (company_id, email, name, job_title, source, created_at) values (?, ?, ?, 'IT lead', ?, ?)",
  );
  const insResponse = sqlite.prepare(
    "insert into responses (survey_id, person_id, status, resume_token_hash, idempotency_key, current_page, source, origin, meta, started_at, updated_at, completed_at) values (?, ?, 'complete', ?, ?, 6, ?, 'import', '{}', ?, ?, ?)",
  );
  const insAnswer = sqlite.prepare(
    "insert into answers (response_id, question_id, value_text, value_number, value_json, updated_at) values (?, ?, ?, ?, ?, ?)",
  );
  const sources = ["marketing", "sales", "partner"];
  const rng = createRng(12345);
  const rand = (n: number) => rng.int(n);
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const topic = i % THEMES;
      const words = topicWords[topic];
      const text = `${COMMON[rand(COMMON.length)]} ${words[rand(8)]} ${words[rand(8)]} ${COMMON[rand(COMMON.length)]} ${words[rand(8)]} ${words[rand(8)]} ${COMMON[rand(COMMON.length)]}`;
      const industry = INDUSTRY_OPTIONS[rand(INDUSTRY_OPTIONS.length)];
      const region = REGION_OPTIONS[rand(REGION_OPTIONS.length)];
      const source = sources[rand(3)];
      const company = insCompany.run(`Company ${i}`, industry, region, now).lastInsertRowid;
      const person = insPerson.run(company, `p${i}@bench.test`, `Person ${i}`, source, now).lastInsertRowid;
      const response = insResponse.run(surveyId, person, `h${i}`, `k${i}`, source, now, now, now).lastInsertRowid;
      insAnswer.run(response, q("pain_story"), text, null, null, now);
      insAnswer.run(response, q("pain_severity"), null, (topic % 10) + rand(2), null, now);
      insAnswer.run(response, q("industry"), industry, null, null, now);
      insAnswer.run(response, q("region"), region, null, null, now);
      insAnswer.run(response, q("buying_role"), BUYING_ROLE_OPTIONS[rand(BUYING_ROLE_OPTIONS.length)], null, null, now);
      insAnswer.run(response, q("trigger_events", "multiple_choice"), null, null, JSON.stringify([TRIGGER_EVENT_OPTIONS[topic % 7]]), now);
    }
  });
  for (let i = 0; i < N; i += 5000) batch(i, Math.min(N, i + 5000));
  sqlite.close();
  console.log(`seeded ${N} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const h2 = connect(`file:${file}`, { synchronous: "NORMAL" });
  const runStarted = performance.now();
  const runId = await createRun(h2.db, { surveyId: null, trigger: "manual", createdBy: user.id, parameters: { k: THEMES } });
  await executeRun(h2.db, runId);
  const run = await getRun(h2.db, runId);
  if (run?.status !== "done") throw new Error(`first run failed: ${run?.error}`);
  const themes = await h2.db
    .selectFrom("theme_stats")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("run_id", "=", runId)
    .executeTakeFirst();
  console.log(
    `first analysis (in-process, k=${THEMES}): ${((performance.now() - runStarted) / 1000).toFixed(1)} s, ${Number(themes?.n)} themes with stats`,
  );
  await h2.close();
  return { cookie: `pm_session=${token}` };
}

async function startServer(): Promise<() => void> {
  const child = spawn("npx", ["tsx", ...startScriptNodeFlags(process.cwd()), "app/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PLAIN_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      DATABASE_URL: `file:${file}`,
      PAINMAP_BUILD_DIR: buildDir,
      DOTENV_CONFIG_QUIET: "true",
      AUTO_ANALYSIS_EVERY: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/login`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  };
}

async function timedGet(url: string, cookie: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const r = await fetch(url, { headers: { Cookie: cookie } });
  const body = await r.text();
  return { ms: performance.now() - started, status: r.status, body };
}

const { cookie } = await seed();
const stop = await startServer();
try {
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 5; i++) await timedGet(`${base}/board`, cookie); // warm up
  const board: number[] = [];
  for (let i = 0; i < 40; i++) {
    const r = await timedGet(`${base}/board`, cookie);
    if (r.status !== 200) throw new Error(`GET /board ${r.status}`);
    board.push(r.ms);
  }
  const filtered: number[] = [];
  for (let i = 0; i < 40; i++) {
    const r = await timedGet(`${base}/board?industry=Retail&region=Europe&source=sales`, cookie);
    filtered.push(r.ms);
  }
  console.log(`GET /board (50 themes, ${N} responses): p50 ${pct(board, 50).toFixed(1)} ms, p95 ${pct(board, 95).toFixed(1)} ms`);
  console.log(
    `GET /board filtered (industry+region+source): p50 ${pct(filtered, 50).toFixed(1)} ms, p95 ${pct(filtered, 95).toFixed(1)} ms`,
  );

  // Second run through the app (a low-priority child process of the server) while requests keep coming.
  const started = performance.now();
  const post = await fetch(`${base}/board`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: "intent=run&scope=all",
  });
  if (post.status !== 302) throw new Error(`starting the run answered ${post.status}: ${await post.text()}`);
  const h = connect(`file:${file}`);
  const run = await h.db.selectFrom("analysis_runs").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
  const during: number[] = [];
  const polls: number[] = [];
  let status = run.status;
  while (status === "queued" || status === "running") {
    const b = await timedGet(`${base}/board`, cookie);
    during.push(b.ms);
    const p = await timedGet(`${base}/api/runs/${run.id}`, cookie);
    polls.push(p.ms);
    status = JSON.parse(p.body).status;
    await new Promise((r) => setTimeout(r, 50));
  }
  const finished = await h.db.selectFrom("analysis_runs").selectAll().where("id", "=", run.id).executeTakeFirstOrThrow();
  await h.close();
  const all = [...during, ...polls];
  console.log(
    `analysis run over ${N} responses in a low-priority child process: ${finished.status} in ${((performance.now() - started) / 1000).toFixed(1)} s${finished.error ? ` (${finished.error})` : ""}`,
  );
  console.log(
    `concurrent GETs during the run (${all.length}): p50 ${pct(all, 50).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms`,
  );
  console.log(
    `  /board during the run: p50 ${pct(during, 50).toFixed(1)} ms, p99 ${pct(during, 99).toFixed(1)} ms; /api/runs/:id p99 ${pct(polls, 99).toFixed(1)} ms`,
  );
} finally {
  stop();
}
