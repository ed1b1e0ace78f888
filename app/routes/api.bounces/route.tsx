import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { bouncesApi } from "./bounces-api.server";

/** Late bounces in (a raw DSN or JSON), `Authorization: Bearer pm_...`; see /api/openapi.json and ADR 0702. */
export async function action({ request }: ActionFunctionArgs) {
  return bouncesApi(db(), request);
}

/** GET says how to use it (with a key), 401 without one. */
export async function loader({ request }: LoaderFunctionArgs) {
  return bouncesApi(db(), request);
}
