import { redirect } from "@remix-run/node";
import type { Role } from "../../db/schema.js";
import type { PublicUser } from "../../db/queries/users.js";
import { sessionUser } from "./session.server.js";

export type { PublicUser };

/** Anonymous visitors go to the login page and come back; the wrong role gets 403. */
export async function requireUser(request: Request, roles?: readonly Role[]): Promise<PublicUser> {
  const user = await sessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (roles && !roles.includes(user.role)) {
    throw new Response("You do not have permission to do that.", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

export const MARKETING_ROLES: readonly Role[] = ["admin", "marketer"];
export const SALES_ROLES: readonly Role[] = ["admin", "sales"];
export const ALL_ROLES: readonly Role[] = ["admin", "marketer", "sales"];

// Kept here for the routes that import it with requireUser; the rules live in redirect.ts.
export { safeRedirect } from "./redirect.js";
