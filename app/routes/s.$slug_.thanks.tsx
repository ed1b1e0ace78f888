import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import { answeringLanguage } from "~/surveys/i18n/answering.server";
import { formI18n, useFormT } from "~/surveys/i18n/i18n";
import { surveyNotFound } from "~/surveys/i18n/public-errors.server";
import { loadAnsweringSurvey } from "~/surveys/submission.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? formI18n(data.lang).t("thanksPageTitle", { title: data.title }) : "Thank you" },
  { name: "robots", content: "noindex" },
];

/** In the language the prospect answered in (`?lang=` from the last page post, else their browser's), with the survey's title in it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const s = await loadAnsweringSurvey(db(), params.slug ?? "");
  if (!s) throw surveyNotFound(request);
  const language = answeringLanguage(request, s, new URL(request.url).searchParams.get("lang"));
  return json({ title: language.title, lang: language.lang });
}

/** The end of the survey (also what a bot that filled the honeypot sees). */
export default function Thanks() {
  const data = useLoaderData<typeof loader>();
  return (
    <I18nextProvider i18n={formI18n(data.lang)}>
      <div lang={data.lang}>
        <ThanksCard title={data.title} />
      </div>
    </I18nextProvider>
  );
}

function ThanksCard({ title }: { title: string }) {
  const t = useFormT();
  return (
    <div className="page--narrow survey">
      <div className="card">
        <h1>{t("thanksTitle")}</h1>
        <p role="status">{t("thanksSaved", { title })}</p>
        <p className="muted">{t("thanksClose")}</p>
      </div>
    </div>
  );
}

export { SurveyErrorBoundary as ErrorBoundary } from "~/surveys/SurveyErrorBoundary";
