import type { LoaderFunctionArgs } from "@remix-run/node";
import { optOutUrl } from "~/consent/opt-out.server";
import { crmRows, type CrmFormat } from "~/prospects/crm-csv";
import { readyNowForCrm } from "~/prospects/prospect-views.server";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { attachmentDisposition } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { publicOrigin } from "~/utils/http.server";
import { XLSX_TYPE, xlsxStream } from "~/utils/xlsx.server";

/** Ready-now prospects as an Excel workbook: the CRM file's columns (?format=hubspot, default, or salesforce). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const format: CrmFormat = new URL(request.url).searchParams.get("format") === "salesforce" ? "salesforce" : "hubspot";
  const origin = publicOrigin(request);
  const { header, rows } = crmRows(await readyNowForCrm(db()), origin, format, (id) => optOutUrl(origin, id));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(xlsxStream("Ready now", header, [rows]), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": attachmentDisposition(`painmap-ready-now-${format}-${day}.xlsx`),
      "Cache-Control": "no-store",
    },
  });
}
