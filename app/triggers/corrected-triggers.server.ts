import {
  applyCorrections,
  detectTriggersInText,
  type CorrectedMention,
  type TriggerCorrection,
  type TriggerMention,
} from "../../analysis/index.js";
import type { TriggerCorrectionRow } from "../../db/queries/trigger-corrections.js";

/** A stored correction row as the analysis module reads it. */
function toCorrection(row: Pick<TriggerCorrectionRow, "trigger_type" | "action" | "timing">): TriggerCorrection {
  return { type: row.trigger_type as TriggerCorrection["type"], action: row.action, timing: row.timing };
}

/**
 * The detector's findings by answer id, with the text they were found in (issue 15). Re-scoring a
 * person reads every answer they ever gave, so without this each submission ran the detector
 * (~0.3 ms an answer: wink-nlp, chrono) over all of a person's earlier answers again; now only
 * answers not seen yet, or whose text changed, are detected. The detector is a pure function of
 * the text (fixed model, fixed reference date), so a hit returns exactly what detecting again would.
 * Least recently used answers go first beyond the bound.
 */
const detectedByAnswer = new Map<number, { text: string; mentions: readonly TriggerMention[] }>();
const DETECTED_CACHE_SIZE = 50_000;

function detectedIn(answerId: number, text: string): readonly TriggerMention[] {
  const hit = detectedByAnswer.get(answerId);
  if (hit && hit.text === text) {
    detectedByAnswer.delete(answerId);
    detectedByAnswer.set(answerId, hit);
    return hit.mentions;
  }
  const mentions = Object.freeze(detectTriggersInText(text).map((m) => Object.freeze(m)));
  detectedByAnswer.delete(answerId);
  detectedByAnswer.set(answerId, { text, mentions });
  if (detectedByAnswer.size > DETECTED_CACHE_SIZE) detectedByAnswer.delete(detectedByAnswer.keys().next().value!);
  return mentions;
}

/**
 * The detector's findings on one answer with its marketers' corrections applied: what runs,
 * readiness and the pages all show, so they agree even before the next analysis run. With the
 * answer's id the detection is remembered per answer (re-scoring passes it; an analysis run, which
 * reads every answer once, does not, so it cannot crowd out the answers re-scoring keeps reading).
 */
export function correctedTriggers(text: string, rows: readonly TriggerCorrectionRow[], answerId?: number): CorrectedMention[] {
  const detected = answerId === undefined ? detectTriggersInText(text) : detectedIn(answerId, text);
  return applyCorrections(detected, rows.map(toCorrection), text);
}
