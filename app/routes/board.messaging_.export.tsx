import type { LoaderFunctionArgs } from "@remix-run/node";
import { MESSAGING_CSV_HEADER, messagingCsvRows, messagingItems, messagingMarkdown } from "~/board/messaging";
import { boardView } from "~/board/board-view.server";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { attachmentDisposition, toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { XLSX_TYPE, xlsxStream } from "~/utils/xlsx.server";
import { boardScope } from "~/board/board.server";

/** The messaging view as a Markdown brief, a CSV or an Excel workbook (one row per supporting quote). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const url = new URL(request.url);
  const asked = url.searchParams.get("format");
  const format = asked === "csv" || asked === "xlsx" ? asked : "md";
  const database = db();
  const raw = url.searchParams.get("scope");
  const scope = await boardScope(database, raw);
  const items = messagingItems((await boardView(database, { scope })).cards);
  const date = new Date().toISOString().slice(0, 10);
  if (format === "xlsx") {
    return new Response(xlsxStream("Messaging", MESSAGING_CSV_HEADER, [messagingCsvRows(items)]), {
      headers: {
        "Content-Type": XLSX_TYPE,
        "Content-Disposition": attachmentDisposition(`painmap-messaging-${date}.xlsx`),
        "Cache-Control": "no-store",
      },
    });
  }
  if (format === "csv") {
    return new Response(toCsv(MESSAGING_CSV_HEADER, messagingCsvRows(items)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachmentDisposition(`painmap-messaging-${date}.csv`),
        "Cache-Control": "no-store",
      },
    });
  }
  return new Response(messagingMarkdown(items, `Painmap messaging brief, ${date}`), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`painmap-messaging-${date}.md`),
      "Cache-Control": "no-store",
    },
  });
}
