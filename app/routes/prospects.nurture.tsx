import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { optOutUrl } from "~/consent/opt-out.server";
import { publicOrigin } from "~/utils/http.server";
import { nurtureList } from "~/prospects/prospect-views.server";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Nurture list · Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ALL_ROLES);
  const origin = publicOrigin(request);
  const list = await nurtureList(db());
  return json({
    people: list.map((p) => ({
      personId: p.personId,
      // the consent rule: name and email only with permission to contact; the opt-out link reveals neither
      label: p.label,
      name: p.named && p.company ? p.name : null,
      email: p.email,
      descriptor: p.descriptor,
      score: p.score,
      topTheme: p.topTheme?.label ?? null,
      rejected: p.status === "rejected",
      optOut: p.hasEmail ? optOutUrl(origin, p.personId) : null,
    })),
  });
}

export default function Nurture() {
  const { people } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/prospects">← All prospects</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Nurture list</h1>
          <p className="muted">
            Nurture-band people who opted in to educational content. Anyone who opts out disappears from here at once. Put each person's
            opt-out link in every email you send them.
          </p>
        </div>
      </div>
      {people.length === 0 ? (
        <div className="empty card">
          <p>No one to nurture yet.</p>
          <p>People land here when they pass the gates, are not ready now and ticked “Send me occasional educational content”.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Email</th>
                <th scope="col">Score</th>
                <th scope="col">Top pain theme</th>
                <th scope="col">Opt-out link</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.personId}>
                  <td>
                    <Link to={`/prospects/${p.personId}`}>{p.label}</Link>
                    {p.name ? <div className="muted small">{p.name}</div> : null}
                    {p.descriptor ? <div className="muted small">{p.descriptor}</div> : null}
                    {p.rejected ? <div className="small muted">Rejected by sales</div> : null}
                  </td>
                  <td>{p.email ?? <span className="muted">{p.optOut ? "hidden: no permission to contact" : "–"}</span>}</td>
                  <td>{p.score}</td>
                  <td>{p.topTheme ?? <span className="muted">–</span>}</td>
                  <td>
                    {p.optOut ? (
                      <a className="small break" href={p.optOut}>
                        One-click opt-out<span className="sr-only"> for {p.name ?? p.label}</span>
                      </a>
                    ) : (
                      <span className="muted">no email</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
