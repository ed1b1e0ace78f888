import type { Kysely } from "kysely";
import { openOpportunity } from "../../db/queries/opportunities.js";
import { latestPlan } from "../../db/queries/plans.js";
import { setOwner, setPipelineStatus, type ProspectRow } from "../../db/queries/prospects.js";
import type { Database } from "../../db/schema.js";
import { emitWebhookEvent, webhookEventsCommitted } from "../webhooks/deliveries.server.js";

/**
 * Sales accepts a prospect: they become an opportunity (valued at the plan's deal size), are
 * owned by whoever accepted them unless someone already owns them, and one who fails a gate is
 * flagged so the plan's evaluation can show it. All or nothing.
 */
export async function acceptProspect(
  db: Kysely<Database>,
  args: { prospect: Pick<ProspectRow, "personId" | "ownerUserId" | "source" | "band">; acceptedBy: number; now: string },
): Promise<{ failedGate: boolean }> {
  const { prospect, acceptedBy, now } = args;
  const plan = await latestPlan(db);
  const failedGate = prospect.band === "not_a_fit";
  await db.transaction().execute(async (trx) => {
    await setPipelineStatus(trx, { personId: prospect.personId, status: "accepted", reason: null, now });
    if (prospect.ownerUserId === null) {
      await setOwner(trx, prospect.personId, acceptedBy);
      // A new owner is a change a CRM follows (ADR 0702): prospect.updated, written with it.
      await emitWebhookEvent(trx, "prospect.updated", { personId: prospect.personId });
    }
    await openOpportunity(trx, {
      personId: prospect.personId,
      source: prospect.source,
      ownerUserId: prospect.ownerUserId ?? acceptedBy,
      failedGate,
      amount: plan ? plan.dealSize : null,
      now,
    });
  });
  webhookEventsCommitted(db);
  return { failedGate };
}

/** Sales assigns, changes or removes a prospect's owner; a real change is a prospect.updated event in the same transaction. */
export async function assignOwner(db: Kysely<Database>, personId: number, ownerUserId: number | null): Promise<boolean> {
  const changed = await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("people").select("owner_user_id").where("id", "=", personId).executeTakeFirst();
    if (!row || row.owner_user_id === ownerUserId) return false;
    await setOwner(trx, personId, ownerUserId);
    await emitWebhookEvent(trx, "prospect.updated", { personId });
    return true;
  });
  if (changed) webhookEventsCommitted(db);
  return changed;
}
