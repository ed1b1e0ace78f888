import type { Band } from "~/prospects/readiness";
import { BAND_LABELS } from "~/prospects/readiness";

const CLASS: Record<Band, string> = { ready_now: "badge badge--ok", nurture: "badge badge--warn", not_a_fit: "badge badge--danger" };

export function BandBadge({ band }: { band: Band }) {
  return <span className={CLASS[band]}>{BAND_LABELS[band]}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  if (status === "accepted") return <span className="badge badge--accent">Accepted</span>;
  if (status === "rejected") return <span className="badge">Rejected</span>;
  return null;
}
