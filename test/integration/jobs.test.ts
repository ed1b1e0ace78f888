import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, enqueue, type JobRunner } from "../../app/jobs/runner.server.js";
import type { JobDefinition } from "../../app/jobs/types.js";
import type { DatabaseHandle } from "../../db/client.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { until } from "../setup/until.js";

/**
 * The one job interface (app/jobs/) on both databases: pg-boss on PostgreSQL, the jobs table on
 * SQLite. Each test uses its own queue names, so the runners of one test never see another's jobs.
 */
type Def = JobDefinition<never>;
const as = <P>(def: JobDefinition<P>) => def as unknown as Def;

describe.each(DATABASE_KINDS)("jobs on %s", (kind) => {
  let h: DatabaseHandle & { url: string };
  const runners: JobRunner[] = [];
  const run = async (defs: Def[], pollMs = 100) => {
    const runner = createRunner(h.db, defs, { pollMs, register: false, maintenanceIntervalSeconds: 1 });
    runners.push(runner);
    await runner.ready();
    return runner;
  };
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await h?.close();
  });

  it("a handler that throws is retried with backoff, then failed for good with its message", async () => {
    const starts: number[] = [];
    const failed: { payload: { n: number }; message: string }[] = [];
    const def: JobDefinition<{ n: number }> = {
      name: `throws-${kind}`,
      retryLimit: 2,
      retryDelayMs: 1_000,
      leaseMs: 5_000,
      maxRunMs: 60_000,
      async handle() {
        starts.push(Date.now());
        throw new Error(`attempt ${starts.length} broke`);
      },
      async onFailed(payload, message) {
        failed.push({ payload, message });
      },
    };
    const runner = await run([as(def)]);
    await h.db.transaction().execute((trx) => enqueue(trx, def, { n: 7 }));
    runner.start();
    await until(() => failed.length === 1, "the job to fail for good");
    await new Promise((r) => setTimeout(r, 1_500)); // a second report would show up now
    expect(starts).toHaveLength(3); // the first attempt and two retries
    expect(failed).toHaveLength(1);
    expect(failed[0]).toEqual({ payload: { n: 7 }, message: "attempt 3 broke" });
    // Backoff: the second retry waits at least twice the delay, the first at least the delay.
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(1_000);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(2_000);
  });

  it("a handler hung past its run limit loses its lease and is retried, without running twice at once", async () => {
    let running = 0;
    let most = 0;
    const attempts: number[] = [];
    let finished = 0;
    const def: JobDefinition<{ n: number }> = {
      name: `hangs-${kind}`,
      retryLimit: 2,
      retryDelayMs: 0,
      leaseMs: 1_000,
      maxRunMs: 400,
      async handle([job], { signal }) {
        running++;
        most = Math.max(most, running);
        attempts.push(job.attempt);
        try {
          // The first attempt hangs until the runner gives up on it (its signal aborts).
          if (job.attempt === 1) await new Promise((resolve) => signal.addEventListener("abort", resolve));
          else finished++;
        } finally {
          running--;
        }
      },
    };
    const runner = await run([as(def)]);
    await enqueue(h.db, def, { n: 1 });
    runner.start();
    await until(() => finished === 1, "the retried attempt to finish");
    expect(attempts).toEqual([1, 2]);
    expect(most).toBe(1);
  });

  it("with two runners on one database every job runs exactly once, and jobs of one key never overlap", async () => {
    const seen = new Map<number, number>();
    const activeKeys = new Set<string>();
    let overlap = 0;
    const def: JobDefinition<{ n: number; key: string }> = {
      name: `shared-${kind}`,
      retryLimit: 0,
      retryDelayMs: 0,
      leaseMs: 10_000,
      maxRunMs: 60_000,
      singletonKey: (p) => p.key,
      async handle([job]) {
        if (activeKeys.has(job.payload.key)) overlap++;
        activeKeys.add(job.payload.key);
        seen.set(job.payload.n, (seen.get(job.payload.n) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 20));
        activeKeys.delete(job.payload.key);
      },
    };
    const a = await run([as(def)], 20);
    const b = await run([as(def)], 20);
    await h.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 24; n++) await enqueue(trx, def, { n, key: `k${n % 3}` });
    });
    a.start();
    b.start();
    await until(() => seen.size === 24, "all 24 jobs to run");
    await new Promise((r) => setTimeout(r, 300)); // a duplicate would show up now
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
    expect(seen.size).toBe(24);
    expect(overlap).toBe(0);
  });

  it("a job enqueued in a transaction that rolls back never runs", async () => {
    const ran: number[] = [];
    const def: JobDefinition<{ n: number }> = {
      name: `rollback-${kind}`,
      retryLimit: 0,
      retryDelayMs: 0,
      leaseMs: 5_000,
      maxRunMs: 60_000,
      async handle(jobs) {
        for (const j of jobs) ran.push(j.payload.n);
      },
    };
    const runner = await run([as(def)]);
    await expect(
      h.db.transaction().execute(async (trx) => {
        await enqueue(trx, def, { n: 1 });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await h.db.transaction().execute((trx) => enqueue(trx, def, { n: 2 }));
    await runner.drain(def.name);
    expect(ran).toEqual([2]);
  });

  it("a runner killed with SIGKILL mid-job: the job is replayed by another runner", async () => {
    const ran: { n: number; attempt: number }[] = [];
    const def: JobDefinition<{ n: number }> = {
      name: "crash-test",
      retryLimit: 3,
      retryDelayMs: 0,
      leaseMs: 1_000,
      maxRunMs: 600_000,
      async handle([job]) {
        ran.push({ n: job.payload.n, attempt: job.attempt });
      },
    };
    const survivor = await run([as(def)]);
    await enqueue(h.db, def, { n: 42 });
    const child = spawn(process.execPath, ["--import", "tsx", "test/integration/job-child.ts", h.url], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    await until(() => out.includes("claimed 42 attempt 1"), "the child to claim the job");
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    survivor.start();
    await until(() => ran.length === 1, "the job to be replayed");
    expect(ran).toEqual([{ n: 42, attempt: 2 }]);
  });
});
