import { percent } from "~/prospects/funnel";

import type { PlanData } from "./section-props";
import { ScrollRegion } from "~/components/ScrollRegion";

/** Close ratio per month of qualification, so a plan's ratio can be checked against what happened. */
export function CohortsSection({ cohorts }: { cohorts: PlanData["evaluation"]["cohorts"] }) {
  if (!cohorts.length) return null;
  return (
    <section aria-labelledby="cohorts-h" className="card">
      <h2 id="cohorts-h">Close ratio by cohort</h2>
      <ScrollRegion label="Close ratio by cohort">
        <table>
          <thead>
            <tr>
              <th scope="col">Qualified in</th>
              <th scope="col">Opportunities</th>
              <th scope="col">Won</th>
              <th scope="col">Lost</th>
              <th scope="col">Open</th>
              <th scope="col">Close ratio</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={c.month}>
                <th scope="row">{c.month}</th>
                <td>{c.opportunities}</td>
                <td>{c.won}</td>
                <td>{c.lost}</td>
                <td>{c.open}</td>
                <td>{percent(c.closeRatio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
