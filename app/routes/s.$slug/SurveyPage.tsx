import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { FormErrors } from "~/components/Field";
import { parsePageAnswers } from "~/surveys/answer-schema";
import { clearExclusiveOthers } from "~/surveys/flow/exclusive";
import { errorLinks } from "~/surveys/flow/error-links";
import { useAutosave } from "~/surveys/flow/useAutosave";
import { useOneAtATime } from "~/surveys/flow/useOneAtATime";
import { parseShownPage } from "~/surveys/logic/page";
import { useLiveLogic } from "~/surveys/logic/useLiveLogic";
import { FieldErrorSummary, QuestionStep, SurveyProgress } from "~/surveys/SurveyPageParts";
import { translateErrors, useFormT } from "~/surveys/i18n/i18n";
import { LanguageSwitch } from "~/surveys/i18n/LanguageSwitch";
import { SurveyQuestion } from "~/surveys/SurveyQuestion";
import { formDataToObject, type FieldErrors } from "~/utils/forms";
import { HONEYPOT_FIELD } from "~/utils/honeypot";
import type { action, loader } from "./s.$slug.server";
import { AutosaveStatus, ResumeLink, SurveyNav } from "~/surveys/SurveyNav";
import { InvitationOpened } from "~/reach/InvitationOpened";
import { ResumeByEmail } from "~/reach/ResumeByEmail";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
export type OpenSurveyData = Extract<LoaderData, { pageIndex: number }>;

export function SurveyPage({ data }: { data: OpenSurveyData }) {
  const result = useActionData<typeof action>();
  const t = useFormT();
  const navigation = useNavigation();
  const [clientErrors, setClientErrors] = useState<FieldErrors | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const serverErrors = result && "errors" in result ? result.errors : undefined;
  const errors: FieldErrors | undefined = translateErrors(clientErrors ?? serverErrors, t);
  const values = result && "values" in result && Object.keys(result.values).length ? result.values : data.values;
  const fieldErrorCount = errors ? Object.keys(errors).filter((k) => k !== "").length : 0;
  const submitting = navigation.state === "submitting";
  const live = useLiveLogic(data.logic, data.questions, formRef);
  const pageKey = `${data.token ?? data.idem}-${data.pageIndex}`;
  const shown = data.questions.filter((q) => !live.hidden.has(q.id));
  const one = useOneAtATime(data.oneAtATime, shown, formRef, pageKey);
  const autosave = useAutosave(formRef, `/s/${data.slug}?autosave=1`);
  const links = errorLinks(shown, errors, (prompt, message) => t("errorLink", { prompt, message }));

  // After "Next" (a new page, with JavaScript): focus its heading (a live region: the number is announced).
  const [announce, setAnnounce] = useState("");
  const firstPage = useRef(data.pageIndex);
  useEffect(() => {
    if (firstPage.current === data.pageIndex) return;
    firstPage.current = -1;
    setAnnounce("");
    document.getElementById("survey-progress-label")?.focus();
  }, [data.pageIndex]);
  useEffect(() => {
    if (one.active && one.count > 1) setAnnounce(t("questionOf", { index: one.index + 1, total: one.count }));
  }, [one.active, one.index, one.count, t]);
  // A refused answer on a question not on screen (one at a time): show that question.
  const firstRefused = links[0]?.questionId;
  const showQuestion = one.showQuestion;
  useEffect(() => {
    if (firstRefused !== undefined) showQuestion(firstRefused);
  }, [firstRefused, showQuestion]);

  function validate(questions: typeof data.questions) {
    const typed = formDataToObject(new FormData(formRef.current!));
    return data.logic
      ? parseShownPage(data.logic.questions, questions, new Map(data.logic.prior), typed, "next")
      : parsePageAnswers(questions, typed);
  }

  function refuse(found: FieldErrors) {
    setClientErrors(found);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
  }

  function validateBeforePost(event: FormEvent<HTMLFormElement>) {
    // "Previous page" saves whatever is there; only "Next" and "Submit answers" need a complete page.
    if ((event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "back") {
      setClientErrors(undefined);
      autosave.cancel();
      return;
    }
    const parsed = validate(data.questions);
    if (parsed.success) {
      setClientErrors(undefined);
      autosave.cancel();
      return;
    }
    event.preventDefault();
    refuse(parsed.errors);
  }

  /** One question at a time: check this question alone, then the next one, or post the page after the last. */
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
    autosave.changed();
  }

  return (
    <div className="page--narrow survey">
      <LanguageSwitch
        current={data.lang}
        languages={data.languages}
        hrefFor={(l) => `/s/${data.slug}?${data.token ? `r=${encodeURIComponent(data.token)}&page=${data.pageIndex}&` : ""}lang=${l}`}
      />
      <h1>{data.title}</h1>
      <SurveyProgress pageIndex={data.pageIndex} pageCount={data.pageCount} />
      <p className="sr-only" aria-live="polite" data-testid="announcer">
        {announce}
      </p>
      {data.pageIndex === 1 && data.intro ? <p>{data.intro}</p> : null}
      <InvitationOpened slug={data.slug} inv={data.attribution.inv} />
      <ResumeLink url={data.pageIndex > 1 ? data.resumeUrl : autosave.resumeUrl}>
        {data.token ? <ResumeByEmail slug={data.slug} token={data.token} /> : null}
      </ResumeLink>
      {errors?.[""]?.length ? (
        <FormErrors errors={errors[""]} />
      ) : (
        <FieldErrorSummary count={fieldErrorCount} links={links} onFollow={(l) => one.showQuestion(l.questionId)} />
      )}
      <Form method="post" noValidate ref={formRef} key={pageKey} onSubmit={validateBeforePost} onChange={changed} className="card">
        <input type="hidden" name="page" value={data.pageIndex} />
        <input type="hidden" name="lang" value={data.lang} />
        {data.token ? <input type="hidden" name="r" value={data.token} /> : <input type="hidden" name="idem" value={data.idem} />}
        {Object.entries(data.attribution).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <div className="hp" aria-hidden="true">
          <label htmlFor={HONEYPOT_FIELD}>{t("website")}</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        {one.active && one.count > 1 ? <QuestionStep index={one.index} count={one.count} /> : null}
        {data.questions.map((q) => (
          <div key={q.id} hidden={live.hidden.has(q.id) || (one.current !== undefined && one.current.id !== q.id)} data-question={q.id}>
            {live.hints[q.id] ? <p className="help logic-hint">{live.hints[q.id]}</p> : null}
            <SurveyQuestion question={q} values={values} errors={errors} shortcuts={one.active} />
          </div>
        ))}
        <SurveyNav
          submitting={submitting}
          last={data.pageIndex >= data.pageCount}
          canGoBack={data.pageIndex > 1 && !!data.token}
          stepping={one.active && !!one.current}
          firstStep={one.index === 0}
          lastStep={one.isLast}
          onNextQuestion={advance}
          onPreviousQuestion={one.previous}
        />
        <AutosaveStatus status={autosave.status} />
      </Form>
    </div>
  );
}
