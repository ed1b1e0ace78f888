import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { readOnly } from "~/api/auth.server";
import { optOutUrl } from "~/consent/opt-out.server";
import { publicOrigin } from "~/utils/http.server";
import { db } from "~/utils/db.server";
import { prospectsApi } from "./prospects-api.server";

/** Read-only JSON for CRMs: `Authorization: Bearer pm_...` (keys from /admin/api-keys); see /api/openapi.json. */
export async function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin(request);
  return prospectsApi(db(), request, origin, (id) => optOutUrl(origin, id));
}

export async function action(_args: ActionFunctionArgs) {
  return readOnly();
}
