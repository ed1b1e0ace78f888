import type { ReactNode } from "react";
import type { AutosaveStatus as Status } from "~/surveys/flow/useAutosave";
import { useFormT } from "~/surveys/i18n/i18n";

/**
 * The page's buttons. One question at a time (JavaScript): "Next question" and "Previous question"
 * move within the page; on its last question "Next" posts the page as it always did.
 */
export function SurveyNav(props: {
  submitting: boolean;
  last: boolean;
  canGoBack: boolean;
  stepping: boolean;
  firstStep: boolean;
  lastStep: boolean;
  onNextQuestion: () => void;
  onPreviousQuestion: () => void;
}) {
  const { submitting, last, canGoBack, stepping, firstStep, lastStep } = props;
  const t = useFormT();
  return (
    <div className="row survey-nav">
      {stepping && !lastStep ? (
        <button type="button" onClick={props.onNextQuestion}>
          {t("nextQuestion")}
        </button>
      ) : (
        <button type="submit" data-next="" disabled={submitting}>
          {submitting ? t("saving") : last ? t("submit") : t("next")}
        </button>
      )}
      {stepping && !firstStep ? (
        <button type="button" className="button button--quiet" onClick={props.onPreviousQuestion}>
          {t("previousQuestion")}
        </button>
      ) : canGoBack ? (
        <button type="submit" name="intent" value="back" className="button button--quiet" disabled={submitting} formNoValidate>
          {t("previous")}
        </button>
      ) : null}
    </div>
  );
}

/** "Saving…" / "All answers saved": polite, so a screen reader hears it without losing its place. */
export function AutosaveStatus({ status }: { status: Status }) {
  const t = useFormT();
  const text = status === "saving" ? t("saving") : status === "saved" ? t("autosaved") : status === "failed" ? t("autosaveFailed") : "";
  return (
    <p className="small muted survey-autosave" role="status" data-testid="autosave-status">
      {text}
    </p>
  );
}

/** The resume link: on later pages always, on the first page once an autosave has created the response. */
export function ResumeLink({ url, children }: { url: string | undefined; children?: ReactNode }) {
  const t = useFormT();
  if (!url) return null;
  return (
    <div className="alert survey-resume">
      <p>
        <strong>{t("saveLink")}</strong>
      </p>
      <p>
        <a href={url} data-testid="resume-link" className="survey-resume__link">
          {url}
        </a>
      </p>
      {children}
    </div>
  );
}
