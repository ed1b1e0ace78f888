/**
 * Runs one analysis in a worker thread with its own database connection, so clustering never
 * blocks a request. Progress during the (synchronous) clustering goes to the parent as messages;
 * the parent records it. Started by app/services/analysis-runs.server.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { connect } from "../../db/client.js";
import { executeRun } from "./run-analysis.js";

const { runId, databaseUrl, synchronous } = workerData as { runId: number; databaseUrl: string; synchronous?: "FULL" | "NORMAL" };
const handle = connect(databaseUrl, { synchronous, poolSize: 2 });
try {
  await executeRun(handle.db, runId, {
    onProgress: (progress, stage) => parentPort?.postMessage({ type: "progress", progress, stage }),
  });
  parentPort?.postMessage({ type: "finished" });
} finally {
  await handle.close();
}
