import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReportView } from "~/report/components/ReportView";
import { loadReport } from "~/report/report.server";
import { parseSegment } from "~/report/segment";
import { openShare } from "~/report/share.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.report.survey.title ?? "Report"} · Shared report · Painmap` },
  { name: "robots", content: "noindex, nofollow" },
];

/** A read-only shared report, logged out: figures and verdict only (no quotes, no names), until it expires or an admin revokes it. */
export async function loader({ params }: LoaderFunctionArgs) {
  const database = db();
  const share = await openShare(database, params.token ?? "");
  if (!share) throw notFound("This link has expired, was revoked, or never existed. Ask the person who sent it for a new one.");
  const report = await loadReport(database, { surveyId: share.surveyId, segment: parseSegment(share.segment), shared: true });
  if (!report) throw notFound("This report no longer exists.");
  return json({ report, expiresAt: share.expiresAt }, { headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } });
}

export default function SharedReport() {
  const { report, expiresAt } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page report-page">
      <p className="help report-controls">Shared read-only copy from Painmap; this link works until {expiresAt.slice(0, 10)}.</p>
      <ReportView report={report} />
    </main>
  );
}
