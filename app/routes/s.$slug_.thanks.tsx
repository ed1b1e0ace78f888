import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadAnsweringSurvey, SURVEY_NOT_FOUND } from "~/surveys/submission.server";
import { notFound } from "~/utils/http.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Thank you · ${data.title}` : "Thank you" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const s = await loadAnsweringSurvey(db(), params.slug ?? "");
  if (!s) throw notFound(SURVEY_NOT_FOUND);
  return json({ title: s.survey.title });
}

/** The end of the survey (also what a bot that filled the honeypot sees). */
export default function Thanks() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page--narrow survey">
      <div className="card">
        <h1>Thank you!</h1>
        <p role="status">Your answers to “{data.title}” are saved. We read every one of them.</p>
        <p className="muted">You can close this page now.</p>
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
