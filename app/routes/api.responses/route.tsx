import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { readOnly } from "~/api/auth.server";
import { db } from "~/utils/db.server";
import { responsesApi } from "./responses-api.server";

/** Read-only JSON for CRMs: responses with answers, paged; `Authorization: Bearer pm_...`; see /api/openapi.json. */
export async function loader({ request }: LoaderFunctionArgs) {
  return responsesApi(db(), request);
}

export async function action(_args: ActionFunctionArgs) {
  return readOnly();
}
