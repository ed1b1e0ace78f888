import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { RunScope } from "./analysis-runs.js";

/**
 * Id ranges of the complete responses in scope, `size` responses each, in id order: an analysis
 * run reads trigger and fact answers one slice at a time, so a million responses never sit in
 * memory as row objects all at once (issue 12).
 */
export async function completeResponseSlices(
  db: Kysely<Database>,
  scope: RunScope,
  size: number,
): Promise<Array<{ from: number; to: number }>> {
  const rows = await db
    .selectFrom("responses")
    .select("id")
    .where("status", "=", "complete")
    .$if(scope !== null, (q) => q.where("survey_id", "=", scope!))
    .orderBy("id")
    .execute();
  const slices: Array<{ from: number; to: number }> = [];
  for (let i = 0; i < rows.length; i += size) slices.push({ from: rows[i].id, to: rows[Math.min(rows.length, i + size) - 1].id });
  return slices;
}
