import { applyCorrections, detectTriggersInText, type CorrectedMention, type TriggerCorrection } from "../../analysis/index.js";
import type { TriggerCorrectionRow } from "../../db/queries/trigger-corrections.js";

/** A stored correction row as the analysis module reads it. */
function toCorrection(row: Pick<TriggerCorrectionRow, "trigger_type" | "action" | "timing">): TriggerCorrection {
  return { type: row.trigger_type as TriggerCorrection["type"], action: row.action, timing: row.timing };
}

/**
 * The detector's findings on one answer with its marketers' corrections applied: what runs,
 * readiness and the pages all show, so they agree even before the next analysis run.
 */
export function correctedTriggers(text: string, rows: readonly TriggerCorrectionRow[]): CorrectedMention[] {
  return applyCorrections(detectTriggersInText(text), rows.map(toCorrection), text);
}
