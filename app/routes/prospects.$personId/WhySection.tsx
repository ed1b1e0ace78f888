import { percent } from "~/components/format";
import { ReasonList } from "~/prospects/ReasonList";
import { CRITERION_KEYS, CRITERION_LABELS } from "~/prospects/profile";

import type { ProspectData } from "./section-props";

/** Why the person sits in their band: the reasons, the score parts and the profile version that scored them. */
export function WhySection({ prospect: p }: { prospect: ProspectData["prospect"] }) {
  return (
    <section className="card" aria-labelledby="why">
      <h2 id="why">Why {p.effectiveBand === "ready_now" ? "ready now" : p.effectiveBand === "nurture" ? "nurture" : "not a fit"}</h2>
      <ReasonList reasons={p.reasons} />
      {p.parts ? (
        <table className="parts">
          <caption className="sr-only">Score parts</caption>
          <tbody>
            {CRITERION_KEYS.map((k) => (
              <tr key={k}>
                <th scope="row">{CRITERION_LABELS[k]}</th>
                <td>
                  <div className="progress" aria-hidden="true">
                    <span style={{ width: percent(p.parts![k]) }} />
                  </div>
                </td>
                <td>{percent(p.parts![k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="muted small">
        Scored by qualification profile v{p.profileVersion ?? "?"} on {p.computedAt.slice(0, 10)}.
      </p>
    </section>
  );
}
