import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listSurveyChoices } from "../../db/queries/surveys";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Reports · Painmap" }];

/** Every study's report, and the form that compares two of them (or two segments). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  return json({ surveys: await listSurveyChoices(db()) });
}

export default function Reports() {
  const { surveys } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Validation study reports</h1>
      </div>
      {surveys.length ? (
        <ul className="card">
          {surveys.map((s) => (
            <li key={s.id}>
              <Link to={`/surveys/${s.id}/report`}>{s.title}</Link> <span className="badge">{s.status}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No studies yet: a marketer creates one from the Market validation study template under Surveys.</p>
      )}
      {surveys.length ? (
        <Form method="get" action="/reports/compare" className="card filters">
          <h2>Compare two studies</h2>
          {(["a", "b"] as const).map((side, i) => (
            <div className="field" key={side}>
              <label htmlFor={`compare-${side}`}>{i === 0 ? "Study" : "Against"}</label>
              <select id={`compare-${side}`} name={side} defaultValue={String(surveys[Math.min(i, surveys.length - 1)].id)}>
                {surveys.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="button">
            Compare
          </button>
        </Form>
      ) : null}
    </main>
  );
}
