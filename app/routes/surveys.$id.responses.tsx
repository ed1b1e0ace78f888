import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AlertList } from "~/components/Field";
import { ExportLinks, parseResponseFilters, ResponseFiltersForm, ResponsesTable, toResponseFilters } from "~/responses/ResponsesTable";
import { countResponses, listResponses, PAGE_SIZE } from "../../db/queries/response-listing";
import { redactListing } from "~/consent/redact.server";
import { getSurvey } from "../../db/queries/surveys";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { idParam, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Responses: ${data?.survey.title ?? "survey"} · Painmap` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const id = idParam(params.id);
  const database = db();
  const survey = await getSurvey(database, id);
  if (!survey) throw notFound("We could not find that survey.");
  const search = new URL(request.url).searchParams;
  search.delete("survey");
  const { filters, messages } = parseResponseFilters(search);
  const query = { ...toResponseFilters(filters), surveyId: id };
  const page = filters.page ?? 1;
  const [total, rows] = await Promise.all([
    countResponses(database, query),
    listResponses(database, query, page, PAGE_SIZE).then((list) => redactListing(database, list)),
  ]);
  // Only an empty page under filters needs to know whether the survey has any responses at all.
  const filtered = Boolean(filters.status || filters.source || filters.from || filters.to);
  const anyResponses = total > 0 || (filtered && (await countResponses(database, { surveyId: id })) > 0);
  return json({
    survey: { id: survey.id, title: survey.title, status: survey.status, slug: survey.slug },
    filters,
    messages,
    total,
    anyResponses,
    rows,
    page,
    pageSize: PAGE_SIZE,
  });
}

export default function SurveyResponses() {
  const { survey, filters, messages, total, anyResponses, rows, page, pageSize } = useLoaderData<typeof loader>();
  const basePath = `/surveys/${survey.id}/responses`;
  return (
    <div className="page">
      <p className="small">
        <Link to="/responses">All responses</Link> · <Link to={`/surveys/${survey.id}/edit`}>Edit survey</Link>
      </p>
      <div className="page-head">
        <h1>Responses: {survey.title}</h1>
        <div className="row">
          <Link className="button button--secondary" to={`/surveys/${survey.id}/import`}>
            Import from CSV
          </Link>
          {total > 0 ? <ExportLinks filters={{ ...filters, page: undefined }} survey={survey.id} /> : null}
        </div>
      </div>
      <AlertList messages={messages} tone="warn" />
      <ResponseFiltersForm filters={filters} action={basePath} />
      <ResponsesTable
        rows={rows}
        total={total}
        page={page}
        pageSize={pageSize}
        filters={filters}
        basePath={basePath}
        emptyMessage={
          anyResponses ? (
            <p>
              No responses match these filters. <Link to={basePath}>Clear the filters</Link>.
            </p>
          ) : survey.status === "draft" ? (
            <p>
              No responses yet. <Link to={`/surveys/${survey.id}/edit`}>Publish the survey</Link> and share its link, or{" "}
              <Link to={`/surveys/${survey.id}/import`}>import responses from a CSV</Link>.
            </p>
          ) : (
            <p>
              No responses yet. Share the survey's link (<code>/s/{survey.slug}</code>), or{" "}
              <Link to={`/surveys/${survey.id}/import`}>import responses from a CSV</Link>.
            </p>
          )
        }
      />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
