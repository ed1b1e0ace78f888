import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { sessionUser } from "~/utils/session.server";

/** Each role starts where its work is. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await sessionUser(request);
  if (!user) return redirect("/login");
  return redirect(user.role === "sales" ? "/prospects/today" : "/surveys");
}
