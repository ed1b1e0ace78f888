import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { FormErrors } from "~/components/Field";
import { parsePageAnswers } from "~/surveys/answer-schema";
import { parseShownPage } from "~/surveys/logic/page";
import { useLiveLogic } from "~/surveys/logic/useLiveLogic";
import { FieldErrorSummary, SurveyProgress } from "~/surveys/SurveyPageParts";
import { SurveyQuestion } from "~/surveys/SurveyQuestion";
import { formDataToObject, type FieldErrors } from "~/utils/forms";
import { HONEYPOT_FIELD } from "~/utils/honeypot";
import type { action, loader } from "./s.$slug.server";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
export type OpenSurveyData = Extract<LoaderData, { pageIndex: number }>;

export function SurveyPage({ data }: { data: OpenSurveyData }) {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [clientErrors, setClientErrors] = useState<FieldErrors | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const serverErrors = result && "errors" in result ? result.errors : undefined;
  const errors: FieldErrors | undefined = clientErrors ?? serverErrors;
  const values = result && "values" in result && Object.keys(result.values).length ? result.values : data.values;
  const fieldErrorCount = errors ? Object.keys(errors).filter((k) => k !== "").length : 0;
  const last = data.pageIndex >= data.pageCount;
  const submitting = navigation.state === "submitting";
  const live = useLiveLogic(data.logic, data.questions, formRef);

  function validateBeforePost(event: FormEvent<HTMLFormElement>) {
    // "Previous page" saves whatever is there; only "Next" and "Submit answers" need a complete page.
    if ((event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "back") {
      setClientErrors(undefined);
      return;
    }
    const typed = formDataToObject(new FormData(event.currentTarget));
    const parsed = data.logic
      ? parseShownPage(data.logic.questions, data.questions, new Map(data.logic.prior), typed, "next")
      : parsePageAnswers(data.questions, typed);
    if (parsed.success) {
      setClientErrors(undefined);
      return;
    }
    event.preventDefault();
    setClientErrors(parsed.errors);
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
      invalid?.focus();
    });
  }

  return (
    <div className="page--narrow survey">
      <h1>{data.title}</h1>
      <SurveyProgress pageIndex={data.pageIndex} pageCount={data.pageCount} />
      {data.pageIndex === 1 && data.intro ? <p>{data.intro}</p> : null}
      {data.resumeUrl && data.pageIndex > 1 ? (
        <div className="alert survey-resume">
          <p>
            <strong>Save this link to finish later:</strong>
          </p>
          <p>
            <a href={data.resumeUrl} data-testid="resume-link" className="survey-resume__link">
              {data.resumeUrl}
            </a>
          </p>
        </div>
      ) : null}
      {errors?.[""]?.length ? <FormErrors errors={errors[""]} /> : <FieldErrorSummary count={fieldErrorCount} />}
      <Form
        method="post"
        noValidate
        ref={formRef}
        key={`${data.token ?? data.idem}-${data.pageIndex}`}
        onSubmit={validateBeforePost}
        onChange={live.onChange}
        className="card"
      >
        <input type="hidden" name="page" value={data.pageIndex} />
        {data.token ? <input type="hidden" name="r" value={data.token} /> : <input type="hidden" name="idem" value={data.idem} />}
        {Object.entries(data.attribution).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <div className="hp" aria-hidden="true">
          <label htmlFor={HONEYPOT_FIELD}>Website</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        {data.questions.map((q) => (
          <div key={q.id} hidden={live.hidden.has(q.id)} data-question={q.id}>
            {live.hints[q.id] ? <p className="help logic-hint">{live.hints[q.id]}</p> : null}
            <SurveyQuestion question={q} values={values} errors={errors} />
          </div>
        ))}
        <div className="row survey-nav">
          <button type="submit" disabled={submitting}>
            {submitting ? "Saving…" : last ? "Submit answers" : "Next"}
          </button>
          {data.pageIndex > 1 && data.token ? (
            <button type="submit" name="intent" value="back" className="button button--quiet" disabled={submitting} formNoValidate>
              Previous page
            </button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
