/**
 * The plan's evaluation (DESIGN.md "Funnel plan", principle 5): actuals beside each target and the
 * four questions answered from the data. Pure: plain rows in, numbers and sentences out.
 */
import { addDays, funnel, percent, type FunnelTargets, type PlanInput } from "./funnel.js";

export interface EvalOpportunity {
  source: string;
  qualifiedAt: string;
  closedAt: string | null;
  outcome: "won" | "lost" | null;
  failedGate: boolean;
}

export interface EvalPerson {
  band: "ready_now" | "nurture" | "not_a_fit";
  readySince: string | null;
  contactedAt: string | null;
  pipelineStatus: string;
  /** how many of the ready-now conditions (gates, score, cycle, pain) they miss */
  missed: number;
  failedGateOnly: boolean;
}

interface Cohort {
  month: string;
  opportunities: number;
  won: number;
  lost: number;
  open: number;
  closeRatio: number | null;
}

export interface Evaluation {
  targets: FunnelTargets;
  window: { from: string; to: string };
  delivered: { total: number; marketing: number; sales: number; other: number };
  won: number;
  lost: number;
  closeRatio: number | null;
  cohorts: Cohort[];
  cycleDaysAverage: number | null;
  followUp: { due: number; onTime: number; late: number; waiting: number; rate: number | null };
  acceptedFailingGate: number;
  nearMisses: { total: number; gateOnly: number };
  readyNow: number;
  questions: Array<{ id: string; question: string; answer: string; status: "ok" | "warn" | "unknown" }>;
  chart: Array<{ label: string; target: number; actual: number }>;
}

const DAY = 86_400_000;

/**
 * Opportunities count toward the plan when they were qualified in its run-up: from one sales
 * cycle plus one period length before the period starts, up to the period's end.
 */
export function countingWindow(plan: Pick<PlanInput, "periodStart" | "periodEnd" | "cycleDays">): { from: string; to: string } {
  const lengthDays = Math.max(1, Math.round((Date.parse(plan.periodEnd) - Date.parse(plan.periodStart)) / DAY) + 1);
  return { from: addDays(plan.periodStart, -plan.cycleDays - lengthDays), to: plan.periodEnd };
}

