/**
 * Board benchmark (not a test): `npm run bench:board`; `npm run bench:scale` runs it at 1,000,000.
 *
 * 1. A fresh database (BOARD_BENCH_DB = sqlite, the default, or postgres: a throwaway server from
 *    test/setup/postgres.ts) with BOARD_BENCH_RESPONSES (default 100,000) complete responses whose
 *    pain stories come from 50 topics (bench-seed.ts), and a first analysis run (k = 50) in the
 *    app's own child process (app/themes/analysis.worker.ts): its time and peak RSS (VmHWM).
 * 2. The production server in its own process; GET /board server time, p50/p95 over sequential
 *    requests, unfiltered and filtered.
 * 3. A second analysis run started through the board (the job runner's low-priority child process)
 *    while a client keeps GETting /board and /api/runs/:id: p99 of those GETs and the run's duration.
 *
 * BOARD_BENCH_REUSE=1 (SQLite) keeps a database seeded and analysed at the same size by an earlier run.
 * Every figure is printed with the load average at the time; a JSON summary goes to BOARD_BENCH_OUT.
 */
import { fork, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { createRun, getRun } from "../../db/queries/analysis-runs.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { freePort } from "../setup/free-port.js";
import { startPostgres } from "../setup/postgres.js";
import { percentile, sortedCopy, startScriptNodeFlags } from "./bench-utils.js";
import { seedPostgres, seedSqlite, THEMES, type SeedTarget } from "./bench-seed.js";

const N = Number(process.env.BOARD_BENCH_RESPONSES ?? 100_000);
const KIND = process.env.BOARD_BENCH_DB === "postgres" ? "postgres" : "sqlite";
const REUSE = process.env.BOARD_BENCH_REUSE === "1" && KIND === "sqlite";
const PORT = process.env.BOARD_BENCH_PORT ? Number(process.env.BOARD_BENCH_PORT) : await freePort();
const dir = path.resolve(".cache/bench-board");
const file = path.join(dir, "board.sqlite");
const marker = path.join(dir, "seeded.json");
const buildDir = process.env.PAINMAP_BUILD_DIR ?? "build";
const summary: Record<string, unknown> = { database: KIND, responses: N };

/** Nearest-rank percentile of unsorted values. */
const pct = (values: readonly number[], p: number): number => percentile(sortedCopy(values), p);
/** The machine is shared: every figure carries the 1-minute load average when it was taken. */
const load = () => os.loadavg()[0].toFixed(2);
function report(key: string, text: string, values: Record<string, unknown>) {
  const line = `${text} [load ${load()}]`;
  console.log(line);
  summary[key] = { ...values, load: Number(load()), text: line };
}

/** Peak resident memory (MB) a process reached so far, or 0 once it is gone. */
function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
function descendants(pid: number): number[] {
  const out = spawnSync("ps", ["-e", "-o", "pid=,ppid="]).stdout.toString();
  const children = new Map<number, number[]>();
  for (const line of out.trim().split("\n")) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const all: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (all.push(c), walk(c)));
  walk(pid);
  return all;
}

async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (KIND === "postgres") return startPostgres();
  return { url: `file:${file}`, stop: async () => {} };
}

