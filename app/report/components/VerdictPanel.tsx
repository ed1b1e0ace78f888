import type { CurrentRule } from "../report.server";
import { percent } from "../stats";
import type { Verdict } from "../verdict";
import { ShareText } from "./ShareText";
import { ScrollRegion } from "~/components/ScrollRegion";

const TONE: Record<Verdict["kind"], string> = { go: "ok", early: "warn", no_go: "danger", insufficient: "warn" };

/** The verdict, the rule that decided it (with its version), the deciding figures and what would change it. */
export function VerdictPanel({ verdict, rule }: { verdict: Verdict; rule: CurrentRule }) {
  return (
    <section className="card report-verdict" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">
        Verdict: <span className={`badge badge--${TONE[verdict.kind]} report-verdict__label`}>{verdict.label}</span>
      </h2>
      <p className="help">
        Rule version {rule.version}: {rule.description}
      </p>
      <ScrollRegion className="report-table-wrap" label="The verdict rule's tests">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Condition</th>
              <th scope="col">Figure</th>
              <th scope="col">Needed</th>
              <th scope="col">Met</th>
            </tr>
          </thead>
          <tbody>
            {verdict.conditions.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td>
                  <ShareText share={c.figure} />
                </td>
                <td>{percent(c.threshold)}</td>
                <td>{c.met ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {verdict.reasons.length ? (
        <ul className="report-notes">
          {verdict.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {verdict.changes.length ? (
        <>
          <h3>What would change the verdict</h3>
          <ul>
            {verdict.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
