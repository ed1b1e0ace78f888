/**
 * The parts of a survey page that the public form and the builder's preview show alike, so the
 * preview stays "exactly as a prospect sees it" by construction rather than by a kept-in-step copy.
 */
import { useFormT } from "~/surveys/i18n/i18n";
import type { ErrorLink } from "./flow/error-links";

/** "Page N of M" and its progress bar (the share of pages already behind the prospect). The heading takes focus after "Next". */
export function SurveyProgress({ pageIndex, pageCount }: { pageIndex: number; pageCount: number }) {
  const t = useFormT();
  const percent = Math.round(((pageIndex - 1) / pageCount) * 100);
  return (
    <div className="survey-progress">
      {/* A live region itself: when "Next" brings a new page (with JavaScript) its number is announced. */}
      <h2 className="survey-progress__label" id="survey-progress-label" tabIndex={-1} aria-live="polite">
        {t("progress", { page: pageIndex, count: pageCount })}
      </h2>
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

/** One question at a time: "Question 2 of 3 on this page · Keys: …" above the question. */
export function QuestionStep({ index, count }: { index: number; count: number }) {
  const t = useFormT();
  return (
    <p className="small muted" data-testid="question-step">
      {t("questionOf", { index: index + 1, total: count })} · {t("keysHint")}
    </p>
  );
}

/** The summary above the questions when some answers were refused; each answer's own message sits at its field. */
export function FieldErrorSummary({
  count,
  links = [],
  onFollow,
}: {
  count: number;
  /** one link per refused field, to the control that fixes it (works without JavaScript as a plain #anchor) */
  links?: ErrorLink[];
  onFollow?: (link: ErrorLink) => void;
}) {
  const t = useFormT();
  if (!count) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>
        {t("errorSummary", { count })} {t("answersKept")}
      </p>
      {links.length ? (
        <ul className="error-summary__list">
          {links.map((l) => (
            <li key={l.target}>
              <a
                href={`#${l.target}`}
                onClick={(event) => {
                  // With JavaScript the control itself takes focus (an #anchor only scrolls to it).
                  event.preventDefault();
                  onFollow?.(l);
                  requestAnimationFrame(() => document.getElementById(l.target)?.focus());
                }}
              >
                {l.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
