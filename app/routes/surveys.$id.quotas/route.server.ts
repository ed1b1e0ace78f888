import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { quotasPage, removeQuota, saveQuota } from "~/surveys/quotas/quotas.server";
import { QuotaFormSchema } from "~/surveys/quotas/rules";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { formDataToObject, parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound } from "~/utils/http.server";

/** Quotas per segment of one survey (issue 13 item 5, ADR 0602): list with counts, add or change, remove. */

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const page = await quotasPage(db(), idParam(params.id));
  if (!page) throw notFound("We could not find that survey.");
  return json(page, { headers: NO_STORE });
}

const RemoveSchema = z.object({
  quotaId: z.coerce.number({ error: "Choose a quota." }).int("Choose a quota.").positive("Choose a quota."),
});

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const surveyId = idParam(params.id);
  const form = await readFormData(request);
  const intent = form.get("intent");
  const page = await quotasPage(db(), surveyId);
  if (!page) throw notFound("We could not find that survey.");
  if (intent === "save") {
    const parsed = parseWith(QuotaFormSchema, form);
    const values = formDataToObject(form);
    if (!parsed.success) return badRequest(parsed.errors, { intent, values });
    const saved = await saveQuota(db(), surveyId, parsed.data);
    if (!saved.ok) return badRequest(saved.errors, { intent, values });
    return json({ ok: true as const, intent, message: "Quota saved." });
  }
  if (intent === "remove") {
    const parsed = parseWith(RemoveSchema, form);
    if (!parsed.success) return badRequest(parsed.errors, { intent, values: {} });
    if (!(await removeQuota(db(), surveyId, parsed.data.quotaId))) throw notFound("That quota does not exist any more.");
    return json({ ok: true as const, intent, message: "Quota removed." });
  }
  return badRequest({ "": ["Unknown action."] }, { intent: "", values: {} });
}
