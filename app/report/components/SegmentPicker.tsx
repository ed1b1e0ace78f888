import { Form } from "@remix-run/react";
import type { ReportData } from "../report.server";
import { SEGMENT_KINDS, SEGMENT_LABELS } from "../segment";

/** A plain GET form: works without JavaScript, and the chosen segment is in the link. */
export function SegmentPicker({ report }: { report: ReportData }) {
  return (
    <Form method="get" className="filters report-segment">
      <div className="field">
        <label htmlFor="segment">Segment</label>
        <select id="segment" name="segment" defaultValue={report.segmentKey}>
          <option value="">All respondents</option>
          {SEGMENT_KINDS.map((kind) => (
            <optgroup key={kind} label={SEGMENT_LABELS[kind]}>
              {report.segmentOptions[kind].map((value) => (
                <option key={value} value={`${kind}:${value}`}>
                  {value}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        Show
      </button>
    </Form>
  );
}
