/** A tiny inline SVG of a theme's share across the last runs (oldest to newest). */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 80;
  const height = 24;
  if (values.length < 2) return <span className="sparkline sparkline--empty" aria-hidden="true" />;
  const max = Math.max(...values, 0.0001);
  const step = width / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(" ");
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
