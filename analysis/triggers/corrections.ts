/**
 * A marketer's word beats the model's: for one answer, "reject" removes that type whatever the
 * detector says, "add" puts it in with the marketer's timing and full confidence.
 */
import type { Timing, TriggerMention, TriggerType } from "./types.js";

export interface TriggerCorrection {
  type: TriggerType;
  action: "reject" | "add";
  timing: Timing | null;
}

export interface CorrectedMention extends TriggerMention {
  /** True when a marketer added or confirmed this mention. */
  corrected: boolean;
}

export function applyCorrections(
  detected: readonly TriggerMention[],
  corrections: readonly TriggerCorrection[],
  answerText: string,
): CorrectedMention[] {
  const byType = new Map(corrections.map((c) => [c.type, c]));
  const out: CorrectedMention[] = detected.filter((m) => byType.get(m.type)?.action !== "reject").map((m) => ({ ...m, corrected: false }));
  for (const c of corrections) {
    if (c.action !== "add") continue;
    const existing = out.find((m) => m.type === c.type);
    const timing = c.timing ?? existing?.timing ?? "unknown";
    if (existing) Object.assign(existing, { timing, confidence: 1, corrected: true });
    else out.push({ type: c.type, timing, phrase: excerpt(answerText), confidence: 1, corrected: true });
  }
  return out;
}

const EXCERPT_CHARS = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), EXCERPT_CHARS / 2)).trimEnd()}…`;
}
