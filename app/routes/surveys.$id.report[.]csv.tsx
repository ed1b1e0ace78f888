import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, reportCsv } from "~/report/export.server";
import { loadReport } from "~/report/report.server";
import { parseSegment } from "~/report/segment";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { attachmentDisposition } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { idParam, notFound } from "~/utils/http.server";

/** The report's figures (one row per figure, with denominator and 95% interval) as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const report = await loadReport(db(), {
    surveyId: idParam(params.id),
    segment: parseSegment(new URL(request.url).searchParams.get("segment")),
  });
  if (!report) throw notFound("We could not find that survey.");
  return new Response(reportCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(exportFileName(report, "csv")),
      "Cache-Control": "no-store",
    },
  });
}