/** Seeds N responses and runs the first analysis, unless REUSE finds them there already. */
async function seed(url: string): Promise<void> {
  if (REUSE && fs.existsSync(marker) && JSON.parse(fs.readFileSync(marker, "utf8")).n === N && fs.existsSync(file)) {
    const h = connect(url, { synchronous: "NORMAL" });
    // A run an earlier (stopped) benchmark left running would block the next one.
    await h.db
      .updateTable("analysis_runs")
      .set({ status: "failed", error: "benchmark stopped" })
      .where("status", "in", ["queued", "running"])
      .execute();
    const done = await h.db.selectFrom("analysis_runs").select("id").where("status", "=", "done").executeTakeFirst();
    await h.close();
    console.log(`reusing ${file} (${N} responses${done ? ", analysed" : ""})`);
    if (!done) await firstRun(url);
    return;
  }
  if (KIND === "sqlite") {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }
  const handle = connect(url, { synchronous: "NORMAL" });
  await migrateToLatest(handle.db);
  const surveyId = await createSurvey(
    handle.db,
    { slug: "bench-board-survey", title: "Bench study", intro: "", template: "market_validation", status: "open", createdBy: null },
    marketValidationQuestions(DEFAULT_TEMPLATE_VARS),
  );
  const questions = await handle.db.selectFrom("questions").select(["id", "role", "kind"]).where("survey_id", "=", surveyId).execute();
  const q = (role: string, kind?: string) => questions.find((x) => x.role === role && (!kind || x.kind === kind))!.id;
  const target: SeedTarget = {
    surveyId,
    n: N,
    now: new Date().toISOString(),
    q: {
      pain_story: q("pain_story"),
      pain_severity: q("pain_severity"),
      industry: q("industry"),
      region: q("region"),
      buying_role: q("buying_role"),
      trigger_events: q("trigger_events", "multiple_choice"),
    },
  };
  const started = performance.now();
  if (KIND === "sqlite") {
    await handle.close();
    seedSqlite(file, target);
  } else {
    await seedPostgres(url, target);
    await handle.close();
  }
  const seconds = (performance.now() - started) / 1000;
  report("seed", `seeded ${N} responses (${6 * N} answers) on ${KIND} in ${seconds.toFixed(1)} s`, { seconds });
  if (KIND === "sqlite") fs.writeFileSync(marker, JSON.stringify({ n: N }));
  await firstRun(url);
}

/** The first run in the app's own worker (what the job runner forks), so its peak memory is its own. */
async function firstRun(url: string): Promise<void> {
  const h = connect(url, { synchronous: "NORMAL" });
  const runId = await createRun(h.db, { surveyId: null, trigger: "manual", createdBy: null, parameters: { k: THEMES } });
  const runStarted = performance.now();
  const child = fork(path.resolve("app/themes/analysis.worker.ts"), [String(runId)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: url, SQLITE_SYNCHRONOUS: "NORMAL" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let peak = 0;
  let stage = "";
  child.on("message", (m: { type: string; stage?: string }) => m.stage && (stage = m.stage));
  const watch = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid!))), 100);
  const progress = setInterval(
    () => console.log(`  first run: ${((performance.now() - runStarted) / 1000).toFixed(0)} s, ${stage}`),
    15_000,
  );
  await new Promise((r) => child.once("exit", r));
  clearInterval(watch);
  clearInterval(progress);
  const run = await getRun(h.db, runId);
  if (run?.status !== "done") throw new Error(`first run ended ${run?.status}: ${run?.error}`);
  const themes = await h.db
    .selectFrom("theme_stats")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("run_id", "=", runId)
    .executeTakeFirst();
  const runSeconds = (performance.now() - runStarted) / 1000;
  report(
    "firstRun",
    `first analysis run (k=${THEMES}, worker process): ${runSeconds.toFixed(1)} s, peak RSS ${peak.toFixed(0)} MB, ${Number(themes?.n)} themes with stats`,
    { seconds: runSeconds, peakRssMb: peak, quality: JSON.parse(run.quality ?? "null")?.sample ?? null },
  );
  await h.close();
}

