/**
 * The report's sections, one named component each, in the order ReportView shows them. Each takes
 * the report and its figures (present: ReportView shows "Too few to show" instead when they are not).
 */
import type { ReactNode } from "react";
import type { ReportData, ThemeItem } from "../report.server";
import { SEGMENT_KINDS, SEGMENT_LABELS } from "../segment";
import { MIN_SEGMENT } from "../stats";
import { BarFigure } from "./BarFigure";
import { ShareText, shareDisplay } from "./ShareText";
import { ScrollRegion } from "~/components/ScrollRegion";

export interface SectionProps {
  report: ReportData;
  f: NonNullable<ReportData["figures"]>;
}

const SOURCE_LABELS: Record<string, string> = { marketing: "Marketing", sales: "Sales", partner: "Partner", unknown: "Unknown" };

function Section(props: { id: string; title: string; missing?: string[]; children: ReactNode }) {
  return (
    <section className="card report-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.missing ? (
        <div className="empty">
          <p>Not asked in this survey. To report this, add the template question:</p>
          <ul>
            {props.missing.map((prompt) => (
              <li key={prompt}>
                <q>{prompt}</q>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        props.children
      )}
    </section>
  );
}

function ThemeList({ items, empty }: { items: ThemeItem[]; empty: string }) {
  if (!items.length) return <p className="empty">{empty}</p>;
  return (
    <ol className="report-themes">
      {items.map((t) => (
        <li key={t.label}>
          <p>
            <strong>{t.label}</strong>: <ShareText share={t.share} />
            {t.avgSeverity !== null ? <> · average severity {t.avgSeverity.toFixed(1)}</> : null}
          </p>
          {t.quotes.map((q) => (
            <blockquote className="quote" key={q.text}>
              <p>{q.text}</p>
              <footer>{q.attribution}</footer>
            </blockquote>
          ))}
        </li>
      ))}
    </ol>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: Array<{ value: string; count: number }> }) {
  return (
    <ScrollRegion className="report-table-wrap" label={caption}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col">Respondents</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value}>
              <th scope="row">{SOURCE_LABELS[r.value] ?? r.value}</th>
              <td>{r.count < MIN_SEGMENT && r.count > 0 ? `fewer than ${MIN_SEGMENT}` : r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Who answered: complete responses and the counts by segment. */
export function WhoSection({ report, f }: SectionProps) {
  return (
    <Section id="who" title="Who answered">
      <p>
        {f.respondents} complete responses{report.segment ? " in this segment" : ""}; {report.counts.partial} partial responses in the study
        are not counted in the figures.
      </p>
      <div className="report-grid">
        {SEGMENT_KINDS.map((kind) => (
          <CountTable key={kind} caption={SEGMENT_LABELS[kind]} rows={f.bySegment[kind]} />
        ))}
      </div>
    </Section>
  );
}

/** How much pain: the share at the rule's threshold, the severity chart, the share by segment. */
export function PainSection({ report, f }: SectionProps) {
  const pain = f.pain;
  return (
    <Section id="pain" title="How much pain" missing={report.missing.pain}>
      {pain ? (
        <>
          <p>
            Rate the pain {report.rule.rule.painThreshold} or more: <ShareText share={pain.atOrAbove} />
          </p>
          <BarFigure
            id="chart-severity"
            title="Pain severity (0 to 10), respondents per score"
            valueHeading="Respondents"
            bars={pain.distribution.map((count, score) => ({ label: String(score), value: count }))}
          />
          <div className="report-grid">
            {SEGMENT_KINDS.map((kind) => (
              <ScrollRegion className="report-table-wrap" key={kind} label={`Pain by ${SEGMENT_LABELS[kind].toLowerCase()}`}>
                <table className="report-table">
                  <caption>
                    {report.rule.rule.painThreshold}+ by {SEGMENT_LABELS[kind].toLowerCase()}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{SEGMENT_LABELS[kind]}</th>
                      <th scope="col">Share at {report.rule.rule.painThreshold}+</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pain.bySegment[kind].map((row) => (
                      <tr key={row.value}>
                        <th scope="row">{SOURCE_LABELS[row.value] ?? row.value}</th>
                        <td>{row.share ? <ShareText share={row.share} /> : "too few to show"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ))}
          </div>
        </>
      ) : null}
    </Section>
  );
}

/** The top pain themes with their quotes (none on a shared copy). */
export function ThemesSection({ report }: SectionProps) {
  return (
    <Section id="themes" title="Top pain themes" missing={report.missing.themes}>
      {report.themes && !report.themes.analysed ? (
        <p className="empty">No analysis has run on these answers yet: run it from the board to see the themes.</p>
      ) : (
        <ThemeList items={report.themes?.items ?? []} empty="No theme has respondents in this segment." />
      )}
      {report.shared ? <p className="help">Quotes are left out of shared copies.</p> : null}
    </Section>
  );
}

/** Buying triggers: respondents per trigger and their timing. */
export function TriggersSection({ report, f }: SectionProps) {
  return (
    <Section id="triggers" title="Buying triggers" missing={report.missing.triggers}>
      {f.triggers?.length ? (
        <>
          <BarFigure
            id="chart-triggers"
            layout="rows"
            title="Respondents per buying trigger"
            valueHeading="Respondents"
            bars={f.triggers.map((t) => ({ label: t.label, value: t.respondents.k, display: shareDisplay(t.respondents) }))}
          />
          <ScrollRegion className="report-table-wrap" label="Triggers by timing">
            <table className="report-table">
              <caption>Triggers by timing</caption>
              <thead>
                <tr>
                  <th scope="col">Trigger</th>
                  <th scope="col">Respondents</th>
                  <th scope="col">Recent</th>
                  <th scope="col">Upcoming</th>
                  <th scope="col">Timing unknown</th>
                </tr>
              </thead>
              <tbody>
                {f.triggers.map((t) => (
                  <tr key={t.type}>
                    <th scope="row">{t.label}</th>
                    <td>
                      <ShareText share={t.respondents} />
                    </td>
                    <td>{t.past}</td>
                    <td>{t.upcoming}</td>
                    <td>{t.unknown}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : (
        <p className="empty">No buying triggers found yet (they come from ticked events and, after an analysis run, from the stories).</p>
      )}
    </Section>
  );
}

/** Budget and decision timeline: who could buy within each horizon, both answers charted. */
export function BudgetSection({ report, f }: SectionProps) {
  return (
    <Section id="budget" title="Budget and decision timeline" missing={report.missing.budget}>
      {f.budget ? (
        <>
          <ul>
            {f.budget.within.map((w) => (
              <li key={w.months}>
                Could buy within {w.months} months (budget allocated or could be found, decision by then): <ShareText share={w.share} />
              </li>
            ))}
            <li>
              Budget, but a decision after {report.rule.rule.withinMonths} months: <ShareText share={f.budget.later} />
            </li>
          </ul>
          <BarFigure
            id="chart-timeline"
            layout="rows"
            title="Decision timeline, respondents per answer"
            valueHeading="Respondents"
            bars={f.budget.timeline.map((c) => ({ label: c.value, value: c.count }))}
          />
          <BarFigure
            id="chart-budget"
            layout="rows"
            title="Budget, respondents per answer"
            valueHeading="Respondents"
            bars={f.budget.budget.map((c) => ({ label: c.value, value: c.count }))}
          />
        </>
      ) : null}
    </Section>
  );
}

/** Whether a project leader and an executive sponsor are named. */
export function LeadershipSection({ report, f }: SectionProps) {
  return (
    <Section id="leadership" title="Project leader and sponsor" missing={report.missing.leadership}>
      {f.leadership ? (
        <ul>
          <li>
            Named project leader: {f.leadership.leaderYes ? <ShareText share={f.leadership.leaderYes} /> : "not asked in this survey"}
          </li>
          <li>Executive sponsor: {f.leadership.sponsorYes ? <ShareText share={f.leadership.sponsorYes} /> : "not asked in this survey"}</li>
        </ul>
      ) : null}
    </Section>
  );
}

/** Category appeal: 4 or 5 of 5, the mean, the score chart. */
export function AppealSection({ report, f }: SectionProps) {
  return (
    <Section id="appeal" title="Category appeal" missing={report.missing.appeal}>
      {f.appeal ? (
        <>
          <p>
            Rate it 4 or 5 of 5: <ShareText share={f.appeal.fourPlus} />
            {f.appeal.mean !== null ? <> · mean {f.appeal.mean.toFixed(1)}</> : null}
          </p>
          <BarFigure
            id="chart-appeal"
            title="Category appeal (1 to 5), respondents per score"
            valueHeading="Respondents"
            bars={f.appeal.distribution.map((count, i) => ({ label: String(i + 1), value: count }))}
            width={420}
          />
        </>
      ) : null}
    </Section>
  );
}

/** What would make them buy from an early-stage company, as themes. */
export function EarlySection({ report }: SectionProps) {
  return (
    <Section id="early" title="What would make them buy from an early-stage company" missing={report.missing.early}>
      {report.early ? (
        <ThemeList
          items={report.early.items}
          empty={`${report.early.answered} answered this question: too few to group into themes (${MIN_SEGMENT} at least).`}
        />
      ) : null}
    </Section>
  );
}

/** Ready to buy now under the current qualification profile. */
export function ReadySection({ f }: SectionProps) {
  return (
    <Section id="ready" title="Ready to buy now">
      <p>
        Ready now under the current qualification profile: <ShareText share={f.readyNow.share} />
        {f.readyNow.scored < f.respondents ? <> ({f.respondents - f.readyNow.scored} not yet scored under it)</> : null}.
      </p>
    </Section>
  );
}
