/**
 * Two reports side by side (two studies, or two segments of one): each headline figure of both and
 * the change in percentage points. Pure; a side whose segment is too small has no figures ("too few").
 */
import type { ReportData } from "./report.server.js";
import type { Share } from "./stats.js";

export interface CompareRow {
  figure: string;
  a: Share | null;
  b: Share | null;
  /** b - a in percentage points, null when either side has no figure */
  changePoints: number | null;
}

function headline(report: ReportData): Map<string, Share> {
  const out = new Map<string, Share>();
  const f = report.figures;
  if (!f || report.tooFew) return out;
  if (f.pain) out.set(`Pain ${report.rule.rule.painThreshold}+`, f.pain.atOrAbove);
  for (const w of f.budget?.within ?? []) out.set(`Could buy within ${w.months} months`, w.share);
  if (f.budget) out.set(`Budget, decision after ${report.rule.rule.withinMonths} months`, f.budget.later);
  if (f.leadership?.leaderYes) out.set("Named project leader", f.leadership.leaderYes);
  if (f.leadership?.sponsorYes) out.set("Executive sponsor", f.leadership.sponsorYes);
  if (f.appeal) out.set("Category appeal 4+", f.appeal.fourPlus);
  out.set("Ready now", f.readyNow.share);
  for (const t of f.triggers ?? []) out.set(`Trigger: ${t.label}`, t.respondents);
  for (const t of report.themes?.items ?? []) out.set(`Theme: ${t.label}`, t.share);
  return out;
}

export function compareReports(a: ReportData, b: ReportData): CompareRow[] {
  const left = headline(a);
  const right = headline(b);
  const names = [...left.keys(), ...[...right.keys()].filter((k) => !left.has(k))];
  return names.map((figure) => {
    const x = left.get(figure) ?? null;
    const y = right.get(figure) ?? null;
    const changePoints = x && y && x.n > 0 && y.n > 0 ? Math.round((y.share - x.share) * 1000) / 10 : null;
    return { figure, a: x, b: y, changePoints };
  });
}
