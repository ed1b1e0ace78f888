const TREND: Record<string, { text: string; tone: string }> = {
  new: { text: "New", tone: "badge--accent" },
  growing: { text: "Growing", tone: "badge--warn" },
  steady: { text: "Steady", tone: "" },
  fading: { text: "Fading", tone: "badge--ok" },
};

export function TrendBadge({ trend }: { trend: string }) {
  const t = TREND[trend] ?? TREND.steady;
  return <span className={`badge ${t.tone}`}>{t.text}</span>;
}
