/**
 * One attempt of an analysis run as a child process at a lower CPU priority: on a 2-core machine
 * the clustering then yields to the process answering requests instead of competing with it as an
 * equal thread. The parent records the child's progress; the job runner holds the lease meanwhile.
 */
import path from "node:path";
import { fork } from "node:child_process";
import os from "node:os";
import type { Kysely } from "kysely";
import { setProgress } from "../../db/queries/analysis-runs.js";
import type { Database } from "../../db/schema.js";
import { env } from "../utils/env.server.js";
import { PermanentJobError } from "./types.js";

const WORKER_NICENESS = 10;

export function runAnalysisChild(db: Kysely<Database>, runId: number, signal: AbortSignal): Promise<void> {
  const root = process.env.PAINMAP_ROOT ?? process.cwd();
  const entry = path.resolve(root, "app/themes/analysis.worker.ts");
  const { DATABASE_URL, SQLITE_SYNCHRONOUS } = env();
  return new Promise((resolve, reject) => {
    const child = fork(entry, [String(runId)], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, DATABASE_URL, SQLITE_SYNCHRONOUS },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    if (child.pid) {
      try {
        os.setPriority(child.pid, WORKER_NICENESS);
      } catch {
        // Not permitted here: the run still works, at normal priority.
      }
    }
    // An abandoned attempt (past the job's maxRunMs) must stop writing before a retry starts.
    const onAbort = () => child.kill("SIGKILL");
    signal.addEventListener("abort", onAbort, { once: true });
    let writing = Promise.resolve();
    let outcome: { type: string; message?: string; permanent?: boolean } | undefined;
    child.on("message", (message: { type: string; progress?: number; stage?: string; message?: string; permanent?: boolean }) => {
      if (message.type === "progress")
        // Progress is recorded in order; a stale update never overwrites a finished run (see setProgress).
        writing = writing.then(() => setProgress(db, runId, message.progress ?? 0, message.stage ?? "")).catch(() => {});
      else outcome = message;
    });
    child.on("error", (error) => outcome ?? (outcome = { type: "error", message: `The analysis stopped: ${error.message}` }));
    child.on("exit", () => {
      signal.removeEventListener("abort", onAbort);
      void writing.then(() => {
        if (outcome?.type === "finished") return resolve();
        const message = outcome?.message ?? "The analysis stopped before finishing.";
        reject(outcome?.permanent ? new PermanentJobError(message) : new Error(message));
      });
    });
  });
}
