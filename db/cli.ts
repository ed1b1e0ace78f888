import { connect } from "./client.js";
import { migrateToLatest } from "./migrate.js";

/** `tsx db/cli.ts migrate`: brings DATABASE_URL (default ./data/painmap.sqlite) to the latest schema. */
const [command] = process.argv.slice(2);
if (command !== "migrate") {
  console.error("usage: tsx db/cli.ts migrate");
  process.exit(2);
}
const handle = connect(process.env.DATABASE_URL);
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await handle.close();
}
