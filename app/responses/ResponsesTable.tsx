import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { FilterSelect } from "../components/FilterSelect";
import { formatDate } from "../components/format";
import type { ResponseFilters } from "../../db/queries/response-listing";

/**
 * The responses table and its filter form, shared by /responses (all surveys) and
 * /surveys/:id/responses (one survey). Filters are GET parameters of a plain form, so the page
 * works without JavaScript and every filtered view has a link.
 */

const RESPONSE_STATUSES = ["complete", "partial"] as const;
const RESPONSE_SOURCES = ["marketing", "sales", "partner", "unknown"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "That is not a real date.",
  );

/** One schema per parameter, so a bad one is dropped (with a message) and the rest still apply. */
const ResponseFilterFields = {
  status: z.enum(RESPONSE_STATUSES, { message: "Status must be complete or partial." }),
  source: z.enum(RESPONSE_SOURCES, { message: "Source must be marketing, sales, partner or unknown." }),
  survey: z.coerce
    .number({ message: "Choose a survey from the list." })
    .int("Choose a survey from the list.")
    .positive("Choose a survey from the list.")
    .max(2 ** 31),
  from: day,
  to: day,
  page: z.coerce
    .number({ message: "Page must be a number." })
    .int("Page must be a whole number.")
    .min(1, "Page starts at 1.")
    .max(1_000_000),
};

const LABELS: Record<keyof typeof ResponseFilterFields, string> = {
  status: "Status",
  source: "Source",
  survey: "Survey",
  from: "From",
  to: "To",
  page: "Page",
};

/** The filters once parsed: each field optional, of the type its schema gives. */
export type ResponseFilterInput = { [K in keyof typeof ResponseFilterFields]?: z.infer<(typeof ResponseFilterFields)[K]> };

/** Valid parameters are kept; each invalid one is ignored and explained. Never throws. */
export function parseResponseFilters(params: URLSearchParams): { filters: ResponseFilterInput; messages: string[] } {
  const filters: Record<string, unknown> = {};
  const messages: string[] = [];
  for (const key of Object.keys(ResponseFilterFields) as Array<keyof typeof ResponseFilterFields>) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") continue;
    const result = ResponseFilterFields[key].safeParse(raw.trim());
    if (result.success) filters[key] = result.data;
    else messages.push(`${LABELS[key]} "${raw.slice(0, 40)}" was ignored: ${result.error.issues[0]?.message ?? "invalid value"}`);
  }
  const parsed = filters as ResponseFilterInput;
  if (parsed.from && parsed.to && parsed.from > parsed.to) messages.push("The From date is after the To date, so nothing can match.");
  return { filters: parsed, messages };
}

/** The filters as the response-listing queries take them. */
export function toResponseFilters(filters: ResponseFilterInput): ResponseFilters {
  return { status: filters.status, source: filters.source, surveyId: filters.survey, from: filters.from, to: filters.to };
}

/** Query string of the filters (without the page unless given). */
function filterQuery(filters: ResponseFilterInput, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page: undefined, ...extra })) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export interface ResponsesTableRow {
  id: number;
  surveyId: number;
  surveyTitle: string;
  status: string;
  source: string;
  utmCampaign: string | null;
  rep: string | null;
  origin: string;
  startedAt: string;
  completedAt: string | null;
  personName: string | null;
  personEmail: string | null;
  company: string | null;
  painPreview: string | null;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={status === "complete" ? "badge badge--ok" : "badge badge--warn"}>{status}</span>;
}

