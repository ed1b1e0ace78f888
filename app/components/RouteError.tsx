import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/**
 * Every route's ErrorBoundary: an error in one page shows inside the app's layout (navigation
 * stays usable) instead of replacing the whole document, as the root boundary has to.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let message = "An unexpected error happened. Please try again.";
  if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? "Not found" : error.status === 403 ? "Not allowed" : `${error.status} ${error.statusText}`;
    if (typeof error.data === "string" && error.data) message = error.data;
    else if (error.status === 404) message = "We could not find that page.";
  }
  return (
    <div className="page page--narrow" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </div>
  );
}
