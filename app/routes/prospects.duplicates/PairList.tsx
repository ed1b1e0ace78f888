import { Link } from "@remix-run/react";
import type { PersonCard } from "~/prospects/duplicates-view.server";

import { PersonSummary } from "./PersonSummary";

/** The suggested pairs, each with the rule that matched them and a link to its preview (the older person kept by default). */
export function PairList({ pairs }: { pairs: Array<{ kept: PersonCard; merged: PersonCard; reasons: string[] }> }) {
  if (!pairs.length) {
    return <p className="muted">No likely duplicates: no two people share a company email domain and name, or a company and job title.</p>;
  }
  return (
    <ul className="stack" data-testid="duplicate-pairs">
      {pairs.map((p) => (
        <li key={`${p.kept.personId}-${p.merged.personId}`} className="card" data-pair={`${p.kept.personId}-${p.merged.personId}`}>
          <p className="small">
            <strong>Why:</strong> {p.reasons.join("; ")}
          </p>
          <div className="grid">
            <PersonSummary card={p.kept} />
            <PersonSummary card={p.merged} />
          </div>
          <Link className="button button--secondary button--small" to={`?kept=${p.kept.personId}&merged=${p.merged.personId}`}>
            Preview merge
          </Link>
        </li>
      ))}
    </ul>
  );
}
