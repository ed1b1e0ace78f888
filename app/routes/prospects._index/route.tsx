import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FilterSelect } from "~/components/FilterSelect";
import { prospectListData } from "~/prospects/prospect-list.server";
import { ProspectsTable } from "~/prospects/ProspectsTable";
import { BAND_LABELS } from "~/prospects/readiness";
import { duplicateCount } from "~/prospects/duplicates-view.server";
import { ALL_ROLES, MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Prospects · Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, ALL_ROLES);
  const database = db();
  // Merging is marketing's job (ADR 0402): only they are shown the count and the link.
  const duplicates = MARKETING_ROLES.includes(me.role) ? await duplicateCount(database) : null;
  return json({ ...(await prospectListData(database, new URL(request.url).searchParams, me.id)), duplicates });
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
          <p className="muted" data-testid="band-counts">
            Ready now first, then nurture, then not a fit; by score within each. {data.counts.ready_now} ready now · {data.counts.nurture}{" "}
            nurture · {data.counts.not_a_fit} not a fit{filtered ? " (with these filters)" : ""}.
          </p>
        </div>
        <div className="row">
          <Link className="button button--secondary" to="/prospects/today">
            Ready now, not yet contacted
          </Link>
          <Link className="button button--secondary" to="/prospects/nurture">
            Nurture list
          </Link>
          {data.duplicates !== null ? (
            <Link className="button button--secondary" to="/prospects/duplicates" data-testid="duplicates-link">
              Likely duplicates ({data.duplicates})
            </Link>
          ) : null}
          <a className="button button--secondary" href="/prospects/export.csv?format=hubspot" download>
            Export ready now (HubSpot CSV)
          </a>
          <a className="button button--secondary" href="/prospects/export.csv?format=salesforce" download>
            Salesforce CSV
          </a>
          <a className="button button--secondary" href="/prospects/export.xlsx?format=hubspot" download>
            Excel
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
          <p className="muted small" role="status" data-testid="shown-count">
            {data.shown} {data.shown === 1 ? "prospect" : "prospects"}
            {filtered ? " match these filters" : ""}
            {data.shown > data.prospects.length ? ` (first ${data.prospects.length} shown)` : ""}
          </p>
          <ProspectsTable rows={data.prospects} />
        </>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
