import type { SurveyStatus } from "../../db/schema";

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const tone = status === "open" ? "badge--ok" : status === "closed" ? "badge--danger" : "badge--warn";
  return <span className={`badge ${tone}`}>{status}</span>;
}

/** A stored ISO timestamp as a short UTC date ("31 Mar 2027"), or a dash. */
export function formatDay(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) : "—";
}
