/**
 * A bar chart drawn by recharts (fixed size, so it renders on the server and prints without
 * JavaScript), with the same numbers as a table for screen readers and anyone who prefers one.
 * The chart itself is hidden from assistive technology behind one summary label.
 * Nothing in it depends on measuring text in the browser (recharts does that for label wrapping
 * and for dropping crowded ticks, the server cannot): category labels wrap by a character budget,
 * the figures on the bars stay on one line (ChartText.tsx), and every tick is drawn (interval 0),
 * so the server's SVG is the browser's and the page hydrates without a mismatch.
 */
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { barValueLabel, categoryTick } from "./ChartText";

export interface BarDatum {
  label: string;
  value: number;
  /** shown in the table and on the bar, e.g. "12 (18%)" */
  display?: string;
}

export function BarFigure(props: {
  /** unique on the page: recharts derives its clip-path ids from it, the same on server and client */
  id: string;
  title: string;
  bars: BarDatum[];
  valueHeading: string;
  layout?: "columns" | "rows";
  width?: number;
}) {
  const rows = props.layout === "rows";
  const width = props.width ?? 560;
  const height = rows ? Math.max(120, props.bars.length * 34 + 40) : 240;
  const margin = { top: 16, right: 48, bottom: 8, left: 8 };
  const labelAxis = rows ? 170 : 36;
  const column = (width - margin.left - margin.right - labelAxis) / Math.max(1, props.bars.length);
  const data = props.bars.map((b) => ({ label: b.label, value: b.value, display: b.display ?? String(b.value) }));
  const summary = `${props.title}. ${props.bars.map((b) => `${b.label}: ${b.display ?? b.value}`).join("; ")}`;
  return (
    <figure className="chart report-chart">
      {/* focusable: on a narrow screen the fixed-size chart scrolls sideways, and keyboards must reach it */}
      <div role="img" aria-label={summary} className="report-chart__canvas" tabIndex={0}>
        <BarChart id={props.id} width={width} height={height} data={data} layout={rows ? "vertical" : "horizontal"} margin={margin}>
          <CartesianGrid strokeDasharray="3 3" vertical={rows} horizontal={!rows} />
          {rows ? (
            <>
              <XAxis type="number" allowDecimals={false} interval={0} />
              <YAxis type="category" dataKey="label" width={labelAxis} interval={0} tick={categoryTick(labelAxis, "y")} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" interval={0} tick={categoryTick(column, "x")} />
              <YAxis allowDecimals={false} width={labelAxis} interval={0} />
            </>
          )}
          <Bar dataKey="value" fill="#2f5d8a" isAnimationActive={false}>
            <LabelList dataKey="display" content={barValueLabel(rows ? "y" : "x")} />
          </Bar>
        </BarChart>
      </div>
      <figcaption>
        <details>
          <summary>{props.title}: the data as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{rows ? "Item" : "Value"}</th>
                <th scope="col">{props.valueHeading}</th>
              </tr>
            </thead>
            <tbody>
              {props.bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{b.display ?? b.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
