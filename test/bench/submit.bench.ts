/**
 * npm run bench:submit   (builds, then runs this; PAINMAP_BUILD_DIR is honoured)
 *
 * Survey submissions against the production build: `tsx app/server.ts` as a child process
 * (NODE_ENV=production, a fresh SQLite file in a temp dir, WAL + synchronous=FULL), an open survey
 * whose questions are all on one page, so one POST is one complete submission with every question
 * answered (response, answers, company, person, consents in one transaction).
 *   (a) closed loop: 10 connections for 10 s -> submissions/s, p50, p99
 *   (b) open loop: 300/s for 10 s, each request scheduled in advance -> p99 from the scheduled time
 *   (c) the ceiling: the same closed loop against test/bench/bare-submit-server.ts (node:http +
 *       better-sqlite3 prepared statements, same rows, same durability), and the ratio ours/ceiling.
 * Same client for all: node:http Agent, keepAlive, maxSockets 10.
 * Both servers run with the Node flags of `npm start` (package.json), so the benchmark measures the
 * server as it is deployed.
 * Options: --seconds N (default 10), --rate R (default 300).
 * Diagnostics: BENCH_NODE_FLAGS adds Node flags to both servers (e.g. "--trace-gc"), BENCH_SERVER_LOG
 * appends their output to a file, BENCH_CPU_PROF writes CPU profiles to a folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connect } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { freePort } from "../setup/free-port.js";
import { percentile, startScriptNodeFlags } from "./bench-utils.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = option("seconds", 10);
const RATE = option("rate", 300);
const CONNECTIONS = 10;

function start(command: string[], env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const extra = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
    const flags = [...startScriptNodeFlags(root), ...profile, ...extra];
    const child = spawn(process.execPath, [...flags, "--import", "tsx", ...command], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening/i.test(output)) {
        child.stdout?.off("data", onData);
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    if (process.env.BENCH_SERVER_LOG) {
      const log = fs.createWriteStream(process.env.BENCH_SERVER_LOG, { flags: "a" });
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
    }
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
    setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000).unref();
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** CPU time (user + system, ms) a child process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMs(child: ChildProcess): number {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function post(port: number, pathname: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: pathname,
        method: "POST",
        agent,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

type BodyFor = (i: number) => string;

async function closedLoop(port: number, pathname: string, bodyFor: BodyFor, seconds: number) {
  const latencies: number[] = [];
  let failures = 0;
  let i = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await post(port, pathname, bodyFor(i++));
        if (status !== 302) failures++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    n: latencies.length,
    failures,
  };
}

async function openLoop(port: number, pathname: string, bodyFor: BodyFor, rate: number, seconds: number) {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const t0 = performance.now() + 50;
  const latencies: number[] = [];
  let failures = 0;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = t0 + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      post(port, pathname, bodyFor(i)).then(
        (status) => {
          if (status !== 302) failures++;
          latencies.push(performance.now() - scheduled);
        },
        () => {
          failures++;
        },
      ),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return {
    n: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    failures,
  };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "painmap-submit-bench-"));
  const dbFile = path.join(work, "bench.sqlite");
  const bareFile = path.join(work, "bare.sqlite");
  try {
    // One open survey, every template question on page 1; the same schema in the bare database.
    const questions = marketValidationQuestions(DEFAULT_TEMPLATE_VARS).map((q) => ({ ...q, page: 1 }));
    let slug = "";
    let surveyId = 0;
    const questionIds: Array<{ id: number; kind: string; role: string | null; options: string }> = [];
    for (const file of [dbFile, bareFile]) {
      const handle = connect(`file:${file}`);
      await migrateToLatest(handle.db);
      const surveySlug = crypto.randomBytes(18).toString("base64url");
      if (file === dbFile) slug = surveySlug;
      surveyId = await createSurvey(
        handle.db,
        { slug: surveySlug, title: "Bench", intro: "", template: null, status: "open", createdBy: null },
        questions,
      );
      if (file === dbFile)
        questionIds.push(
          ...(await handle.db
            .selectFrom("questions")
            .select(["id", "kind", "role", "options"])
            .where("survey_id", "=", surveyId)
            .orderBy("position")
            .execute()),
        );
      await handle.close();
    }
    const sample: Record<string, string> = {
      pain_story: "Ransomware hit our file servers last month and we were down for three days; recovery cost about 80k.",
      current_solution: "Antivirus, backups and a managed firewall.",
      cost_of_inaction: "We get hit again and lose customers.",
      early_stage_concerns: "References and a pilot.",
      contact_name: "Dana Example",
      contact_email: "dana@bench.example.com",
      company_name: "Bench Corp",
      job_title: "IT Director",
    };
    const fields: Array<[string, string]> = [];
    for (const q of questionIds) {
      const name = `q_${q.id}`;
      const options = JSON.parse(q.options) as string[];
      if (q.kind === "single_choice") fields.push([name, options[1] ?? options[0]]);
      else if (q.kind === "multiple_choice") fields.push([name, options[0]], [name, options[1]]);
      else if (q.kind === "scale_0_10") fields.push([name, "8"]);
      else if (q.kind === "rating_1_5") fields.push([name, "4"]);
      else if (q.kind === "consent") fields.push([name, "on"]);
      else fields.push([name, sample[q.role ?? ""] ?? "Some text answer."]);
    }
    const fixed = new URLSearchParams([
      ["page", "1"],
      ["utm_source", "linkedin"],
      ["utm_campaign", "bench"],
      ["src", "marketing"],
      ...fields,
    ]).toString();
    const runId = crypto.randomBytes(4).toString("hex");
    let counter = 0;
    const bodyFor: BodyFor = () => `idem=bench${runId}${String(counter++).padStart(12, "0")}&${fixed}`;

    const port = await freePort();
    const server = await start(["app/server.ts"], {
      NODE_ENV: "production",
      PLAIN_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      SUBMIT_RATE_LIMIT: "100000000",
      SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
      DOTENV_CONFIG_QUIET: "true",
    });
    const pathname = `/s/${slug}`;
    let ours;
    let open;
    let oursCpu = NaN;
    let ceilingCpu = NaN;
    try {
      const check = await post(port, pathname, bodyFor(0));
      if (check !== 302) throw new Error(`a submission answered ${check}, not 302`);
      await closedLoop(port, pathname, bodyFor, 2); // warm up (JIT, statement cache)
      const cpu0 = cpuMs(server);
      ours = await closedLoop(port, pathname, bodyFor, SECONDS);
      oursCpu = (cpuMs(server) - cpu0) / ours.n;
      await new Promise((r) => setTimeout(r, 500));
      open = await openLoop(port, pathname, bodyFor, RATE, SECONDS);
    } finally {
      await stop(server);
    }
    const stored = connect(`file:${dbFile}`);
    const complete = await stored.db
      .selectFrom("responses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "complete")
      .executeTakeFirstOrThrow();
    const answers = await stored.db
      .selectFrom("answers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const runs = await stored.db.selectFrom("analysis_runs").select(["status", "error"]).execute();
    await stored.close();

    const barePort = await freePort();
    const bare = await start(["test/bench/bare-submit-server.ts", bareFile, String(surveyId), String(barePort)], {});
    let ceiling;
    try {
      await closedLoop(barePort, "/", bodyFor, 2);
      const cpu0 = cpuMs(bare);
      ceiling = await closedLoop(barePort, "/", bodyFor, SECONDS);
      ceilingCpu = (cpuMs(bare) - cpu0) / ceiling.n;
    } finally {
      await stop(bare);
    }

    const f = (n: number) => n.toFixed(1);
    console.log(
      `\nSurvey submission benchmark (one POST = one complete ${questionIds.length}-question response; SQLite WAL, synchronous=FULL; ${os.cpus().length} cores)`,
    );
    console.log(
      `(a) closed loop, ${CONNECTIONS} connections, ${SECONDS} s: ${f(ours.perSecond)} submissions/s, p50 ${f(ours.p50)} ms, p99 ${f(ours.p99)} ms (${ours.n} requests, ${ours.failures} not 302)`,
    );
    console.log(
      `(b) open loop, ${RATE}/s for ${SECONDS} s: p99 ${f(open.p99)} ms from scheduled send time (p50 ${f(open.p50)} ms, max ${f(open.max)} ms, ${open.n} requests, ${open.failures} failed) -> target p99 <= 50 ms: ${open.p99 <= 50 ? "met" : "NOT met"}`,
    );
    console.log(
      `(c) ceiling, bare node:http + better-sqlite3, same rows and durability: ${f(ceiling.perSecond)} submissions/s, p50 ${f(ceiling.p50)} ms, p99 ${f(ceiling.p99)} ms`,
    );
    const ratio = ours.perSecond / ceiling.perSecond;
    console.log(
      `ratio ours/ceiling: ${ratio.toFixed(2)} (target >= 0.30, stretch 0.40): ${ratio >= 0.4 ? "stretch met" : ratio >= 0.3 ? "met" : "NOT met"}`,
    );
    console.log(
      `server CPU per submission in the closed loop (user+sys, less sensitive to other load than throughput): ours ${oursCpu.toFixed(2)} ms, ceiling ${ceilingCpu.toFixed(2)} ms, ratio ${(ceilingCpu / oursCpu).toFixed(2)}`,
    );
    console.log(`stored: ${Number(complete.n)} complete responses, ${Number(answers.n)} answers`);
    const runOutcomes = runs.map((r) => (r.status === "failed" ? `failed: ${r.error}` : r.status));
    console.log(`analysis runs the submissions started automatically: ${runs.length}${runs.length ? ` (${runOutcomes.join("; ")})` : ""}`);
  } finally {
    agent.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
