import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CopyLink } from "~/components/CopyLink";
import { FormErrors } from "~/components/Field";
import { ReportView } from "~/report/components/ReportView";
import { RuleForm } from "~/report/components/RuleForm";
import { SegmentPicker } from "~/report/components/SegmentPicker";
import { SharePanel } from "~/report/components/SharePanel";
import { reportAction, reportLoader } from "./route.server";

export const loader = reportLoader;
export const action = reportAction;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.survey.title ?? "Survey"} · Report · Painmap` }];

export default function SurveyReport() {
  const { report, canEdit, isAdmin, shares } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result && "errors" in result ? (result.errors as Record<string, string[]>) : undefined;
  const ok = result && "message" in result ? result : undefined;
  const query = report.segmentKey ? `?segment=${encodeURIComponent(report.segmentKey)}` : "";
  return (
    <main id="main" className="page report-page">
      <nav className="report-controls row" aria-label="Report">
        {canEdit ? <Link to={`/surveys/${report.survey.id}/edit`}>Back to the survey</Link> : <Link to="/reports">All reports</Link>}
        <a className="button button--secondary button--small" href={`/surveys/${report.survey.id}/report.csv${query}`}>
          Figures as CSV
        </a>
        <a className="button button--secondary button--small" href={`/surveys/${report.survey.id}/report.xlsx${query}`}>
          Figures as XLSX
        </a>
        <Link
          className="button button--secondary button--small"
          to={`/reports/compare?a=${report.survey.id}&as=${encodeURIComponent(report.segmentKey)}`}
        >
          Compare
        </Link>
        <span className="help">To print or save as PDF, use your browser&apos;s Print (A4 or Letter).</span>
      </nav>
      {ok ? (
        <div className="alert alert--ok report-controls" role="status">
          <p>{ok.message}</p>
          {ok.link ? <CopyLink id="share-link" url={ok.link} label="Share link" /> : null}
        </div>
      ) : null}
      <FormErrors errors={errors ? Object.values(errors).flat() : undefined} />
      <ReportView
        report={report}
        controls={
          <div className="report-controls">
            <SegmentPicker report={report} />
            {canEdit ? <RuleForm rule={report.rule} errors={errors} busy={navigation.state !== "idle"} /> : null}
            {canEdit ? <SharePanel shares={shares} segmentKey={report.segmentKey} isAdmin={isAdmin} errors={errors} /> : null}
          </div>
        }
      />
    </main>
  );
}
