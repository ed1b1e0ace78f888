import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { FormErrors } from "~/components/Field";
import { SurveyQuestion } from "~/surveys/SurveyQuestion";
import type { FormValues, PublicQuestion } from "~/surveys/answer-schema";
import type { PageLogic } from "~/surveys/logic/page-logic.server";
import { parseShownPage } from "~/surveys/logic/page";
import { useLiveLogic } from "~/surveys/logic/useLiveLogic";
import type { PreviewAnswers } from "./preview";
import { formDataToObject, type FieldErrors } from "~/utils/forms";
import { FieldErrorSummary, SurveyProgress } from "../SurveyPageParts";

interface Step {
  done: false;
  pageIndex: number;
  pageCount: number;
  questions: PublicQuestion[];
  values: FormValues;
  answers: PreviewAnswers;
  logic: PageLogic;
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
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | undefined>();
  const live = useLiveLogic(step.logic, step.questions, formRef);
  const errors = clientErrors ?? step.errors;
  const fieldErrorCount = errors ? Object.keys(errors).filter((k) => k !== "").length : 0;
  const last = step.pageIndex >= step.pageCount;
  const submitting = navigation.state === "submitting";

  function validateBeforePost(event: FormEvent<HTMLFormElement>) {
    if ((event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "back") return setClientErrors(undefined);
    const typed = formDataToObject(new FormData(event.currentTarget));
    const parsed = parseShownPage(step.logic.questions, step.questions, new Map(step.logic.prior), typed, "next");
    if (parsed.success) return setClientErrors(undefined);
    event.preventDefault();
    setClientErrors(parsed.errors);
  }

  return (
    <div className="page--narrow survey">
      {props.banner}
      <h1>{props.title}</h1>
      <SurveyProgress pageIndex={step.pageIndex} pageCount={step.pageCount} />
      {step.pageIndex === 1 && props.intro ? <p>{props.intro}</p> : null}
      <FormErrors errors={props.formError} />
      <FieldErrorSummary count={fieldErrorCount} />
      <Form method="post" noValidate ref={formRef} onSubmit={validateBeforePost} onChange={live.onChange} className="card">
        <input type="hidden" name="page" value={step.pageIndex} />
        <input type="hidden" name="answers" value={JSON.stringify(step.answers)} />
        {step.questions.map((q) => (
          <div key={q.id} hidden={live.hidden.has(q.id)} data-question={q.id}>
            {live.hints[q.id] ? <p className="help logic-hint">{live.hints[q.id]}</p> : null}
            <SurveyQuestion question={q} values={step.values} errors={errors} />
          </div>
        ))}
        <div className="row survey-nav">
          <button type="submit" disabled={submitting}>
            {submitting ? "Saving…" : last ? "Submit answers" : "Next"}
          </button>
          {step.pageIndex > 1 ? (
            <button type="submit" name="intent" value="back" className="button button--quiet" disabled={submitting} formNoValidate>
              Previous page
            </button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