/** A marketer and a session for the server's board (a fresh one each time: reuse keeps only the data). */
async function login(url: string): Promise<string> {
  const h = connect(url);
  const now = new Date().toISOString();
  const user = await h.db
    .insertInto("users")
    .values({
      email: `bench-${crypto.randomUUID()}@painmap.test`,
      name: "Bench Marketer",
      role: "marketer",
      password_hash: "x",
      created_at: now,
      disabled_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = crypto.randomBytes(32).toString("base64url");
  await h.db
    .insertInto("sessions")
    .values({
      id_hash: crypto.createHash("sha256").update(token).digest("hex"),
      user_id: user.id,
      created_at: now,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    .execute();
  await h.close();
  return `pm_session=${token}`;
}

async function startServer(url: string): Promise<{ pid: number; stop: () => void }> {
  const child = spawn("npx", ["tsx", ...startScriptNodeFlags(process.cwd()), "app/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PLAIN_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      DATABASE_URL: url,
      PAINMAP_BUILD_DIR: buildDir,
      DOTENV_CONFIG_QUIET: "true",
      AUTO_ANALYSIS_EVERY: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/login`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  return { pid: child.pid!, stop };
}

async function timedGet(url: string, cookie: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const r = await fetch(url, { headers: { Cookie: cookie } });
  const body = await r.text();
  return { ms: performance.now() - started, status: r.status, body };
}

const db = await database();
try {
  await seed(db.url);
  const cookie = await login(db.url);
  const server = await startServer(db.url);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 5; i++) await timedGet(`${base}/board`, cookie); // warm up
    const board: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await timedGet(`${base}/board`, cookie);
      if (r.status !== 200) throw new Error(`GET /board ${r.status}`);
      board.push(r.ms);
    }
    report("board", `GET /board (50 themes, ${N} responses): p50 ${pct(board, 50).toFixed(1)} ms, p95 ${pct(board, 95).toFixed(1)} ms`, {
      p50: pct(board, 50),
      p95: pct(board, 95),
    });
    const filtered: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await timedGet(`${base}/board?industry=Retail&region=Europe&source=sales`, cookie);
      if (r.status !== 200) throw new Error(`GET /board filtered ${r.status}`);
      filtered.push(r.ms);
    }
    report(
      "filtered",
      `GET /board filtered (industry+region+source): p50 ${pct(filtered, 50).toFixed(1)} ms, p95 ${pct(filtered, 95).toFixed(1)} ms`,
      { p50: pct(filtered, 50), p95: pct(filtered, 95) },
    );

    // Second run through the app (the job runner's low-priority child process) while requests keep coming.
    const started = performance.now();
    const post = await fetch(`${base}/board`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: base },
      body: "intent=run&scope=all",
    });
    if (post.status !== 302) throw new Error(`starting the run answered ${post.status}: ${await post.text()}`);
    const h = connect(db.url);
    const run = await h.db.selectFrom("analysis_runs").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    const during: number[] = [];
    const polls: number[] = [];
    let status = run.status;
    let peak = 0;
    let lastScan = 0;
    let workers: number[] = [];
    while (status === "queued" || status === "running") {
      if (performance.now() - lastScan > 2000) [workers, lastScan] = [descendants(server.pid), performance.now()];
      for (const pid of workers) peak = Math.max(peak, peakRssMb(pid));
      const b = await timedGet(`${base}/board`, cookie);
      during.push(b.ms);
      const p = await timedGet(`${base}/api/runs/${run.id}`, cookie);
      polls.push(p.ms);
      status = JSON.parse(p.body).status;
      await new Promise((r) => setTimeout(r, 50));
    }
    const finished = await h.db.selectFrom("analysis_runs").selectAll().where("id", "=", run.id).executeTakeFirstOrThrow();
    await h.close();
    const seconds = (performance.now() - started) / 1000;
    const all = [...during, ...polls];
    report(
      "secondRun",
      `analysis run through the app (low-priority child): ${finished.status} in ${seconds.toFixed(1)} s, peak RSS of the server's children ${peak.toFixed(0)} MB${finished.error ? ` (${finished.error})` : ""}`,
      { status: finished.status, seconds, peakRssMb: peak },
    );
    report(
      "duringRun",
      `concurrent GETs during the run (${all.length}): p50 ${pct(all, 50).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms; /board p99 ${pct(during, 99).toFixed(1)} ms, /api/runs/:id p99 ${pct(polls, 99).toFixed(1)} ms`,
      { count: all.length, p50: pct(all, 50), p99: pct(all, 99), boardP99: pct(during, 99), pollP99: pct(polls, 99) },
    );
  } finally {
    server.stop();
  }
} finally {
  await db.stop();
  if (process.env.BOARD_BENCH_OUT) fs.writeFileSync(process.env.BOARD_BENCH_OUT, JSON.stringify(summary, null, 2));
}
