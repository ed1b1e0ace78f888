import { Link } from "@remix-run/react";
import { useFormT } from "~/surveys/i18n/i18n";

/**
 * The survey cannot be answered from this link: closed, full, the prospect's segment is full
 * (a quota, ADR 0602; their answers are kept), or a resume link that matches no response.
 */
export function SurveyUnavailable({
  title,
  slug,
  lang,
  state,
  segment,
}: {
  title: string;
  slug: string;
  lang: string;
  state: "closed" | "full" | "quota_full" | "bad_link";
  segment?: string;
}) {
  const t = useFormT();
  return (
    <div className="page--narrow survey">
      <div className="card">
        <h1>{title}</h1>
        {state === "closed" ? (
          <p role="status">{t("closed")}</p>
        ) : state === "full" ? (
          <p role="status">{t("full")}</p>
        ) : state === "quota_full" ? (
          <p role="status" data-testid="quota-full">
            {t("quotaFull", { segment: segment ?? "" })}
          </p>
        ) : (
          <>
            <p role="alert">{t("badLink")}</p>
            <p>
              <Link to={`/s/${slug}?lang=${lang}`}>{t("startAgain")}</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
