/**
 * Runs one analysis in a child process with its own database connection, so clustering never
 * blocks a request. Progress during the (synchronous) clustering goes to the parent over IPC; the
 * parent records it. Started by app/themes/analysis-runs.server.ts with the run id as argument.
 */
import { connect } from "../../db/client.js";
import { executeRun } from "./run-analysis.js";

const runId = Number(process.argv[2]);
const synchronous = process.env.SQLITE_SYNCHRONOUS === "NORMAL" ? "NORMAL" : "FULL";
const handle = connect(process.env.DATABASE_URL, { synchronous, poolSize: 2 });
try {
  await executeRun(handle.db, runId, {
    onProgress: (progress, stage) => process.send?.({ type: "progress", progress, stage }),
  });
  process.send?.({ type: "finished" });
} finally {
  await handle.close();
  // The IPC channel keeps the process alive; the run is over.
  process.disconnect?.();
}