export function evaluatePlan(
  plan: PlanInput,
  opportunities: readonly EvalOpportunity[],
  people: readonly EvalPerson[],
  now: Date = new Date(),
): Evaluation {
  const targets = funnel(plan);
  const window = countingWindow(plan);
  const marketing = opportunities.filter((o) => o.source === "marketing").length;
  const sales = opportunities.filter((o) => o.source === "sales").length;
  const delivered = { total: opportunities.length, marketing, sales, other: opportunities.length - marketing - sales };
  const won = opportunities.filter((o) => o.outcome === "won").length;
  const lost = opportunities.filter((o) => o.outcome === "lost").length;
  const closeRatio = won + lost > 0 ? won / (won + lost) : null;

  const byMonth = new Map<string, Cohort>();
  for (const o of opportunities) {
    const month = o.qualifiedAt.slice(0, 7);
    const c = byMonth.get(month) ?? { month, opportunities: 0, won: 0, lost: 0, open: 0, closeRatio: null };
    c.opportunities++;
    if (o.outcome === "won") c.won++;
    else if (o.outcome === "lost") c.lost++;
    else c.open++;
    c.closeRatio = c.won + c.lost > 0 ? c.won / (c.won + c.lost) : null;
    byMonth.set(month, c);
  }
  const cohorts = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));

  const cycles = opportunities
    .filter((o) => o.outcome === "won" && o.closedAt)
    .map((o) => (Date.parse(o.closedAt!) - Date.parse(o.qualifiedAt)) / DAY);
  const cycleDaysAverage = cycles.length ? Math.round((cycles.reduce((s, d) => s + d, 0) / cycles.length) * 10) / 10 : null;

  // Follow-up: everyone who has been ready now (and still is, or was accepted/rejected from there).
  const allowed = plan.followUpDays * DAY;
  let onTime = 0;
  let late = 0;
  let waiting = 0;
  for (const p of people) {
    if (!p.readySince) continue;
    const start = Date.parse(p.readySince);
    if (p.contactedAt) {
      if (Date.parse(p.contactedAt) - start <= allowed) onTime++;
      else late++;
    } else if (now.getTime() - start > allowed) late++;
    else waiting++;
  }
  const due = onTime + late;
  const followUp = { due, onTime, late, waiting, rate: due > 0 ? onTime / due : null };

  const acceptedFailingGate = opportunities.filter((o) => o.failedGate).length;
  const nearMisses = {
    total: people.filter((p) => p.band !== "ready_now" && p.missed === 1).length,
    gateOnly: people.filter((p) => p.band === "not_a_fit" && p.missed === 1 && p.failedGateOnly).length,
  };
  const readyNow = people.filter((p) => p.band === "ready_now").length;

  const questions: Evaluation["questions"] = [];
  const mShort = targets.marketingOpportunities - marketing;
  questions.push({
    id: "marketing",
    question: "Did marketing deliver its opportunities?",
    status: mShort <= 0 ? "ok" : "warn",
    answer:
      mShort <= 0
        ? `Yes: marketing delivered ${marketing} of the ${targets.marketingOpportunities} qualified opportunities it owes (due ${targets.dueDate}).`
        : Date.parse(targets.dueDate) < now.getTime()
          ? `No: marketing delivered ${marketing} of ${targets.marketingOpportunities}; ${mShort} more are overdue (they were due ${targets.dueDate}).`
          : `Not yet: marketing delivered ${marketing} of ${targets.marketingOpportunities}; ${mShort} more are due by ${targets.dueDate}.`,
  });
  questions.push({
    id: "closing",
    question: "Is sales closing at the agreed ratio?",
    status: closeRatio === null ? "unknown" : closeRatio + 1e-9 >= plan.closeRatio ? "ok" : "warn",
    answer:
      closeRatio === null
        ? `No opportunity has closed yet, so there is no close ratio to compare with the agreed ${percent(plan.closeRatio)}.`
        : closeRatio + 1e-9 >= plan.closeRatio
          ? `Yes: ${won} won of ${won + lost} closed (${percent(closeRatio)}) against the agreed ${percent(plan.closeRatio)}.`
          : `No: ${won} won of ${won + lost} closed (${percent(closeRatio)}), below the agreed ${percent(plan.closeRatio)}.`,
  });
  const tight = nearMisses.total > 0 && nearMisses.total >= Math.max(1, readyNow);
  questions.push({
    id: "criteria",
    question: "Are the criteria too tight?",
    status: tight ? "warn" : "ok",
    answer:
      nearMisses.total === 0
        ? `No one misses ready now by a single criterion; ${readyNow} ${readyNow === 1 ? "person is" : "people are"} ready now.`
        : `${nearMisses.total} ${nearMisses.total === 1 ? "person misses" : "people miss"} ready now by exactly one criterion (${nearMisses.gateOnly} only by a gate), against ${readyNow} ready now${tight ? ": worth reviewing the profile." : "."}` +
          (acceptedFailingGate > 0 ? ` Sales accepted ${acceptedFailingGate} while they failed a gate.` : ""),
  });
  questions.push({
    id: "followup",
    question: "Is every ready-now prospect followed up?",
    status: followUp.rate === null ? (waiting > 0 ? "ok" : "unknown") : late === 0 ? "ok" : "warn",
    answer:
      due === 0
        ? waiting > 0
          ? `${waiting} ready-now ${waiting === 1 ? "prospect is" : "prospects are"} still within the agreed ${plan.followUpDays} days.`
          : "No ready-now prospects yet."
        : late === 0
          ? `Yes: all ${onTime} contacted within ${plan.followUpDays} days${waiting ? `; ${waiting} still within the window` : ""}.`
          : `No: ${onTime} of ${due} contacted within ${plan.followUpDays} days (${percent(followUp.rate)}); ${late} late or not yet contacted.`,
  });

  const chart = [
    { label: "Opportunities", target: targets.opportunitiesNeeded, actual: delivered.total },
    { label: "From marketing", target: targets.marketingOpportunities, actual: marketing },
    { label: "From sales", target: targets.salesOpportunities, actual: sales + delivered.other },
    { label: "Deals won", target: plan.goalDeals, actual: won },
  ];

  return {
    targets,
    window,
    delivered,
    won,
    lost,
    closeRatio,
    cohorts,
    cycleDaysAverage,
    followUp,
    acceptedFailingGate,
    nearMisses,
    readyNow,
    questions,
    chart,
  };
}
