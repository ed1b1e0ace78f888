import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { listOwners } from "../../db/queries/prospects";
import { FilterSelect } from "~/components/FilterSelect";
import { BandBadge, StatusBadge } from "~/prospects/BandBadge";
import { filterProspects, prospectViews } from "~/prospects/prospect-views.server";
import { BAND_LABELS, triggerLabel } from "~/prospects/readiness";
import { ALL_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Prospects · Painmap" }];

/** Filters come from the query string; anything unknown is ignored rather than an error. */
export const ProspectFilterSchema = z.object({
  band: z.enum(["", "ready_now", "nurture", "not_a_fit"]).catch(""),
  source: z.enum(["", "marketing", "sales", "partner", "unknown"]).catch(""),
  trigger: z
    .string()
    .max(40)
    .regex(/^[a-z_]*$/)
    .catch(""),
  theme: z.coerce.number().int().positive().nullable().catch(null),
  owner: z
    .string()
    .max(12)
    .regex(/^(|me|none|\d+)$/)
    .catch(""),
  status: z.enum(["", "new", "accepted", "rejected"]).catch(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, ALL_ROLES);
  const params = new URL(request.url).searchParams;
  const filters = ProspectFilterSchema.parse({
    band: params.get("band") ?? "",
    source: params.get("source") ?? "",
    trigger: params.get("trigger") ?? "",
    theme: params.get("theme") || null,
    owner: params.get("owner") ?? "",
    status: params.get("status") ?? "",
  });
  const database = db();
  const [all, owners] = await Promise.all([prospectViews(database), listOwners(database)]);
  const list = filterProspects(all, filters, me.id);
  const counts = { ready_now: 0, nurture: 0, not_a_fit: 0 };
  for (const p of all) counts[p.effectiveBand]++;
  const triggerTypes = [...new Set(all.flatMap((p) => p.triggers.map((t) => t.type)))].sort();
  const themes = new Map<number, string>();
  for (const p of all) for (const t of p.themes) themes.set(t.id, t.label);
  return json({
    filters,
    counts,
    total: all.length,
    owners,
    triggerTypes: triggerTypes.map((type) => ({ type, label: triggerLabel(type) })),
    themes: [...themes].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label)),
    prospects: list.slice(0, 500).map((p) => ({
      personId: p.personId,
      name: p.name,
      company: p.company,
      role: p.role,
      source: p.source,
      score: p.score,
      band: p.effectiveBand,
      status: p.status,
      ownerName: p.ownerName,
      topTheme: p.topTheme?.label ?? null,
      trigger: p.trigger,
      quote: p.quote,
      firstReason: p.reasons[0]?.text ?? null,
    })),
    shown: list.length,
  });
}

const BANDS = ["ready_now", "nurture", "not_a_fit"] as const;
const SOURCE_OPTIONS = [
  { value: "marketing", label: "Marketing" },
  { value: "sales", label: "Sales" },
  { value: "partner", label: "Partner" },
  { value: "unknown", label: "Unknown" },
];
const OWNER_OPTIONS = [
  { value: "me", label: "Me" },
  { value: "none", label: "Unassigned" },
];
const STATUS_OPTIONS = [
  { value: "new", label: "New" },
  { value: "accepted", label: "Accepted" },
  { value: "rejected", label: "Rejected" },
];

