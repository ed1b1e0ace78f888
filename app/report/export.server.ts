/**
 * The report's figures as rows (one per figure, with its denominator and interval), written as CSV
 * (the shared csv-stringify writer) or XLSX (exceljs). Both neutralise text that a spreadsheet
 * would run as a formula (neutraliseFormula, app/utils/csv.ts): segment values come from prospects.
 */
import ExcelJS from "exceljs";
import { toCsv } from "../utils/csv.js";
import { neutraliseFormula } from "../utils/csv.js";
import type { ReportData } from "./report.server.js";
import { SEGMENT_KINDS, SEGMENT_LABELS } from "./segment.js";
import { MIN_SEGMENT, type Share } from "./stats.js";

const EXPORT_HEADER = ["Section", "Figure", "Value", "Count", "Of", "Share", "CI low", "CI high"] as const;
type ExportRow = [string, string, string, number | null, number | null, number | null, number | null, number | null];

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function shareRow(section: string, figure: string, value: string, s: Share): ExportRow {
  return [section, figure, value, s.k, s.n, s.n ? round(s.share) : null, s.n ? round(s.low) : null, s.n ? round(s.high) : null];
}
const countRow = (section: string, figure: string, value: string, count: number): ExportRow => [
  section,
  figure,
  value,
  count > 0 && count < MIN_SEGMENT ? null : count,
  null,
  null,
  null,
  null,
];

function exportRows(report: ReportData): ExportRow[] {
  const rows: ExportRow[] = [
    ["Study", "Survey", report.survey.title, null, null, null, null, null],
    ["Study", "Segment", report.segmentTitle, null, null, null, null, null],
    ["Study", "Complete responses (study)", "", report.counts.complete, null, null, null, null],
    ["Study", "Partial responses (study)", "", report.counts.partial, null, null, null, null],
  ];
  const f = report.figures;
  if (report.tooFew || !f) {
    rows.push(["Study", "Figures", `too few to show (fewer than ${MIN_SEGMENT})`, null, null, null, null, null]);
    return rows;
  }
  if (report.verdict) {
    rows.push(["Verdict", `Rule version ${report.rule.version}`, report.verdict.label, null, null, null, null, null]);
    for (const c of report.verdict.conditions) rows.push(shareRow("Verdict", c.label, c.met ? "met" : "not met", c.figure));
  }
  for (const kind of SEGMENT_KINDS)
    for (const c of f.bySegment[kind]) rows.push(countRow("Who answered", SEGMENT_LABELS[kind], c.value, c.count));
  if (f.pain) {
    rows.push(shareRow("Pain", `Severity ${report.rule.rule.painThreshold}+`, "", f.pain.atOrAbove));
    f.pain.distribution.forEach((count, score) => rows.push(countRow("Pain", "Severity", String(score), count)));
    for (const kind of SEGMENT_KINDS)
      for (const r of f.pain.bySegment[kind])
        rows.push(
          r.share
            ? shareRow("Pain by segment", SEGMENT_LABELS[kind], r.value, r.share)
            : ["Pain by segment", SEGMENT_LABELS[kind], `${r.value}: too few to show`, null, null, null, null, null],
        );
  }
  for (const t of report.themes?.items ?? []) rows.push(shareRow("Pain themes", "Theme", t.label, t.share));
  for (const t of f.triggers ?? []) rows.push(shareRow("Triggers", "Trigger", t.label, t.respondents));
  if (f.budget) {
    for (const w of f.budget.within) rows.push(shareRow("Budget and timeline", `Could buy within ${w.months} months`, "", w.share));
    rows.push(shareRow("Budget and timeline", `Budget, decision after ${report.rule.rule.withinMonths} months`, "", f.budget.later));
    for (const c of f.budget.budget) rows.push(countRow("Budget and timeline", "Budget", c.value, c.count));
    for (const c of f.budget.timeline) rows.push(countRow("Budget and timeline", "Timeline", c.value, c.count));
  }
  if (f.leadership?.leaderYes) rows.push(shareRow("Leadership", "Named project leader", "Yes", f.leadership.leaderYes));
  if (f.leadership?.sponsorYes) rows.push(shareRow("Leadership", "Executive sponsor", "Yes", f.leadership.sponsorYes));
  if (f.appeal) rows.push(shareRow("Category appeal", "Rated 4 or 5", "", f.appeal.fourPlus));
  for (const t of report.early?.items ?? []) rows.push(shareRow("Early-stage company", "Theme", t.label, t.share));
  rows.push(shareRow("Ready now", "Ready now under the current profile", "", f.readyNow.share));
  return rows;
}

export function reportCsv(report: ReportData): string {
  return toCsv([...EXPORT_HEADER], exportRows(report));
}

export async function reportXlsx(report: ReportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Painmap";
  const sheet = book.addWorksheet("Report");
  sheet.addRow([...EXPORT_HEADER]).font = { bold: true };
  for (const row of exportRows(report)) sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell)));
  sheet.columns.forEach((column, i) => {
    column.width = i < 3 ? 36 : 10;
    if (i >= 5) column.numFmt = "0.0%";
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function exportFileName(report: ReportData, ext: "csv" | "xlsx"): string {
  const base = `${report.survey.title}${report.segment ? ` ${report.segment.value}` : ""} report`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${base}.${ext}`;
}
