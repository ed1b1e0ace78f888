import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { opportunitiesBetween } from "../../../db/queries/opportunities";
import { latestPlan, savePlan } from "../../../db/queries/plans";
import { assessedPeopleFacts } from "../../../db/queries/prospects";
import { countingWindow, evaluatePlan } from "~/prospects/evaluation";
import { defaultPlan, PlanSchema, type PlanInput } from "~/prospects/funnel";
import { missedChecks } from "~/prospects/readiness";
import type { StoredParts } from "~/prospects/readiness.server";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

/** Marketing and sales plan together (DESIGN.md principle 2): everyone can read; admin and marketer and sales may save. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const database = db();
  const saved = await latestPlan(database);
  const plan: PlanInput = saved ?? defaultPlan();
  const window = countingWindow(plan);
  const [opportunities, people] = await Promise.all([
    opportunitiesBetween(database, window.from, window.to),
    assessedPeopleFacts(database),
  ]);
  const evaluation = evaluatePlan(
    plan,
    opportunities,
    people.map((p) => {
      const parts = (p.parts ?? {}) as Partial<StoredParts>;
      const checks = parts.checks;
      return {
        band: p.band,
        readySince: p.readySince,
        contactedAt: p.contactedAt,
        pipelineStatus: p.pipelineStatus,
        missed: checks ? missedChecks(checks) : 0,
        failedGateOnly: Boolean(
          checks && !checks.gates && (parts.gateFailures?.length ?? 0) === 1 && checks.score && checks.cycle && checks.pain,
        ),
      };
    }),
  );
  return json({ plan, saved: Boolean(saved), savedAt: saved?.createdAt ?? null, evaluation, now: new Date().toISOString() });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, ALL_ROLES);
  const parsed = parseWith(PlanSchema, await readFormData(request, 8 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  await savePlan(db(), parsed.data, me.id);
  return json({ ok: true as const, message: "Plan saved." });
}
