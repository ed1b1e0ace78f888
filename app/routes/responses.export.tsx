import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { parseResponseFilters, toResponseFilters } from "~/responses/ResponsesTable";
import { exportBatches, exportPlan } from "../../db/queries/response-export";
import { exportRedaction } from "~/consent/redact.server";
import { getSurvey } from "../../db/queries/surveys";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { attachmentDisposition, CSV_BOM, csvRow } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { XLSX_TYPE, xlsxStream } from "~/utils/xlsx.server";

/**
 * GET /responses/export?format=csv|json|xlsx&status=&source=&survey=&from=&to=
 * The filtered set, one row per response, streamed batch by batch (two queries per 500 responses).
 */
const FormatSchema = z.enum(["csv", "json", "xlsx"], { message: "format must be csv, json or xlsx." });

function plain(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const params = new URL(request.url).searchParams;
  const format = FormatSchema.safeParse(params.get("format") ?? "csv");
  if (!format.success) return plain(format.error.issues[0].message, 400);
  const { filters, messages } = parseResponseFilters(params);
  if (messages.length) return plain(`Nothing was exported. ${messages.join(" ")}`, 400);

  const database = db();
  const query = toResponseFilters(filters);
  let name = "painmap-responses";
  if (filters.survey !== undefined) {
    const survey = await getSurvey(database, filters.survey);
    if (!survey) return plain("We could not find that survey.", 404);
    name += `-survey-${survey.id}`;
  }
  const plan = await exportPlan(database, query);
  const header = plan.columns.map((c) => c.header);
  const filename = `${name}-${new Date().toISOString().slice(0, 10)}.${format.data}`;
  const encoder = new TextEncoder();
  const batches = exportBatches(database, query, plan, undefined, exportRedaction(database));
  const json = format.data === "json";
  if (format.data === "xlsx")
    return new Response(xlsxStream("Responses", header, batches), {
      headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachmentDisposition(filename), "Cache-Control": "private, no-store" },
    });

  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (json) {
        const head = { exported_at: new Date().toISOString(), filters: query, count: plan.count, columns: header };
        controller.enqueue(encoder.encode(`${JSON.stringify(head).slice(0, -1)},"rows":[`));
      } else {
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
      }
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          if (json) controller.enqueue(encoder.encode("]}\n"));
          controller.close();
          return;
        }
        let chunk = "";
        for (const row of next.value) {
          if (json) {
            const record: Record<string, unknown> = {};
            header.forEach((h, i) => (record[h] = row[i]));
            chunk += `${first ? "" : ","}\n${JSON.stringify(record)}`;
            first = false;
          } else {
            chunk += csvRow(row);
          }
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(filename),
      "Cache-Control": "private, no-store",
    },
  });
}
