/**
 * A job runner in its own process for the crash test (jobs.test.ts): claims one "crash-test" job,
 * says so on stdout, and hangs until the test kills it with SIGKILL.
 */
import { connect } from "../../db/client.js";
import { createRunner } from "../../app/jobs/runner.server.js";
import type { JobDefinition } from "../../app/jobs/types.js";

const handle = connect(process.argv[2], { poolSize: 2 });
const def: JobDefinition<{ n: number }> = {
  name: "crash-test",
  retryLimit: 3,
  retryDelayMs: 0,
  leaseMs: 1_000,
  maxRunMs: 600_000,
  async handle([job]) {
    process.stdout.write(`claimed ${job.payload.n} attempt ${job.attempt}\n`);
    await new Promise(() => {}); // the process dies here
  },
};
createRunner(handle.db, [def as unknown as JobDefinition<never>], { pollMs: 100 }).start();
