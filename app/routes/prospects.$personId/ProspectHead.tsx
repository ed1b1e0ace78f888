import { BandBadge, StatusBadge } from "~/prospects/BandBadge";

import type { ProspectData } from "./section-props";

/** The page's heading: who it is (a name only under the consent rule's `named`), where they came from, the score, band and status. */
export function ProspectHead({ prospect: p }: { prospect: ProspectData["prospect"] }) {
  return (
    <div className="page-head">
      <div>
        <h1>{p.named ? p.company || p.name || p.label : p.label}</h1>
        <p className="muted">
          {[p.named && p.company ? p.name : null, p.jobTitle, p.role !== p.jobTitle ? p.role : null, p.industry, p.region]
            .filter(Boolean)
            .join(" · ")}{" "}
          · source: {p.source}
          {p.campaign ? ` (${p.campaign})` : ""}
        </p>
      </div>
      <div className="prospect-score">
        <span className="prospect-score__value">{p.score}</span>
        <span className="muted small">/ 100</span>
        {p.heldBy ? <span className="held-by small">, held by: {p.heldBy}</span> : null} <BandBadge band={p.effectiveBand} />{" "}
        <StatusBadge status={p.status} />
      </div>
    </div>
  );
}
