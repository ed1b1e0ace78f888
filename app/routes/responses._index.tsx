import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AlertList } from "~/components/Field";
import { ExportLinks, parseResponseFilters, ResponseFiltersForm, ResponsesTable, toResponseFilters } from "~/responses/ResponsesTable";
import { countResponses, listResponses, PAGE_SIZE } from "../../db/queries/response-listing";
import { redactListing } from "~/consent/redact.server";
import { listSurveyChoices } from "../../db/queries/surveys";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Responses · Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const { filters, messages } = parseResponseFilters(new URL(request.url).searchParams);
  const query = toResponseFilters(filters);
  const page = filters.page ?? 1;
  const database = db();
  const [total, rows, surveys] = await Promise.all([
    countResponses(database, query),
    listResponses(database, query, page, PAGE_SIZE).then((list) => redactListing(database, list)),
    listSurveyChoices(database),
  ]);
  return json({ filters, messages, total, rows, page, pageSize: PAGE_SIZE, surveys });
}

export default function ResponsesIndex() {
  const { filters, messages, total, rows, page, pageSize, surveys } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.status || filters.source || filters.survey || filters.from || filters.to);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Responses</h1>
        {total > 0 ? <ExportLinks filters={{ ...filters, page: undefined }} /> : null}
      </div>
      <AlertList messages={messages} tone="warn" />
      <ResponseFiltersForm filters={filters} surveys={surveys} action="/responses" />
      <ResponsesTable
        rows={rows}
        total={total}
        page={page}
        pageSize={pageSize}
        filters={filters}
        basePath="/responses"
        showSurvey
        emptyMessage={
          filtered ? (
            <p>
              No responses match these filters. <Link to="/responses">Clear the filters</Link> to see every response.
            </p>
          ) : surveys.length === 0 ? (
            <p>
              No responses yet. <Link to="/surveys/new">Create a survey</Link>, publish it and share its link.
            </p>
          ) : (
            <p>No responses yet. Share a published survey's link, or import responses from a CSV on a survey's responses page.</p>
          )
        }
      />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
