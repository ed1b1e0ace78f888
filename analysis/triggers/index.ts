export { TRIGGER_TYPES, TIMINGS, isTriggerType } from "./types.js";
export type { TriggerMention, TriggerType, Timing } from "./types.js";
export { detectTriggers, detectTriggersInText, MAX_SCAN_CHARS } from "./detect.js";
export { applyCorrections } from "./corrections.js";
export type { TriggerCorrection, CorrectedMention } from "./corrections.js";