export function ResponseFiltersForm(props: {
  filters: ResponseFilterInput;
  surveys?: Array<{ id: number; title: string }>;
  action: string;
}) {
  const { filters } = props;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === props.action;
  return (
    <Form method="get" action={props.action} className="filters" aria-label="Filter responses">
      <FilterSelect
        id="filter-status"
        name="status"
        label="Status"
        value={filters.status ?? ""}
        anyLabel="Any status"
        options={[
          { value: "complete", label: "Complete" },
          { value: "partial", label: "Partial" },
        ]}
      />
      <FilterSelect
        id="filter-source"
        name="source"
        label="Source"
        value={filters.source ?? ""}
        anyLabel="Any source"
        options={RESPONSE_SOURCES.map((s) => ({ value: s, label: s }))}
      />
      {props.surveys ? (
        <FilterSelect
          id="filter-survey"
          name="survey"
          label="Survey"
          value={filters.survey ? String(filters.survey) : ""}
          anyLabel="All surveys"
          options={props.surveys.map((s) => ({ value: String(s.id), label: `${s.title} (#${s.id})` }))}
        />
      ) : null}
      <div className="field">
        <label htmlFor="filter-from">Started from</label>
        <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">Started to</label>
        <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} />
      </div>
      <div className="row">
        <button type="submit" className="button--secondary" disabled={loading}>
          {loading ? "Filtering…" : "Apply filters"}
        </button>
        <Link to={props.action} className="button button--quiet">
          Clear
        </Link>
      </div>
    </Form>
  );
}

export function ResponsesTable(props: {
  rows: ResponsesTableRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: ResponseFilterInput;
  basePath: string;
  showSurvey?: boolean;
  emptyMessage: ReactNode;
}) {
  const { rows, total, page, pageSize, filters, basePath } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <section aria-labelledby="responses-count">
      <p id="responses-count" className="muted" role="status">
        {total === 0 ? "No matching responses" : `${total} matching ${total === 1 ? "response" : "responses"}`}
        {total > pageSize ? ` · showing ${first}–${last}` : ""}
      </p>
      {rows.length === 0 ? (
        <div className="empty card">{props.emptyMessage}</div>
      ) : (
        <div className="table-wrap">
          <table className="responses-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Completed</th>
                <th scope="col">Status</th>
                {props.showSurvey ? <th scope="col">Survey</th> : null}
                <th scope="col">Source</th>
                <th scope="col">Campaign</th>
                <th scope="col">Rep</th>
                <th scope="col">Company</th>
                <th scope="col">Respondent</th>
                <th scope="col">Pain story</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">
                    <Link to={`/responses/${r.id}`} aria-label={`Response #${r.id}, started ${formatDate(r.startedAt)}`}>
                      {formatDate(r.startedAt)}
                    </Link>
                  </td>
                  <td className="nowrap">{formatDate(r.completedAt) || <span className="muted">–</span>}</td>
                  <td>
                    <StatusBadge status={r.status} />
                    {r.origin === "import" ? <span className="badge badge--accent">imported</span> : null}
                  </td>
                  {props.showSurvey ? (
                    <td>
                      <Link to={`/surveys/${r.surveyId}/responses`}>{r.surveyTitle}</Link>
                    </td>
                  ) : null}
                  <td>{r.source}</td>
                  <td>{r.utmCampaign ?? ""}</td>
                  <td>{r.rep ?? ""}</td>
                  <td>{r.company ?? ""}</td>
                  <td>
                    {r.personName ? <div>{r.personName}</div> : null}
                    {r.personEmail ? <div className="muted small">{r.personEmail}</div> : null}
                    {!r.personName && !r.personEmail ? <span className="muted">anonymous</span> : null}
                  </td>
                  <td className="responses-table__story">{r.painPreview ?? <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination row" aria-label="Pages">
          {page > 1 ? (
            <Link
              className="button button--secondary button--small"
              to={`${basePath}${filterQuery(filters, { page: page - 1 })}`}
              rel="prev"
            >
              Previous page
            </Link>
          ) : null}
          <span className="muted">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link
              className="button button--secondary button--small"
              to={`${basePath}${filterQuery(filters, { page: page + 1 })}`}
              rel="next"
            >
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

export function ExportLinks({ filters, survey }: { filters: ResponseFilterInput; survey?: number }) {
  const query = (format: string) => filterQuery({ ...filters, ...(survey ? { survey } : {}) }, { format });
  return (
    <div className="row">
      <a className="button button--secondary" href={`/responses/export${query("csv")}`} download>
        Export CSV
      </a>
      <a className="button button--secondary" href={`/responses/export${query("json")}`} download>
        Export JSON
      </a>
      <a className="button button--secondary" href={`/responses/export${query("xlsx")}`} download>
        Export Excel
      </a>
    </div>
  );
}
