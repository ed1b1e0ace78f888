import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import { formI18n, useFormT } from "./i18n/i18n";
import { isFormLanguage, SOURCE_LANGUAGE } from "./i18n/languages";

/**
 * The public survey routes' error boundary: in the prospect's language when the error says it
 * (`surveyNotFound` puts it in the 404's data), else English; no link into the staff app.
 */
export function SurveyErrorBoundary() {
  const error = useRouteError();
  const data: unknown = isRouteErrorResponse(error) ? error.data : undefined;
  const lang = data && typeof data === "object" && "lang" in data && isFormLanguage(data.lang) ? data.lang : SOURCE_LANGUAGE;
  const message = data && typeof data === "object" && "message" in data && typeof data.message === "string" ? data.message : undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <I18nextProvider i18n={formI18n(lang)}>
      <div lang={lang}>
        <ErrorCard notFound={status === 404} message={message} />
      </div>
    </I18nextProvider>
  );
}

function ErrorCard({ notFound, message }: { notFound: boolean; message?: string }) {
  const t = useFormT();
  return (
    <div className="page--narrow survey">
      <div className="card" role="alert">
        <h1>{notFound ? t("notFoundTitle") : t("errorTitle")}</h1>
        <p>{message ?? t("errorText")}</p>
      </div>
    </div>
  );
}
