/** Targets against actuals as an inline SVG bar chart, with a table alternative for screen readers. */
export function TargetsChart({ rows }: { rows: Array<{ label: string; target: number; actual: number }> }) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.target, r.actual]));
  const rowH = 44;
  const labelW = 130;
  const barW = 360;
  const height = rows.length * rowH + 30;
  const summary = rows.map((r) => `${r.label}: ${r.actual} of ${r.target}`).join("; ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${labelW + barW + 60} ${height}`} role="img" aria-label={`Targets against actuals. ${summary}`} width="100%">
        {rows.map((r, i) => {
          const y = i * rowH + 4;
          const tw = (r.target / max) * barW;
          const aw = (r.actual / max) * barW;
          return (
            <g key={r.label}>
              <text x={0} y={y + 20} fontSize="13" fill="currentColor">
                {r.label}
              </text>
              <rect x={labelW} y={y} width={Math.max(tw, 1)} height={16} className="chart__target" />
              <text x={labelW + tw + 6} y={y + 13} fontSize="12" fill="currentColor">
                {r.target}
              </text>
              <rect x={labelW} y={y + 18} width={Math.max(aw, 1)} height={16} className="chart__actual" />
              <text x={labelW + aw + 6} y={y + 31} fontSize="12" fill="currentColor">
                {r.actual}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${labelW}, ${rows.length * rowH + 10})`}>
          <rect width={12} height={12} className="chart__target" />
          <text x={18} y={11} fontSize="12" fill="currentColor">
            Target
          </text>
          <rect x={90} width={12} height={12} className="chart__actual" />
          <text x={108} y={11} fontSize="12" fill="currentColor">
            Actual
          </text>
        </g>
      </svg>
      <figcaption>
        <details>
          <summary>Chart data as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Target</th>
                <th scope="col">Actual</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.target}</td>
                  <td>{r.actual}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
