/**
 * Scale benchmark (not a test): `npm run bench:scale`. Issue 12's figures:
 *
 * 1. SQLite and then PostgreSQL with SCALE_RESPONSES (default 1,000,000) complete responses,
 *    bulk-inserted (bench-seed.ts): board p50/p95, filtered board, an analysis run's time and peak
 *    memory and GET p99 during a run. This is the board benchmark (board.bench.ts) at that size on
 *    each database in turn (heavy runs one at a time), each a child so its memory is its own.
 * 2. Submissions through nginx on PostgreSQL with 1 and then 3 app servers: throughput, p99 and the
 *    servers' CPU per submission (utime + stime from /proc, summed over the app processes).
 *
 * SCALE_PARTS=board,submit picks parts (board-sqlite or board-postgres for one database); SCALE_SUBMIT_SECONDS and SCALE_CLIENTS size part 2.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { connect } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { freePort } from "../setup/free-port.js";
import { startNginx } from "../setup/nginx.js";
import { startPostgres } from "../setup/postgres.js";
import { percentile, sortedCopy, startScriptNodeFlags } from "./bench-utils.js";

const PARTS = (process.env.SCALE_PARTS ?? "board,submit").split(",");
const RESPONSES = Number(process.env.SCALE_RESPONSES ?? 1_000_000);
const SUBMIT_SECONDS = Number(process.env.SCALE_SUBMIT_SECONDS ?? 20);
const CLIENTS = Number(process.env.SCALE_CLIENTS ?? 32);
const buildDir = process.env.PAINMAP_BUILD_DIR ?? "build";

/** CPU seconds (user + system) a process and its children have used so far. */
function cpuSeconds(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return 0; // a short-lived child (npx, a shell) already gone
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime, stime, cutime, cstime are fields 14-17 of stat (11-14 after the command)
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / 100;
}

/** Every process in the tree under pid (npx -> tsx -> node): CPU is counted for all of them. */
function treePids(pid: number): number[] {
  const out = spawnSync("ps", ["-e", "-o", "pid=,ppid="]).stdout.toString();
  const children = new Map<number, number[]>();
  for (const line of out.trim().split("\n")) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const all: number[] = [];
  const walk = (p: number) => {
    all.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return all;
}

async function startAppServer(port: number, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...startScriptNodeFlags(process.cwd()), "app/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PLAIN_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PAINMAP_BUILD_DIR: buildDir,
      DOTENV_CONFIG_QUIET: "true",
      AUTO_ANALYSIS_EVERY: "0",
      SUBMIT_RATE_LIMIT: "100000000",
      TRUSTED_PROXY: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) return child;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("app server did not start");
}

