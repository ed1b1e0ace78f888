export { TRIGGER_TYPES, TIMINGS, isTriggerType } from "./types.js";
export type { TriggerMention, TriggerType, Timing } from "./types.js";
export { detectTriggers, detectTriggersInText } from "./detect.js";
export { applyCorrections } from "./corrections.js";
export type { TriggerCorrection, CorrectedMention } from "./corrections.js";
