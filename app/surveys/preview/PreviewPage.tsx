import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { FormErrors } from "~/components/Field";
import { SurveyQuestion } from "~/surveys/SurveyQuestion";
import type { FormValues, PublicQuestion } from "~/surveys/answer-schema";
import type { PageLogic } from "~/surveys/logic/page-logic.server";
import { parseShownPage } from "~/surveys/logic/page";
import { useLiveLogic } from "~/surveys/logic/useLiveLogic";
import type { PreviewAnswers } from "./preview";
import { formDataToObject, type FieldErrors } from "~/utils/forms";
import { clearExclusiveOthers } from "../flow/exclusive";
import { errorLinks } from "../flow/error-links";
import { useOneAtATime } from "../flow/useOneAtATime";
import { useFormT } from "../i18n/i18n";
import { FieldErrorSummary, QuestionStep, SurveyProgress } from "../SurveyPageParts";
import { SurveyNav } from "../SurveyNav";

interface Step {
  done: false;
  pageIndex: number;
  pageCount: number;
  questions: PublicQuestion[];
  values: FormValues;
  answers: PreviewAnswers;
  logic: PageLogic;
  /** the survey's "one question at a time" setting: the preview steps through the page as a prospect's browser does */
  oneAtATime: boolean;
  errors?: FieldErrors;
}
type LoaderShape = { id: number; title: string; intro: string; status: string } & ({ empty: true } | { empty: false; step: Step });
type ActionShape = { step: Step | { done: true } } | { ok: false; errors: FieldErrors } | undefined;

/**
 * The preview: the public form's markup (same classes, question component, logic and checks),
 * under a banner that says nothing is saved; the answers so far ride in a hidden field.
 */
export function PreviewPage() {
  const data = useLoaderData() as unknown as LoaderShape;
  const result = useActionData() as unknown as ActionShape;
  const back = `/surveys/${data.id}/edit`;
  const banner = (
    <div className="alert alert--warn preview-banner">
      <p>
        <strong>Preview</strong> of the {data.status} survey, as a prospect sees it. Nothing you enter is saved.{" "}
        <Link to={back}>Back to the builder</Link>
      </p>
    </div>
  );
  if (data.empty)
    return (
      <div className="page--narrow survey">
        {banner}
        <div className="card empty">
          <p>This survey has no questions yet. Add one in the builder, then preview it.</p>
        </div>
      </div>
    );
  const step = result && "step" in result ? result.step : data.step;
  const formError = result && "errors" in result ? result.errors[""] : undefined;
  if (step.done)
    return (
      <div className="page--narrow survey">
        {banner}
        <div className="card">
          <h1>{data.title}</h1>
          <p role="status">The prospect would now see the thank-you page. Nothing was saved.</p>
          <p>
            <Link to={`/surveys/${data.id}/preview`} reloadDocument>
              Preview again from the start
            </Link>
          </p>
        </div>
      </div>
    );
  return (
    <PreviewForm
      key={`${step.pageIndex}-${JSON.stringify(step.answers).length}`}
      title={data.title}
      intro={data.intro}
      step={step}
      banner={banner}
      formError={formError}
    />
  );
}

function PreviewForm(props: { title: string; intro: string; step: Step; banner: JSX.Element; formError?: string[] }) {
  const { step } = props;
  const t = useFormT();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | undefined>();
  const live = useLiveLogic(step.logic, step.questions, formRef);
  const errors = clientErrors ?? step.errors;
  const fieldErrorCount = errors ? Object.keys(errors).filter((k) => k !== "").length : 0;
  const submitting = navigation.state === "submitting";
  // One question at a time, as the public page steps (ADR 0601): the same hook, buttons and checks.
  const shown = step.questions.filter((q) => !live.hidden.has(q.id));
  const one = useOneAtATime(step.oneAtATime, shown, formRef, String(step.pageIndex));
  const links = errorLinks(shown, errors, (prompt, message) => t("errorLink", { prompt, message }));
  const [announce, setAnnounce] = useState("");
  useEffect(() => {
    if (one.active && one.count > 1) setAnnounce(t("questionOf", { index: one.index + 1, total: one.count }));
  }, [one.active, one.index, one.count, t]);
  const firstRefused = links[0]?.questionId;
  const showQuestion = one.showQuestion;
  useEffect(() => {
    if (firstRefused !== undefined) showQuestion(firstRefused);
  }, [firstRefused, showQuestion]);

  const validate = (questions: PublicQuestion[]) =>
    parseShownPage(step.logic.questions, questions, new Map(step.logic.prior), formDataToObject(new FormData(formRef.current!)), "next");

  function refuse(found: FieldErrors) {
    setClientErrors(found);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
  }

  function validateBeforePost(event: FormEvent<HTMLFormElement>) {
    if ((event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "back") return setClientErrors(undefined);
    const parsed = validate(step.questions);
    if (parsed.success) return setClientErrors(undefined);
    event.preventDefault();
    refuse(parsed.errors);
  }

  /** Check this question alone, then show the next one; after the last, post the page (nothing is written). */
  function advance() {
    if (!one.current || one.isLast) {
      formRef.current?.requestSubmit(formRef.current.querySelector<HTMLButtonElement>("button[data-next]") ?? undefined);
      return;
    }
    const parsed = validate([one.current]);
    if (!parsed.success) return refuse(parsed.errors);
    setClientErrors(undefined);
    one.next();
  }
  one.setAdvance(advance);

  function changed(event: ChangeEvent<HTMLFormElement>) {
    // Exclusive choices ("None of these") clear the others, and the others clear them.
    clearExclusiveOthers(formRef.current, event.target as unknown as HTMLInputElement);
    live.onChange();
  }

  return (
    <div className="page--narrow survey">
      {props.banner}
      <h1>{props.title}</h1>
      <SurveyProgress pageIndex={step.pageIndex} pageCount={step.pageCount} />
      <p className="sr-only" aria-live="polite" data-testid="announcer">
        {announce}
      </p>
      {step.pageIndex === 1 && props.intro ? <p>{props.intro}</p> : null}
      <FormErrors errors={props.formError} />
      <FieldErrorSummary count={fieldErrorCount} links={links} onFollow={(l) => one.showQuestion(l.questionId)} />
      <Form method="post" noValidate ref={formRef} onSubmit={validateBeforePost} onChange={changed} className="card">
        <input type="hidden" name="page" value={step.pageIndex} />
        <input type="hidden" name="answers" value={JSON.stringify(step.answers)} />
        {one.active && one.count > 1 ? <QuestionStep index={one.index} count={one.count} /> : null}
        {step.questions.map((q) => (
          <div key={q.id} hidden={live.hidden.has(q.id) || (one.current !== undefined && one.current.id !== q.id)} data-question={q.id}>
            {live.hints[q.id] ? <p className="help logic-hint">{live.hints[q.id]}</p> : null}
            <SurveyQuestion question={q} values={step.values} errors={errors} shortcuts={one.active} />
          </div>
        ))}
        <SurveyNav
          submitting={submitting}
          last={step.pageIndex >= step.pageCount}
          canGoBack={step.pageIndex > 1}
          stepping={one.active && !!one.current}
          firstStep={one.index === 0}
          lastStep={one.isLast}
          onNextQuestion={advance}
          onPreviousQuestion={one.previous}
        />
      </Form>
    </div>
  );
}