async function submitPart(): Promise<string[]> {
  const pg = await startPostgres();
  const rows: string[] = [];
  try {
    const handle = connect(pg.url, { poolSize: 2 });
    await migrateToLatest(handle.db);
    const slug = crypto.randomBytes(18).toString("base64url");
    const surveyId = await createSurvey(
      handle.db,
      { slug, title: "Scale study", intro: "", template: null, status: "open", createdBy: null },
      [
        { page: 1, kind: "single_choice", role: "industry", required: true, prompt: "Industry?", options: ["Retail", "Healthcare"] },
        { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "What went wrong?" },
      ],
    );
    const qs = await handle.db.selectFrom("questions").select(["id", "role"]).where("survey_id", "=", surveyId).execute();
    const q = Object.fromEntries(qs.map((x) => [x.role, x.id]));
    for (const servers of [1, 3]) {
      const ports = await Promise.all(Array.from({ length: servers }, () => freePort()));
      const apps = [];
      for (const port of ports) apps.push(await startAppServer(port, pg.url));
      const nginx = await startNginx({ port: await freePort(), upstreams: ports });
      const before = await handle.db
        .selectFrom("responses")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const pids = apps.flatMap((a) => treePids(a.pid!));
      const cpu0 = pids.reduce((s, p) => s + cpuSeconds(p), 0);
      const latencies: number[] = [];
      let errors = 0;
      const end = performance.now() + SUBMIT_SECONDS * 1000;
      const client = async (n: number) => {
        for (let i = 0; performance.now() < end; i++) {
          const body = new URLSearchParams({
            page: "1",
            idem: `s${servers}c${n}i${i}${crypto.randomBytes(6).toString("hex")}`,
            [`q_${q.industry}`]: "Retail",
            [`q_${q.pain_story}`]: `Our stock counts were wrong again, ticket ${n}-${i}`,
          });
          const t = performance.now();
          const r = await fetch(`${nginx.url}/s/${slug}`, {
            method: "POST",
            body,
            redirect: "manual",
            headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `10.1.${n}.1` },
          });
          await r.arrayBuffer();
          if (r.status === 302) latencies.push(performance.now() - t);
          else errors++;
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
      const seconds = (performance.now() - started) / 1000;
      const cpu = pids.reduce((s, p) => s + (fs.existsSync(`/proc/${p}`) ? cpuSeconds(p) : 0), 0) - cpu0;
      const after = await handle.db
        .selectFrom("responses")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const stored = Number(after.n) - Number(before.n);
      const sorted = sortedCopy(latencies);
      rows.push(
        `| ${servers} | ${(latencies.length / seconds).toFixed(0)}/s | ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${((cpu * 1000) / Math.max(1, latencies.length)).toFixed(2)} ms | ${latencies.length} acknowledged, ${stored} stored, ${errors} refused |`,
      );
      console.log(rows[rows.length - 1]);
      await nginx.stop();
      for (const a of apps) {
        a.kill("SIGKILL");
        await new Promise((r) => a.once("exit", r));
      }
    }
    await handle.close();
  } finally {
    await pg.stop();
  }
  return rows;
}

const report: string[] = [];
/** One board.bench.ts run per database, as a child so its memory is its own; returns its JSON summary. */
function boardPart(kind: "sqlite" | "postgres"): Record<string, { text: string }> | null {
  console.log(`\n== ${kind}, ${RESPONSES.toLocaleString("en")} responses (board.bench.ts) ==`);
  const out = path.resolve(`.cache/bench-scale-${kind}.json`);
  fs.rmSync(out, { force: true });
  // Inherited output: the seed and the first run at this size take minutes, their lines show as they come.
  const run = spawnSync(process.execPath, ["--import", "tsx", "test/bench/board.bench.ts"], {
    env: { ...process.env, BOARD_BENCH_RESPONSES: String(RESPONSES), BOARD_BENCH_DB: kind, BOARD_BENCH_OUT: out },
    stdio: "inherit",
  });
  if (run.status !== 0) console.log(`board.bench.ts on ${kind} exited with ${run.status}`);
  return fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : null;
}
const boardKinds = (["sqlite", "postgres"] as const).filter((kind) => PARTS.includes("board") || PARTS.includes(`board-${kind}`));
for (const kind of boardKinds) {
  const summary = boardPart(kind);
  const lines = summary
    ? ["seed", "firstRun", "board", "filtered", "secondRun", "duringRun"].map((key) => summary[key]?.text ?? `${key}: not reached`)
    : ["no figures (the run failed before writing them)"];
  report.push(`${kind}, ${RESPONSES} responses:`, ...lines.map((l) => `  ${l}`));
}
if (PARTS.includes("submit")) {
  console.log(`\n== Submissions through nginx on PostgreSQL, ${CLIENTS} clients, ${SUBMIT_SECONDS} s each ==`);
  console.log("| app servers | throughput | p50 | p99 | server CPU per submission | counts |\n| --- | --- | --- | --- | --- | --- |");
  report.push(...(await submitPart()));
}
fs.mkdirSync(path.resolve(".cache"), { recursive: true });
fs.writeFileSync(path.resolve(".cache/bench-scale.txt"), report.join("\n") + "\n");
console.log(`\n== summary (also in .cache/bench-scale.txt) ==\n${report.join("\n")}`);
