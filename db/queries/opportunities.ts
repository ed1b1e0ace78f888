import type { Kysely } from "kysely";
import type { Database, PersonSource } from "../schema.js";

export interface OpportunityRow {
  id: number;
  personId: number;
  source: PersonSource;
  stage: string;
  amount: number | null;
  ownerUserId: number | null;
  failedGate: boolean;
  qualifiedAt: string;
  closedAt: string | null;
  outcome: "won" | "lost" | null;
}

function toRow(r: {
  id: number;
  person_id: number;
  source: PersonSource;
  stage: string;
  amount: number | null;
  owner_user_id: number | null;
  failed_gate: number;
  qualified_at: string;
  closed_at: string | null;
  outcome: "won" | "lost" | null;
}): OpportunityRow {
  return {
    id: r.id,
    personId: r.person_id,
    source: r.source,
    stage: r.stage,
    amount: r.amount === null ? null : Number(r.amount),
    ownerUserId: r.owner_user_id,
    failedGate: Number(r.failed_gate) === 1,
    qualifiedAt: r.qualified_at,
    closedAt: r.closed_at,
    outcome: r.outcome,
  };
}

/** An accepted prospect becomes one open opportunity; accepting again returns the open one. */
export async function openOpportunity(
  db: Kysely<Database>,
  args: { personId: number; source: PersonSource; ownerUserId: number | null; failedGate: boolean; amount: number | null; now: string },
): Promise<number> {
  const existing = await db
    .selectFrom("opportunities")
    .select("id")
    .where("person_id", "=", args.personId)
    .where("closed_at", "is", null)
    .executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await db
    .insertInto("opportunities")
    .values({
      person_id: args.personId,
      source: args.source,
      stage: "qualified",
      amount: args.amount,
      owner_user_id: args.ownerUserId,
      failed_gate: args.failedGate ? 1 : 0,
      qualified_at: args.now,
      closed_at: null,
      outcome: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function closeOpportunity(
  db: Kysely<Database>,
  args: { opportunityId: number; personId: number; outcome: "won" | "lost"; amount: number | null; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable("opportunities")
    .set({
      outcome: args.outcome,
      closed_at: args.now,
      stage: args.outcome === "won" ? "closed_won" : "closed_lost",
      ...(args.amount !== null ? { amount: args.amount } : {}),
    })
    .where("id", "=", args.opportunityId)
    .where("person_id", "=", args.personId)
    .where("closed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function opportunitiesForPerson(db: Kysely<Database>, personId: number): Promise<OpportunityRow[]> {
  const rows = await db.selectFrom("opportunities").selectAll().where("person_id", "=", personId).orderBy("qualified_at", "desc").execute();
  return rows.map(toRow);
}

/** Opportunities qualified in [from, to] (ISO strings; `to` inclusive to the end of that day). */
export async function opportunitiesBetween(db: Kysely<Database>, from: string, to: string): Promise<OpportunityRow[]> {
  const rows = await db
    .selectFrom("opportunities")
    .selectAll()
    .where("qualified_at", ">=", from)
    .where("qualified_at", "<=", `${to.slice(0, 10)}T23:59:59.999Z`)
    .orderBy("qualified_at", "asc")
    .execute();
  return rows.map(toRow);
}
