/** The report page's server side: loader data and the three intents (rule, share, revoke). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { insertVerdictRule, listShares, revokeShare } from "../../../db/queries/report";
import { getSurvey } from "../../../db/queries/surveys";
import { RevokeForm, ShareForm } from "~/report/forms";
import { loadReport } from "~/report/report.server";
import { parseSegment, segmentKey } from "~/report/segment";
import { createShareLink, sharePath } from "~/report/share.server";
import { ruleFromForm, VerdictRuleForm } from "~/report/verdict";
import { ALL_ROLES, MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound, publicOrigin } from "~/utils/http.server";
import { z } from "zod";

export async function reportLoader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ALL_ROLES);
  const id = idParam(params.id);
  const segment = parseSegment(new URL(request.url).searchParams.get("segment"));
  const database = db();
  const report = await loadReport(database, { surveyId: id, segment });
  if (!report) throw notFound("We could not find that survey.");
  const canEdit = MARKETING_ROLES.includes(user.role);
  const shares = canEdit ? await listShares(database, id) : [];
  return json({ report, canEdit, isAdmin: user.role === "admin", shares });
}

const RuleIntent = VerdictRuleForm.extend({ intent: z.literal("rule") });

export async function reportAction({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, MARKETING_ROLES);
  const id = idParam(params.id);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const database = db();
  if (intent === "rule") {
    const parsed = parseWith(RuleIntent, form);
    if (!parsed.success) return badRequest(parsed.errors);
    if (!(await getSurvey(database, id))) throw notFound("We could not find that survey.");
    const version = await insertVerdictRule(database, ruleFromForm(parsed.data), user.id);
    return json({ message: `Saved the rule as version ${version}; the verdict below uses it.`, link: null });
  }
  if (intent === "share") {
    const parsed = parseWith(ShareForm, form);
    if (!parsed.success) return badRequest(parsed.errors);
    if (!(await getSurvey(database, id))) throw notFound("We could not find that survey.");
    const segment = segmentKey(parseSegment(parsed.data.segment));
    const { token, expiresAt } = await createShareLink(database, { surveyId: id, segment, days: parsed.data.days, userId: user.id });
    return json({
      message: `Share link created; it works until ${expiresAt.slice(0, 10)}.`,
      link: `${publicOrigin(request)}${sharePath(token)}`,
    });
  }
  if (intent === "revoke") {
    await requireUser(request, ["admin"]);
    const parsed = parseWith(RevokeForm, form);
    if (!parsed.success) return badRequest(parsed.errors);
    if (!(await revokeShare(database, id, parsed.data.shareId, user.id))) throw notFound("That link does not exist or is already revoked.");
    return json({ message: "Link revoked: it no longer opens the report.", link: null });
  }
  return badRequest({ intent: ["Unknown action."] });
}
