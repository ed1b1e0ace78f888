import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import { formI18n } from "~/surveys/i18n/i18n";
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
  // The form's own words in the prospect's language (i18next, ADR 0602); the survey's words come translated from the loader.
  return (
    <I18nextProvider i18n={formI18n(data.lang)}>
      <div lang={data.lang}>
        {data.state === "open" ? (
          <SurveyPage data={data as OpenSurveyData} />
        ) : (
          <SurveyUnavailable
            title={data.title}
            slug={data.slug}
            lang={data.lang}
            state={data.state}
            segment={"segment" in data ? data.segment : undefined}
          />
        )}
      </div>
    </I18nextProvider>
  );
}

export { SurveyErrorBoundary as ErrorBoundary } from "~/surveys/SurveyErrorBoundary";
