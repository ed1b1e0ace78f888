import type { SurveyStatus } from "../../db/schema";

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const tone = status === "open" ? "badge--ok" : status === "closed" ? "badge--danger" : "badge--warn";
  return <span className={`badge ${tone}`}>{status}</span>;
}
