import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { compareReports } from "~/report/compare";
import { ShareText } from "~/report/components/ShareText";
import { loadReport } from "~/report/report.server";
import { parseSegment } from "~/report/segment";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Compare reports · Painmap" }];

const CompareQuery = z.object({
  a: z.coerce.number({ message: "Choose the first study." }).int().positive("Choose the first study."),
  b: z.coerce.number({ message: "Choose the study to compare against." }).int().positive("Choose the study to compare against."),
  as: z.string().max(250).optional(),
  bs: z.string().max(250).optional(),
});

/** ?a=survey&as=segment&b=survey&bs=segment: b against a, figure by figure. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseWith(CompareQuery, { ...params, b: params.b ?? params.a, bs: params.bs ?? "" });
  if (!parsed.success) return json({ error: Object.values(parsed.errors).flat().join(" "), a: null, b: null, rows: [] }, { status: 400 });
  const database = db();
  const [a, b] = await Promise.all([
    loadReport(database, { surveyId: parsed.data.a, segment: parseSegment(parsed.data.as) }),
    loadReport(database, { surveyId: parsed.data.b, segment: parseSegment(parsed.data.bs) }),
  ]);
  if (!a || !b) return json({ error: "One of those studies does not exist.", a: null, b: null, rows: [] }, { status: 404 });
  const side = (r: typeof a) => ({
    id: r.survey.id,
    title: r.survey.title,
    segmentTitle: r.segmentTitle,
    segmentKey: r.segmentKey,
    verdict: r.verdict?.label ?? null,
    respondents: r.figures?.respondents ?? null,
    tooFew: r.tooFew,
    options: r.segmentOptions,
  });
  return json({ error: null, a: side(a), b: side(b), rows: compareReports(a, b) });
}

export default function CompareReports() {
  const data = useLoaderData<typeof loader>();
  if (data.error || !data.a || !data.b)
    return (
      <main id="main" className="page">
        <h1>Compare reports</h1>
        <p className="alert alert--error">{data.error}</p>
        <Link to="/reports">Choose the studies again</Link>
      </main>
    );
  const { a, b } = data;
  const name = (s: typeof a) => `${s.title} · ${s.segmentTitle}`;
  return (
    <main id="main" className="page report-page">
      <div className="page-head">
        <h1>Compare reports</h1>
        <Link to="/reports" className="report-controls">
          Choose other studies
        </Link>
      </div>
      <div className="table-wrap">
        <table className="report-table">
          <caption>
            {name(b)} against {name(a)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">{name(a)}</th>
              <th scope="col">{name(b)}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Verdict</th>
              <td>{a.tooFew ? "too few to show" : a.verdict}</td>
              <td>{b.tooFew ? "too few to show" : b.verdict}</td>
              <td>{a.verdict === b.verdict ? "same" : "changed"}</td>
            </tr>
            <tr>
              <th scope="row">Complete responses</th>
              <td>{a.respondents ?? "too few to show"}</td>
              <td>{b.respondents ?? "too few to show"}</td>
              <td>{a.respondents !== null && b.respondents !== null ? b.respondents - a.respondents : "–"}</td>
            </tr>
            {data.rows.map((r) => (
              <tr key={r.figure}>
                <th scope="row">{r.figure}</th>
                <td>{r.a ? <ShareText share={r.a} /> : "–"}</td>
                <td>{r.b ? <ShareText share={r.b} /> : "–"}</td>
                <td>{r.changePoints === null ? "–" : `${r.changePoints > 0 ? "+" : ""}${r.changePoints} points`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="get" className="card filters report-controls">
        <h2>Compare segments</h2>
        <input type="hidden" name="a" value={a.id} />
        <input type="hidden" name="b" value={b.id} />
        {(
          [
            ["as", a],
            ["bs", b],
          ] as const
        ).map(([field, s]) => (
          <div className="field" key={field}>
            <label htmlFor={`compare-${field}`}>Segment of {s.title}</label>
            <select id={`compare-${field}`} name={field} defaultValue={s.segmentKey}>
              <option value="">All respondents</option>
              {(Object.entries(s.options) as Array<[string, string[]]>).map(([kind, values]) => (
                <optgroup key={kind} label={kind}>
                  {values.map((v) => (
                    <option key={v} value={`${kind}:${v}`}>
                      {v}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button">
          Compare
        </button>
      </form>
    </main>
  );
}
