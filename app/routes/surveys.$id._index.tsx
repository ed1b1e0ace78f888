import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { idParam } from "~/utils/http.server";

/** /surveys/:id has no page of its own: the builder is where a survey lives. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  return redirect(`/surveys/${idParam(params.id)}/edit`);
}
