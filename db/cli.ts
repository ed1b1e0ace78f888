import { writeFileSync } from "node:fs";
import { connect } from "./client.js";
import { migrateToLatest } from "./migrate.js";
import { correctedAnswers } from "./queries/trigger-corrections.js";

/**
 * `tsx db/cli.ts migrate`: brings DATABASE_URL (default ./data/painmap.sqlite) to the latest schema.
 * `tsx db/cli.ts export-trigger-corrections FILE.jsonl`: marketers' trigger corrections with the
 * answers' words, one JSON line per answer, for `npm run triggers:train`.
 */
const [command, out] = process.argv.slice(2);
if (command !== "migrate" && !(command === "export-trigger-corrections" && out)) {
  console.error("usage: tsx db/cli.ts migrate | export-trigger-corrections FILE.jsonl");
  process.exit(2);
}
const handle = connect(process.env.DATABASE_URL);
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
  if (command === "migrate") console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  else {
    const rows = await correctedAnswers(handle.db);
    const lines = rows.map((r) =>
      JSON.stringify({
        text: r.text,
        corrections: r.corrections.map((c) => ({ type: c.trigger_type, action: c.action, timing: c.timing })),
      }),
    );
    writeFileSync(out!, lines.join("\n") + (lines.length ? "\n" : ""));
    console.error(`exported ${rows.length} corrected answers to ${out}`);
  }
} finally {
  await handle.close();
}
