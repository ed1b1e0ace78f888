import type { Kysely } from "kysely";
import { z } from "zod";
import { latestPlan } from "../../db/queries/plans.js";
import { listOwners } from "../../db/queries/prospects.js";
import type { Database } from "../../db/schema.js";
import { followUpClock } from "./follow-up.js";
import { defaultPlan } from "./funnel.js";
import { filterProspects, prospectViews, reachability, type ProspectFilters, type ProspectView } from "./prospect-views.server.js";
import { triggerLabel, type Band } from "./readiness.js";

/* ---------- The prospects list and sales' first screen: what their loaders return ---------- */

/** Filters come from the query string; anything unknown is ignored rather than an error. */
export const ProspectFilterSchema = z.object({
  band: z.enum(["", "ready_now", "nurture", "not_a_fit"]).catch(""),
  source: z.enum(["", "marketing", "sales", "partner", "unknown"]).catch(""),
  trigger: z
    .string()
    .max(40)
    .regex(/^[a-z_]*$/)
    .catch(""),
  theme: z.coerce.number().int().positive().nullable().catch(null),
  owner: z
    .string()
    .max(12)
    .regex(/^(|me|none|\d+)$/)
    .catch(""),
  status: z.enum(["", "new", "accepted", "rejected"]).catch(""),
});

function parseProspectFilters(params: URLSearchParams): ProspectFilters & z.infer<typeof ProspectFilterSchema> {
  return ProspectFilterSchema.parse({
    band: params.get("band") ?? "",
    source: params.get("source") ?? "",
    trigger: params.get("trigger") ?? "",
    theme: params.get("theme") || null,
    owner: params.get("owner") ?? "",
    status: params.get("status") ?? "",
  });
}

/** One row of a list, consent rule applied (ProspectView already carries the pseudonym). */
function listRow(p: ProspectView) {
  return {
    personId: p.personId,
    label: p.label,
    named: p.named,
    name: p.named && p.company && p.name ? p.name : null,
    descriptor: p.descriptor,
    role: p.role,
    source: p.source,
    score: p.score,
    heldBy: p.heldBy,
    band: p.effectiveBand,
    status: p.status,
    ownerName: p.ownerName,
    topTheme: p.topTheme?.label ?? null,
    trigger: p.trigger,
    quote: p.quote,
    reach: p.effectiveBand === "ready_now" ? reachability(p) : null,
  };
}

const LIST_CAP = 500;

export async function prospectListData(db: Kysely<Database>, params: URLSearchParams, meId: number) {
  const filters = parseProspectFilters(params);
  const [all, owners] = await Promise.all([prospectViews(db), listOwners(db)]);
  const list = filterProspects(all, filters, meId);
  // Every count on the page counts what the filters show.
  const counts: Record<Band, number> = { ready_now: 0, nurture: 0, not_a_fit: 0 };
  for (const p of list) counts[p.effectiveBand]++;
  const triggerTypes = [...new Set(all.flatMap((p) => p.triggers.map((t) => t.type)))].sort();
  const themes = new Map<number, string>();
  for (const p of all) for (const t of p.themes) themes.set(t.id, t.label);
  return {
    filters,
    counts,
    total: all.length,
    shown: list.length,
    owners,
    triggerTypes: triggerTypes.map((type) => ({ type, label: triggerLabel(type) })),
    themes: [...themes].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label)),
    prospects: list.slice(0, LIST_CAP).map(listRow),
  };
}

/**
 * Sales' first screen: ready now and not yet contacted, oldest first, each with the follow-up clock
 * against the plan's agreed follow-up time. People sales may not contact are counted, not listed.
 */
export async function readyNotContacted(db: Kysely<Database>, now: Date) {
  const [all, plan] = await Promise.all([prospectViews(db, { bands: ["ready_now"] }), latestPlan(db)]);
  const followUpDays = plan?.followUpDays ?? defaultPlan(now).followUpDays;
  const waiting = all.filter((p) => p.effectiveBand === "ready_now" && p.contactedAt === null && p.status !== "rejected");
  const callable = waiting.filter((p) => reachability(p) === null);
  const since = (p: ProspectView) => p.readySince ?? p.computedAt;
  callable.sort((a, b) => since(a).localeCompare(since(b)) || a.personId - b.personId);
  return {
    followUpDays,
    planSaved: Boolean(plan),
    now: now.toISOString(),
    notCallable: waiting.length - callable.length,
    prospects: callable.map((p) => ({ ...listRow(p), readySince: since(p), clock: followUpClock(since(p), followUpDays, now) })),
  };
}
