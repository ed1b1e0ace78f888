import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface PlanRow {
  id: number;
  periodStart: string;
  periodEnd: string;
  goalDeals: number;
  closeRatio: number;
  cycleDays: number;
  marketingShare: number;
  dealSize: number;
  followUpDays: number;
  createdBy: number | null;
  createdAt: string;
}

export type PlanWrite = Omit<PlanRow, "id" | "createdBy" | "createdAt">;

/** The plan in force: the most recently saved one (every save is kept). */
export async function latestPlan(db: Kysely<Database>): Promise<PlanRow | undefined> {
  const r = await db.selectFrom("funnel_plans").selectAll().orderBy("id", "desc").limit(1).executeTakeFirst();
  return r
    ? {
        id: r.id,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        goalDeals: Number(r.goal_deals),
        closeRatio: Number(r.close_ratio),
        cycleDays: Number(r.cycle_days),
        marketingShare: Number(r.marketing_share),
        dealSize: Number(r.deal_size),
        followUpDays: Number(r.follow_up_days),
        createdBy: r.created_by,
        createdAt: r.created_at,
      }
    : undefined;
}

export async function savePlan(db: Kysely<Database>, plan: PlanWrite, createdBy: number | null): Promise<number> {
  const { id } = await db
    .insertInto("funnel_plans")
    .values({
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
      goal_deals: plan.goalDeals,
      close_ratio: plan.closeRatio,
      cycle_days: plan.cycleDays,
      marketing_share: plan.marketingShare,
      deal_size: plan.dealSize,
      follow_up_days: plan.followUpDays,
      created_by: createdBy,
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
