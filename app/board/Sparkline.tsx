import { Line, LineChart, YAxis } from "recharts";

/**
 * A tiny line of a theme's share across the last runs (oldest to newest), drawn by recharts like
 * every other chart (ADR 0500); fixed size, so it renders on the server. `label` carries the values.
 */
export function Sparkline({ values, label, id }: { values: number[]; label: string; id?: string }) {
  if (values.length < 2) return <span className="sparkline sparkline--empty" aria-hidden="true" />;
  const data = values.map((value, i) => ({ i, value }));
  return (
    <span className="sparkline" role="img" aria-label={label}>
      <LineChart id={id} width={80} height={24} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, Math.max(...values, 0.0001)]} />
        <Line type="linear" dataKey="value" stroke="currentColor" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
