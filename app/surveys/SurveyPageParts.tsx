/**
 * The parts of a survey page that the public form and the builder's preview show alike, so the
 * preview stays "exactly as a prospect sees it" by construction rather than by a kept-in-step copy.
 */

/** "Page N of M" and its progress bar (the share of pages already behind the prospect). */
export function SurveyProgress({ pageIndex, pageCount }: { pageIndex: number; pageCount: number }) {
  const percent = Math.round(((pageIndex - 1) / pageCount) * 100);
  return (
    <div className="survey-progress">
      <p className="small muted" id="survey-progress-label">
        Page {pageIndex} of {pageCount}
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
  if (!count) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{count === 1 ? "One answer needs your attention." : `${count} answers need your attention.`} Your other answers are kept.</p>
    </div>
  );
}
