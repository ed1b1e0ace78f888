/**
 * Saves a successful run in one transaction: its themes, members, mentions and facts, the board's
 * recomputed figures, then the run marked done. A failed step leaves everything as it was.
 */
import type { Kysely } from "kysely";
import { finishRun, writeRunResults, type RunResults } from "../../db/queries/run-results.js";
import type { Database } from "../../db/schema.js";
import { recomputeAggregates } from "./theme-aggregates.server.js";

export async function saveRunResults(db: Kysely<Database>, results: RunResults): Promise<Map<number, number>> {
  return db.transaction().execute(async (trx) => {
    const created = await writeRunResults(trx, results);
    await recomputeAggregates(trx, results.runId, null);
    await finishRun(trx, results, created);
    return created;
  });
}
