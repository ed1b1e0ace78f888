import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { recordInvitationOpened } from "~/reach/invitations.server";
import { appRateLimiter, type SharedRateLimiter } from "~/jobs/shared-rate-limit.server";
import { readFormData } from "~/utils/body.server";
import { database, db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { clientAddress, tooManyRequests } from "~/utils/rate-limit.server";

let shared: SharedRateLimiter | undefined;
const limiter = () => (shared ??= appRateLimiter("invitation-opened", 60, 60_000, database().pool));

const OpenedSchema = z.object({ inv: z.string().min(1, "The link is missing.").max(200, "The link is not valid.") });

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/s/${encodeURIComponent(params.slug ?? "")}`);
}

/**
 * The invitation's personal link was followed: the survey page posts this once it shows (app/reach/
 * InvitationOpened.tsx). A POST, not the page's GET: loaders never write, and a mail scanner that
 * prefetches the link does not count as the prospect opening it.
 */
export async function action({ request }: ActionFunctionArgs) {
  const wait = await limiter().hit(`ip:${clientAddress(request)}`);
  if (wait) return tooManyRequests(wait, "Too many requests.");
  const parsed = parseWith(OpenedSchema, await readFormData(request, 4 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const ok = await recordInvitationOpened(db(), parsed.data.inv);
  return ok ? json({ ok: true as const }, { headers: { "Cache-Control": "no-store" } }) : badRequest({ inv: ["The link is not valid."] });
}
