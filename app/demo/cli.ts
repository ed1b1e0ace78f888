import { migrateToLatest } from "../../db/migrate.js";
import { connect } from "../../db/client.js";
import { DEMO_USERS, seedDemoUsers } from "./users.server.js";
import { seedDemoData } from "./seed.server.js";
import { runFirstAnalysis } from "../themes/run-analysis.js";
import { reassessAll } from "../prospects/readiness.server.js";

/**
 * `npm run demo` step one: migrate the database and, when it has no surveys yet, load the demo
 * data. Safe to run on every start: existing data is never touched.
 */
const handle = connect(process.env.DATABASE_URL);
try {
  await migrateToLatest(handle.db);
  await seedDemoUsers(handle.db);
  // DEMO_RESPONSES: a larger demo for the cluster suite and benchmarks (default 80).
  const seeded = await seedDemoData(handle.db, { responses: Number(process.env.DEMO_RESPONSES) || undefined });
  console.log(seeded ? `Loaded demo data: ${seeded}` : "Demo data already present; left as it is.");
  const analysed = await runFirstAnalysis(handle.db);
  if (analysed) console.log(`Board: ${analysed}`);
  console.log(`Readiness: scored ${await reassessAll(handle.db)} people`);
  console.log("\nDemo accounts (for trying Painmap locally only):");
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)} ${user.email.padEnd(24)} password: ${user.password}`);
  console.log("");
} finally {
  await handle.close();
}
