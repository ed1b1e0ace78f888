import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { insertProfileVersion, listProfileVersions } from "../../../db/queries/profiles";
import { currentProfile, reassessAll } from "~/prospects/readiness.server";
import { DEFAULT_PROFILE, profileFromForm, ProfileSchema } from "~/prospects/profile";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { formDataToObject, parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

/** Everyone can read the profile (one version of the truth); only an admin changes it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, ALL_ROLES);
  const database = db();
  const current = await currentProfile(database);
  const versions = await listProfileVersions(database, 10);
  return json({
    current,
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt, by: v.createdByName })),
    canEdit: me.role === "admin",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, ["admin"]);
  const form = formDataToObject(await readFormData(request, 32 * 1024));
  const input = form.intent === "defaults" ? DEFAULT_PROFILE : profileFromForm(form);
  const parsed = parseWith(ProfileSchema, input);
  if (!parsed.success) return badRequest(flatten(parsed.errors));
  const database = db();
  const saved = await insertProfileVersion(database, parsed.data, me.id);
  const count = await reassessAll(database);
  return json({
    ok: true as const,
    message: `Saved as version ${saved.version}; ${count} ${count === 1 ? "person" : "people"} re-scored.`,
  });
}

/** zod paths (criteria.0.weight, thresholds.readyScore) -> the form's field names. */
function flatten(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const put = (key: string, messages: string[]) => (out[key] = [...(out[key] ?? []), ...messages]);
  for (const [path, messages] of Object.entries(errors)) {
    const parts = path.split(".");
    if (parts[0] === "thresholds" || parts[0] === "gates") put(parts[1] ?? "", messages);
    else if (parts[0] === "criteria") put("criteria", messages);
    else put("", messages);
  }
  return out;
}
