/**
 * A report segment: one value of industry, region, buying role or source, written "kind:value" in
 * links (`?segment=industry:Healthcare`) and in share rows. Shared by the routes and the browser.
 */
export const SEGMENT_KINDS = ["industry", "region", "role", "source"] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const SEGMENT_LABELS: Record<SegmentKind, string> = {
  industry: "Industry",
  region: "Region",
  role: "Buying role",
  source: "Source",
};

export interface Segment {
  kind: SegmentKind;
  value: string;
}

/** null for "" or anything that is not kind:value with a known kind (the whole study). */
export function parseSegment(raw: string | null | undefined): Segment | null {
  if (!raw) return null;
  const at = raw.indexOf(":");
  if (at < 1) return null;
  const kind = raw.slice(0, at) as SegmentKind;
  const value = raw.slice(at + 1).trim();
  if (!SEGMENT_KINDS.includes(kind) || !value || value.length > 200) return null;
  return { kind, value };
}

export function segmentKey(segment: Segment | null): string {
  return segment ? `${segment.kind}:${segment.value}` : "";
}

export function segmentTitle(segment: Segment | null): string {
  return segment ? `${SEGMENT_LABELS[segment.kind]}: ${segment.value}` : "All respondents";
}
