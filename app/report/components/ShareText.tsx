import type { Share } from "../stats";
import { percent } from "../stats";

/** "65% (43 of 66; 95% CI 53–76%)": a share always with its denominator and interval. */
export function ShareText({ share }: { share: Share }) {
  if (share.n === 0) return <span>no answers</span>;
  return (
    <span>
      <strong>{percent(share.share)}</strong>{" "}
      <span className="report-ci">
        ({share.k} of {share.n}; 95% CI {percent(share.low)}–{percent(share.high)})
      </span>
    </span>
  );
}

export function shareDisplay(share: Share): string {
  return share.n === 0 ? "no answers" : `${share.k} (${percent(share.share)})`;
}
