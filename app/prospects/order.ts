import type { PipelineStatus } from "../../db/schema.js";
import type { Band, ReadinessResult } from "./readiness.js";

/* ---------- Order and pipeline words shared by the list, the page and the CRM files ---------- */

/**
 * What holds back a person whose score alone would make them ready now: the conditions they miss,
 * in words ("94, held by: no executive sponsor" is the list's way of saying the score is not the decision).
 */
export function heldBy(
  band: Band,
  checks: ReadinessResult["checks"] | undefined,
  gateFailures: readonly string[],
  rejectReason: string | null,
): string | null {
  if (band === "ready_now" || !checks || !checks.score) return null;
  const held: string[] = [];
  if (rejectReason !== null) held.push(`rejected by sales${rejectReason ? ` (${rejectReason})` : ""}`);
  for (const g of gateFailures) held.push(g.replace(/^Fails gate: /, ""));
  if (!checks.gates && !gateFailures.length) held.push("fails a fit gate");
  if (!checks.cycle) held.push("decision beyond the sales cycle");
  if (!checks.pain) held.push("pain below the bar");
  return held.length ? held.join("; ") : null;
}

export type PipelineStage = "new" | "accepted" | "contacted" | "won" | "lost" | "rejected";

/** Where the person is in the pipeline: a closed opportunity decides, then contact, then acceptance. */
export function pipelineStage(row: {
  pipelineStatus: PipelineStatus;
  contactedAt: string | null;
  outcome: "won" | "lost" | null;
}): PipelineStage {
  if (row.outcome) return row.outcome;
  if (row.pipelineStatus === "rejected") return "rejected";
  if (row.contactedAt) return "contacted";
  return row.pipelineStatus === "accepted" ? "accepted" : "new";
}
