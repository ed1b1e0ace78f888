import { ROW_PROBLEM_LABELS, type RowProblem } from "~/reach/contact-list-labels";

export interface ReportRow {
  line: number;
  email: string;
  name: string | null;
  company: string | null;
  role: string | null;
  problem: RowProblem | null;
}

/** The per-row report of a previewed list: what will be sent, and why a row will not be. */
export function ContactReport({ rows }: { rows: ReportRow[] }) {
  const ok = rows.filter((r) => !r.problem).length;
  return (
    <section className="stack" aria-labelledby="report-heading">
      <h2 id="report-heading">
        {ok} of {rows.length} {rows.length === 1 ? "contact" : "contacts"} will be invited
      </h2>
      <div className="table-wrap">
        <table data-testid="contact-report">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} className={r.problem ? "import-preview__bad" : undefined}>
                <td>{r.line}</td>
                <td className="break">{r.email || "(empty)"}</td>
                <td>{r.name}</td>
                <td>{r.company}</td>
                <td>{r.problem ? ROW_PROBLEM_LABELS[r.problem] : "Will be invited."}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
