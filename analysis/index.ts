/**
 * Painmap text analysis: pain themes from free-text answers and buying triggers.
 * Pure and deterministic: plain data in, plain data out, no I/O, nothing from app/ or db/.
 */
export { analyzeThemes } from "./themes.js";
export { analyzeThemesSampled, DEFAULT_SAMPLE } from "./sampled.js";
export type { SampleOptions, SampledThemeResult } from "./sampled.js";
export { applyCorrections, detectTriggers, detectTriggersInText, isTriggerType, TRIGGER_TYPES, TIMINGS } from "./triggers/index.js";
export type { CorrectedMention, TriggerCorrection, TriggerMention, TriggerType, Timing } from "./triggers/index.js";
export { assignToThemes, parseThemeModel, serializeThemeModel } from "./assign.js";
export type { Placement, ThemeModel } from "./assign.js";
export type { AnalyzeOptions, ProgressCallback } from "./options.js";
export { DEFAULT_OPTIONS } from "./options.js";
export type { Cluster, ThemeResult, ThemeQuality, KSelectionReport } from "./types.js";
export { normalizedMutualInformation, adjustedRandIndex, clusteringAccuracy, scoreClustering } from "./metrics.js";
export type { Scores } from "./metrics.js";
