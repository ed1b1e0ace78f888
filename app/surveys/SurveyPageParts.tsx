/**
 * The parts of a survey page that the public form and the builder's preview show alike, so the
 * preview stays "exactly as a prospect sees it" by construction rather than by a kept-in-step copy.
 */
import { useFormT } from "~/surveys/i18n/i18n";

/** "Page N of M" and its progress bar (the share of pages already behind the prospect). */
export function SurveyProgress({ pageIndex, pageCount }: { pageIndex: number; pageCount: number }) {
  const t = useFormT();
  const percent = Math.round(((pageIndex - 1) / pageCount) * 100);
  return (
    <div className="survey-progress">
      <p className="small muted" id="survey-progress-label">
        {t("progress", { page: pageIndex, count: pageCount })}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby="survey-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** The summary above the questions when some answers were refused; each answer's own message sits at its field. */
export function FieldErrorSummary({ count }: { count: number }) {
  const t = useFormT();
  if (!count) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>
        {t("errorSummary", { count })} {t("answersKept")}
      </p>
    </div>
  );
}
