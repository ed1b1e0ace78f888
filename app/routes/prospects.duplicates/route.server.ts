import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { duplicatesPage, mergePreview } from "~/prospects/duplicates-view.server";
import { MergeActionSchema, MergePreviewSchema } from "~/prospects/merge-schema";
import { MergeRefused, mergePeople, undoMerge } from "~/prospects/person-merge.server";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

/** Likely duplicates for marketers and admins (ADR 0402): the list, a preview of one pair (?kept=&merged=), recent merges. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const database = db();
  const params = new URL(request.url).searchParams;
  const page = await duplicatesPage(database);
  if (!params.has("kept") && !params.has("merged")) return json({ ...page, preview: null, previewError: null });
  const parsed = MergePreviewSchema.safeParse({ kept: params.get("kept"), merged: params.get("merged") });
  if (!parsed.success) return json({ ...page, preview: null, previewError: "Choose two people to compare." }, { status: 400 });
  try {
    return json({ ...page, preview: await mergePreview(database, parsed.data.kept, parsed.data.merged), previewError: null });
  } catch (e) {
    if (e instanceof MergeRefused) return json({ ...page, preview: null, previewError: e.message }, { status: 400 });
    throw e;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, MARKETING_ROLES);
  const parsed = parseWith(MergeActionSchema, await readFormData(request, 8 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const input = parsed.data;
  try {
    if (input.intent === "merge") {
      const { mergeId } = await mergePeople(db(), {
        keptId: input.kept,
        mergedId: input.merged,
        fingerprint: input.fingerprint,
        by: me.id,
      });
      return json({ ok: true as const, message: "Merged: everything of both people is now on the kept person.", mergeId });
    }
    await undoMerge(db(), { mergeId: input.mergeId, by: me.id });
    return json({ ok: true as const, message: "Merge undone: both people are back as they were.", mergeId: input.mergeId });
  } catch (e) {
    if (e instanceof MergeRefused) return badRequest({ "": [e.message] });
    throw e;
  }
}
