import type { LoaderFunctionArgs } from "@remix-run/node";
import { optOutUrl } from "~/consent/opt-out.server";
import { publicOrigin } from "~/utils/http.server";
import { crmCsv, type CrmFormat } from "~/prospects/crm-csv";
import { readyNowForCrm } from "~/prospects/prospect-views.server";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

/** Ready-now prospects as CSV for HubSpot (?format=hubspot, default) or Salesforce (?format=salesforce). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const format: CrmFormat = new URL(request.url).searchParams.get("format") === "salesforce" ? "salesforce" : "hubspot";
  const origin = publicOrigin(request);
  const csv = crmCsv(await readyNowForCrm(db()), origin, format, (id) => optOutUrl(origin, id));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="painmap-ready-now-${format}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
