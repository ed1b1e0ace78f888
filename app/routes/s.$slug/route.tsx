import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import type { loader } from "./s.$slug.server";
import { SurveyPage, type OpenSurveyData } from "./SurveyPage";
import { SurveyUnavailable } from "./SurveyUnavailable";

export { action, loader } from "./s.$slug.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && "title" in data ? data.title : "Survey" },
  { name: "robots", content: "noindex" },
];

/** The answering cookie and no-store (a resumed page holds the prospect's answers) reach the document. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** An autosave changes nothing on screen: re-running the loader would remount the form under the prospect's typing. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export default function AnswerSurvey() {
  const data = useLoaderData<typeof loader>();
  if (data.state === "open") return <SurveyPage data={data as OpenSurveyData} />;
  return <SurveyUnavailable title={data.title} slug={data.slug} state={data.state} />;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
