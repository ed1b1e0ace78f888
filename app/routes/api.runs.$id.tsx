import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getRun } from "../../db/queries/analysis-runs";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { idParam, notFound } from "~/utils/http.server";

/** A run's status and progress, polled by the board's progress bar. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const run = await getRun(db(), idParam(params.id));
  if (!run) throw notFound("No such analysis run.");
  return json(
    { id: run.id, status: run.status, progress: run.progress, stage: run.stage, error: run.error },
    { headers: { "Cache-Control": "no-store" } },
  );
}
