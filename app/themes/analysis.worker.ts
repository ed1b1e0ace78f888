/**
 * Runs one attempt of an analysis in a child process with its own database connection, so
 * clustering never blocks a request. Progress during the (synchronous) clustering goes to the
 * parent over IPC; the parent records it and holds the run's job lease (app/jobs/analysis-child.server.ts).
 * An error goes to the parent too, which lets the job queue retry or fail the run.
 */
import { connect } from "../../db/client.js";
import { executeRunAttempt, RunRefused } from "./run-analysis.js";

// The parent died (SIGKILL, crash): stop at once, so the retried job on another server (or this
// one after restart) is the only attempt writing this run.
process.on("disconnect", () => process.exit(1));

/** Sends a message and waits until it left, so disconnecting right after cannot drop it. */
const tell = (message: object) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

const runId = Number(process.argv[2]);
const synchronous = process.env.SQLITE_SYNCHRONOUS === "NORMAL" ? "NORMAL" : "FULL";
const handle = connect(process.env.DATABASE_URL, { synchronous, poolSize: 2 });
let code = 0;
try {
  await executeRunAttempt(handle.db, runId, {
    onProgress: (progress, stage) => process.send?.({ type: "progress", progress, stage }),
  });
  await tell({ type: "finished" });
} catch (error) {
  code = 1;
  await tell({ type: "error", message: (error as Error).message || "The analysis failed.", permanent: error instanceof RunRefused });
} finally {
  await handle.close();
  process.exitCode = code;
  // The IPC channel keeps the process alive; the attempt is over.
  process.removeAllListeners("disconnect");
  process.disconnect?.();
}
