/** The ten buying-trigger types, in display order. */
export const TRIGGER_TYPES = [
  "security_incident",
  "outage",
  "compliance_deadline",
  "leadership_change",
  "contract_renewal",
  "growth",
  "funding",
  "merger_acquisition",
  "cost_pressure",
  "vendor_change",
] as const;

export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type Timing = "past" | "upcoming" | "unknown";
export const TIMINGS: readonly Timing[] = ["past", "upcoming", "unknown"];

export interface TriggerMention {
  type: TriggerType;
  timing: Timing;
  /** The words of the answer that show the trigger, as written (its clause, trimmed). */
  phrase: string;
  /** The model's probability that the answer states this trigger, 0..1, rounded to 2 places. */
  confidence: number;
}

export function isTriggerType(value: string): value is TriggerType {
  return (TRIGGER_TYPES as readonly string[]).includes(value);
}
