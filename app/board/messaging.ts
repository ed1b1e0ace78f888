import type { BoardCard } from "./board-cards";
import { percent } from "../components/format";

/** Value propositions ranked by evidence (share x severity), each with its supporting quotes. */
export function messagingItems(cards: BoardCard[]) {
  return [...cards]
    .sort((a, b) => b.impact - a.impact || b.respondents - a.respondents)
    .map((c, i) => ({
      rank: i + 1,
      themeId: c.themeId,
      theme: c.label,
      statement: c.valueProposition?.statement ?? null,
      version: c.valueProposition?.version ?? null,
      respondents: c.respondents,
      share: c.share,
      avgSeverity: c.avgSeverity,
      quotes: c.quotes.map((q) => ({ text: q.text, attribution: q.attribution })),
    }));
}

export type MessagingItem = ReturnType<typeof messagingItems>[number];

/** Markdown for a messaging brief; text from respondents is quoted, never interpreted as markup. */
export function messagingMarkdown(items: MessagingItem[], title: string): string {
  const esc = (s: string) =>
    s
      .replace(/([\\`*_{}[\]()#+\-!|<>])/g, "\\$1")
      .replace(/\s+/g, " ")
      .trim();
  const lines = [`# ${esc(title)}`, ""];
  for (const item of items) {
    lines.push(`## ${item.rank}. ${esc(item.theme)}`, "");
    lines.push(item.statement ? `**Value proposition (v${item.version}):** ${esc(item.statement)}` : "_No value proposition yet._", "");
    lines.push(
      `Evidence: ${item.respondents} respondents (${percent(item.share)}), average pain ${item.avgSeverity === null ? "n/a" : item.avgSeverity.toFixed(1)} / 10.`,
      "",
    );
    for (const q of item.quotes) lines.push(`> “${esc(q.text)}”  `, `> — ${esc(q.attribution)}`, "");
  }
  return lines.join("\n");
}

export const MESSAGING_CSV_HEADER = [
  "rank",
  "theme",
  "value_proposition",
  "version",
  "respondents",
  "share_percent",
  "avg_pain",
  "quote",
  "attribution",
];

export function messagingCsvRows(items: MessagingItem[]): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [];
  for (const item of items) {
    const base = [
      item.rank,
      item.theme,
      item.statement,
      item.version,
      item.respondents,
      Math.round(item.share * 1000) / 10,
      item.avgSeverity === null ? null : Math.round(item.avgSeverity * 10) / 10,
    ];
    if (!item.quotes.length) rows.push([...base, null, null]);
    for (const q of item.quotes) rows.push([...base, q.text, q.attribution]);
  }
  return rows;
}