export default function Prospects() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const f = data.filters;
  const filtered = Object.values(f).some((v) => v !== "" && v !== null);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Prospects</h1>
          <p className="muted">
            Sorted by readiness to buy. {data.counts.ready_now} ready now · {data.counts.nurture} nurture · {data.counts.not_a_fit} not a
            fit.
          </p>
        </div>
        <div className="row">
          <Link className="button button--secondary" to="/prospects/nurture">
            Nurture list
          </Link>
          <a className="button button--secondary" href="/prospects/export.csv?format=hubspot" download>
            Export ready now (HubSpot CSV)
          </a>
          <a className="button button--secondary" href="/prospects/export.csv?format=salesforce" download>
            Salesforce CSV
          </a>
        </div>
      </div>

      <Form method="get" className="filters" aria-label="Filter prospects">
        <FilterSelect
          id="f-band"
          name="band"
          label="Band"
          value={f.band}
          anyLabel="All bands"
          options={BANDS.map((b) => ({ value: b, label: BAND_LABELS[b] }))}
        />
        <FilterSelect id="f-source" name="source" label="Source" value={f.source} anyLabel="All sources" options={SOURCE_OPTIONS} />
        <FilterSelect
          id="f-trigger"
          name="trigger"
          label="Trigger"
          value={f.trigger}
          anyLabel="Any trigger"
          options={data.triggerTypes.map((t) => ({ value: t.type, label: t.label }))}
        />
        <FilterSelect
          id="f-theme"
          name="theme"
          label="Pain theme"
          value={f.theme === null ? "" : String(f.theme)}
          anyLabel="Any theme"
          options={data.themes.map((t) => ({ value: String(t.id), label: t.label }))}
        />
        <FilterSelect
          id="f-owner"
          name="owner"
          label="Owner"
          value={f.owner}
          anyLabel="Anyone"
          options={[...OWNER_OPTIONS, ...data.owners.map((o) => ({ value: String(o.id), label: o.name }))]}
        />
        <FilterSelect id="f-status" name="status" label="Status" value={f.status} anyLabel="Any status" options={STATUS_OPTIONS} />
        <button type="submit" disabled={navigation.state === "loading"}>
          {navigation.state === "loading" ? "Filtering…" : "Filter"}
        </button>
        {filtered ? (
          <Link to="/prospects" className="button button--quiet">
            Clear filters
          </Link>
        ) : null}
      </Form>

      {data.total === 0 ? (
        <div className="empty card">
          <p>No one has been scored yet.</p>
          <p>
            Prospects appear here when people complete a survey. Share a survey link from <Link to="/surveys">Surveys</Link>, or check the{" "}
            <Link to="/admin/profile">qualification profile</Link>.
          </p>
        </div>
      ) : data.prospects.length === 0 ? (
        <div className="empty card">
          <p>No prospects match these filters.</p>
          <p>
            <Link to="/prospects">Clear the filters</Link> to see all {data.total}.
          </p>
        </div>
      ) : (
        <>
          <p className="muted small" role="status">
            {data.shown === data.total ? `${data.total} prospects` : `${data.shown} of ${data.total} prospects`}
            {data.shown > data.prospects.length ? ` (first ${data.prospects.length} shown)` : ""}
          </p>
          <div className="table-wrap">
            <table className="prospects-table">
              <thead>
                <tr>
                  <th scope="col">Score</th>
                  <th scope="col">Prospect</th>
                  <th scope="col">Role</th>
                  <th scope="col">Top pain theme</th>
                  <th scope="col">Trigger</th>
                  <th scope="col">Key quote</th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
                {data.prospects.map((p) => (
                  <tr key={p.personId}>
                    <td>
                      <strong className="score">{p.score}</strong> <BandBadge band={p.band} /> <StatusBadge status={p.status} />
                    </td>
                    <td>
                      <Link to={`/prospects/${p.personId}`}>{p.company || p.name || `Person ${p.personId}`}</Link>
                      {p.company && p.name ? <div className="muted small">{p.name}</div> : null}
                      <div className="muted small">{p.source}</div>
                    </td>
                    <td>{p.role ?? <span className="muted">–</span>}</td>
                    <td>{p.topTheme ?? <span className="muted">–</span>}</td>
                    <td>
                      {p.trigger ? (
                        <>
                          {p.trigger.label} <span className="muted small">({p.trigger.timing})</span>
                        </>
                      ) : (
                        <span className="muted">None</span>
                      )}
                    </td>
                    <td className="prospects-table__quote">{p.quote ? <q>{p.quote}</q> : <span className="muted">–</span>}</td>
                    <td>{p.ownerName ?? <span className="muted">Unassigned</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
