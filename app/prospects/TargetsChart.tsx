import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from "recharts";

/**
 * Targets against actuals as a recharts bar chart (fixed size: it renders on the server, ADR 0500),
 * with a table alternative for screen readers.
 */
export function TargetsChart({ rows }: { rows: Array<{ label: string; target: number; actual: number }> }) {
  const summary = rows.map((r) => `${r.label}: ${r.actual} of ${r.target}`).join("; ");
  return (
    <figure className="chart">
      {/* focusable: on a narrow screen the fixed-size chart scrolls sideways, and keyboards must reach it */}
      <div role="img" aria-label={`Targets against actuals. ${summary}`} className="report-chart__canvas" tabIndex={0}>
        <BarChart
          id="targets-chart"
          width={560}
          height={rows.length * 56 + 60}
          data={rows}
          layout="vertical"
          margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 13 }} />
          <Legend verticalAlign="bottom" height={24} />
          <Bar dataKey="target" name="Target" fill="#c9cfe6" isAnimationActive={false}>
            <LabelList dataKey="target" position="right" fontSize={12} />
          </Bar>
          <Bar dataKey="actual" name="Actual" fill="#2f5d8a" isAnimationActive={false}>
            <LabelList dataKey="actual" position="right" fontSize={12} />
          </Bar>
        </BarChart>
      </div>
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
