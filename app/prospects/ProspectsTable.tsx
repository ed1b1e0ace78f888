import { Link } from "@remix-run/react";
import { BandBadge, StatusBadge } from "~/prospects/BandBadge";
import type { Band } from "~/prospects/readiness";

/** A list row as the loaders send it (prospect-list.server.ts `listRow`): the consent rule already applied. */
export interface ProspectsTableRow {
  personId: number;
  label: string;
  name: string | null;
  descriptor: string;
  role: string | null;
  source: string;
  score: number;
  heldBy: string | null;
  band: Band;
  status: string;
  ownerName: string | null;
  topTheme: string | null;
  trigger: { label: string; timing: string } | null;
  quote: string | null;
  reach: string | null;
}

/** Score, and next to it what holds a high score back: "94, held by: decision beyond the sales cycle". */
function ScoreCell({ p }: { p: Pick<ProspectsTableRow, "score" | "heldBy" | "band" | "status" | "reach"> }) {
  return (
    <>
      <strong className="score">{p.score}</strong>
      {p.heldBy ? <span className="held-by small">, held by: {p.heldBy}</span> : null} <BandBadge band={p.band} />{" "}
      <StatusBadge status={p.status} />
      {p.reach ? <div className="badge badge--warn reach">{p.reach}</div> : null}
    </>
  );
}

export function ProspectWho({ p }: { p: Pick<ProspectsTableRow, "personId" | "label" | "name" | "descriptor" | "source"> }) {
  return (
    <>
      <Link to={`/prospects/${p.personId}`}>{p.label}</Link>
      {p.name ? <div className="muted small">{p.name}</div> : null}
      {p.descriptor ? <div className="muted small">{p.descriptor}</div> : null}
      <div className="muted small">{p.source}</div>
    </>
  );
}

export function ProspectsTable({ rows }: { rows: readonly ProspectsTableRow[] }) {
  return (
    <div className="table-wrap">
      <table className="prospects-table">
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Prospect</th>
            <th scope="col">Role</th>
            <th scope="col">Top pain theme</th>
            <th scope="col">Trigger</th>
            <th scope="col">Key quote</th>
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.personId} data-person={p.personId} data-band={p.band} data-score={p.score}>
              <td>
                <ScoreCell p={p} />
              </td>
              <td>
                <ProspectWho p={p} />
              </td>
              <td>{p.role ?? <span className="muted">–</span>}</td>
              <td>{p.topTheme ?? <span className="muted">–</span>}</td>
              <td>
                {p.trigger ? (
                  <>
                    {p.trigger.label} <span className="muted small">({p.trigger.timing})</span>
                  </>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td className="prospects-table__quote">{p.quote ? <q>{p.quote}</q> : <span className="muted">–</span>}</td>
              <td>{p.ownerName ?? <span className="muted">Unassigned</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
