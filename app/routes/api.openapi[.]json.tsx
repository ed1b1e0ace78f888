import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, readOnly } from "~/api/auth.server";
import { openApiDocument } from "~/api/openapi";
import { publicOrigin } from "~/utils/http.server";

/** GET /api/openapi.json: the CRM API's OpenAPI 3.1 document. Public: it describes, it holds no data. */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(publicOrigin(request)));
}

export async function action(_args: ActionFunctionArgs) {
  return readOnly();
}
