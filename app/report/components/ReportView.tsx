/**
 * The validation study report: every section of issue 16 in the order a board reads it. Shared
 * by the staff page, the logged-out share page and print (the print stylesheet hides the controls).
 * The sections are named components in ReportSections.tsx.
 */
import type { ReactNode } from "react";
import type { ReportData } from "../report.server";
import { MIN_SEGMENT } from "../stats";
import {
  AppealSection,
  BudgetSection,
  EarlySection,
  LeadershipSection,
  PainSection,
  ReadySection,
  ThemesSection,
  TriggersSection,
  WhoSection,
} from "./ReportSections";
import { VerdictPanel } from "./VerdictPanel";

export function ReportView({ report, controls }: { report: ReportData; controls?: ReactNode }) {
  const f = report.figures;
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-head">
        <h1 id="report-title">{report.survey.title}: validation study report</h1>
        <p>
          {report.segmentTitle} · {report.counts.complete} complete and {report.counts.partial} partial responses in the study · generated{" "}
          {report.generatedAt.slice(0, 10)}
        </p>
      </header>
      {controls}
      {report.tooFew || !f ? (
        <section className="card report-section">
          <h2>Too few to show</h2>
          <p className="empty">
            {report.segmentTitle} has fewer than {MIN_SEGMENT} complete responses, so its figures are hidden: no one can be picked out.
            Choose a wider segment or the whole study.
          </p>
        </section>
      ) : (
        <>
          {report.verdict ? <VerdictPanel verdict={report.verdict} rule={report.rule} /> : null}

          <WhoSection report={report} f={f} />
          <PainSection report={report} f={f} />
          <ThemesSection report={report} f={f} />
          <TriggersSection report={report} f={f} />
          <BudgetSection report={report} f={f} />
          <LeadershipSection report={report} f={f} />
          <AppealSection report={report} f={f} />
          <EarlySection report={report} f={f} />
          <ReadySection report={report} f={f} />
          <p className="help report-foot">
            Shares are of the respondents who answered each question; intervals are Wilson 95% intervals; segments under {MIN_SEGMENT}{" "}
            respondents are not shown.
          </p>
        </>
      )}
    </article>
  );
}
