import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { answersForPeople, themesForPeople } from "../../../db/queries/assessments";
import { consentHistory, isUnsubscribed } from "../../../db/queries/consents";
import { closeOpportunity, opportunitiesForPerson } from "../../../db/queries/opportunities";
import { mergedInto } from "../../../db/queries/person-merges";
import { listOwners, markContacted, prospectRow, setPipelineStatus } from "../../../db/queries/prospects";
import { optOutUrl, recordStaffOptOut } from "~/consent/opt-out.server";
import { visibleAnswer } from "~/consent/consent-rule";
import { consentStateFor } from "~/consent/consent-states.server";
import { acceptProspect, assignOwner } from "~/prospects/pipeline.server";
import { reachability, toProspectView } from "~/prospects/prospect-views.server";
import { ALL_ROLES, requireUser, SALES_ROLES } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound, publicOrigin } from "~/utils/http.server";

import { ProspectActionSchema } from "./action-schema";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireUser(request, ALL_ROLES);
  const personId = idParam(params.personId);
  const database = db();
  const row = await prospectRow(database, personId);
  if (!row) {
    // merged into someone (ADR 0402): their page is the kept person's now; an id from our own table, never an open redirect
    const keptId = await mergedInto(database, personId);
    if (keptId !== null) throw redirect(`/prospects/${keptId}`);
    throw notFound("We could not find that prospect. They may not have answered a survey yet.");
  }
  const [answers, themes, consents, opportunities, owners, unsubscribed] = await Promise.all([
    answersForPeople(database, [personId]),
    themesForPeople(database, [personId]),
    consentHistory(database, personId),
    opportunitiesForPerson(database, personId),
    listOwners(database),
    isUnsubscribed(database, personId),
  ]);
  const prospect = toProspectView(row, themes.get(personId), await consentStateFor(database, personId));
  const themeByAnswer = new Map((themes.get(personId) ?? []).map((t) => [t.answerId, t.label]));
  return json({
    prospect,
    reach: prospect.effectiveBand === "ready_now" ? reachability(prospect) : null,
    unsubscribed,
    optOutLink: prospect.email && !unsubscribed ? optOutUrl(publicOrigin(request), personId) : null,
    answers: (answers.get(personId) ?? []).map((a) => ({
      id: a.answerId,
      prompt: a.prompt,
      role: a.role,
      value: visibleAnswer(
        a.role,
        a.choices ? a.choices.join(", ") : (a.text ?? (a.number !== null ? String(a.number) : "")),
        prospect.named,
      ),
      theme: themeByAnswer.get(a.answerId) ?? null,
      kind: a.kind,
    })),
    consents,
    opportunities,
    owners,
    meId: me.id,
    canAct: me.role !== "marketer",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requireUser(request, SALES_ROLES);
  const personId = idParam(params.personId);
  const parsed = parseWith(ProspectActionSchema, await readFormData(request, 16 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const input = parsed.data;
  const database = db();
  const row = await prospectRow(database, personId);
  if (!row) throw notFound();
  const now = new Date().toISOString();

  switch (input.intent) {
    case "accept": {
      const { failedGate } = await acceptProspect(database, { prospect: row, acceptedBy: me.id, now });
      return json({
        ok: true as const,
        message: failedGate
          ? "Accepted as an opportunity, although they fail a gate: this shows on the plan."
          : "Accepted: they are now an opportunity.",
      });
    }
    case "reject":
      await setPipelineStatus(database, { personId, status: "rejected", reason: input.reason, now });
      return json({ ok: true as const, message: "Rejected: they go back to nurture (if they opted in)." });
    case "reopen":
      await setPipelineStatus(database, { personId, status: "new", reason: null, now });
      return json({ ok: true as const, message: "Back in the prospects list as new." });
    case "assign":
      await assignOwner(database, personId, input.ownerUserId === "" ? null : input.ownerUserId);
      return json({ ok: true as const, message: input.ownerUserId === "" ? "Owner removed." : "Owner assigned." });
    case "contacted":
      await markContacted(database, personId, now);
      return json({ ok: true as const, message: "Marked as contacted." });
    case "close": {
      const amount = typeof input.amount === "number" ? input.amount : null;
      const closed = await closeOpportunity(database, {
        opportunityId: input.opportunityId,
        personId,
        outcome: input.outcome,
        amount,
        now,
      });
      if (!closed) return badRequest({ "": ["That opportunity is already closed."] });
      return json({ ok: true as const, message: input.outcome === "won" ? "Marked as won." : "Marked as lost." });
    }
    case "opt-out":
      await recordStaffOptOut(database, personId, me.email);
      return json({ ok: true as const, message: "Recorded: they will get no more email and are left out of lists, exports and the API." });
  }
}
