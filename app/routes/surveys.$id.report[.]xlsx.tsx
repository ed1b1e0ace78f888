import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, reportXlsx } from "~/report/export.server";
import { loadReport } from "~/report/report.server";
import { parseSegment } from "~/report/segment";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { attachmentDisposition } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { idParam, notFound } from "~/utils/http.server";

/** The report's figures as an Excel workbook (exceljs), the same rows as the CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const report = await loadReport(db(), {
    surveyId: idParam(params.id),
    segment: parseSegment(new URL(request.url).searchParams.get("segment")),
  });
  if (!report) throw notFound("We could not find that survey.");
  return new Response(new Uint8Array(await reportXlsx(report)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachmentDisposition(exportFileName(report, "xlsx")),
      "Cache-Control": "no-store",
    },
  });
}
