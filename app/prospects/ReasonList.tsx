import type { Reason } from "~/prospects/readiness";

const MARK: Record<Reason["tone"], { sign: string; label: string }> = {
  plus: { sign: "+", label: "For" },
  minus: { sign: "−", label: "Against" },
  gate: { sign: "✕", label: "Gate" },
};

/** Reasons in words, each marked for or against (text, not only colour). */
export function ReasonList({ reasons, limit }: { reasons: Reason[]; limit?: number }) {
  const shown = limit ? reasons.slice(0, limit) : reasons;
  if (!shown.length) return <p className="muted">No reasons recorded.</p>;
  return (
    <ul className="reasons">
      {shown.map((r, i) => (
        <li key={`${i}-${r.text}`} className={`reason reason--${r.tone}`}>
          <span aria-hidden="true" className="reason__mark">
            {MARK[r.tone].sign}
          </span>
          <span className="sr-only">{MARK[r.tone].label}: </span>
          {r.text}
        </li>
      ))}
    </ul>
  );
}
