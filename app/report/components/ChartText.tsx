import { labelLines } from "../label-lines";

/**
 * Chart text drawn by us rather than by recharts' <Text>: recharts wraps a label by measuring it in
 * the browser's DOM, which the server cannot do, so the server sent one line where the browser drew
 * two or three, a hydration mismatch (React errors #418/#425) and a re-render of the whole page.
 * What is drawn here depends on the data only, the same on both sides.
 */

/** What recharts passes a custom tick renderer (the parts used here). */
interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: string | number };
  textAnchor?: "start" | "middle" | "end" | "inherit";
  fill?: string;
}

const FONT_SIZE = 12;
const LINE_EM = 1.1;
/** About the width of an average character of the chart font at 12 px, rounded up so lines rarely overflow. */
const CHAR_PX = 6.5;

/**
 * A category axis label as <text> with one <tspan> per line, wrapped by a character budget. `room` is the width a label may take: the axis
 * width for a row chart's labels (`axis` "y", centred on their bar), one column's width for a column
 * chart's (`axis` "x", hanging below the axis).
 */
export function categoryTick(room: number, axis: "x" | "y") {
  const maxChars = Math.max(4, Math.floor((room - 8) / CHAR_PX));
  const maxLines = axis === "y" ? 2 : 3;
  function CategoryTick({ x = 0, y = 0, payload, textAnchor, fill }: TickProps) {
    const lines = labelLines(String(payload?.value ?? ""), maxChars, maxLines);
    const firstDy = axis === "y" ? `${(0.355 - ((lines.length - 1) * LINE_EM) / 2).toFixed(3)}em` : "0.71em";
    return (
      <text
        x={x}
        y={y}
        textAnchor={textAnchor ?? (axis === "y" ? "end" : "middle")}
        fontSize={FONT_SIZE}
        fill={fill ?? "#666"}
        className="recharts-text recharts-cartesian-axis-tick-value"
      >
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={i === 0 ? firstDy : `${LINE_EM}em`}>
            {line}
          </tspan>
        ))}
      </text>
    );
  }
  return CategoryTick;
}

/** What recharts passes a LabelList's `content` (the parts used here). */
interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: number | string;
}

/**
 * The figure on a bar, on one line: right of a row chart's bar, above a column chart's. (recharts'
 * own label gets the bar's width and wrapped "3 (5%)" on a short bar in the browser only.)
 */
export function barValueLabel(axis: "x" | "y") {
  function BarValueLabel(props: LabelProps) {
    const [x, y, width, height] = [props.x, props.y, props.width, props.height].map((n) => Number(n ?? 0));
    const rows = axis === "y";
    return (
      <text
        x={rows ? x + width + 5 : x + width / 2}
        y={rows ? y + height / 2 : y - 5}
        dy={rows ? "0.355em" : undefined}
        textAnchor={rows ? "start" : "middle"}
        fontSize={FONT_SIZE}
        fill="#808080"
        className="recharts-text recharts-label"
      >
        {props.value}
      </text>
    );
  }
  return BarValueLabel;
}
