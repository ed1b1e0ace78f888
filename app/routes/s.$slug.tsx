import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { FormErrors } from "~/components/Field";
import { SurveyQuestion } from "~/surveys/SurveyQuestion";
import {
  answerFormValues,
  AttributionSchema,
  PageMetaSchema,
  pageFormValues,
  parseDraftAnswers,
  parsePageAnswers,
  type FormValues,
} from "~/surveys/answer-schema";
import { findResponseByTokenHash, listResponseAnswers } from "../../db/queries/responses";
import {
  answeringCookie,
  loadAnsweringSurvey,
  pageQuestions,
  readAnsweringKey,
  resumeTokenFor,
  resumeTokenHash,
  submitPage,
  SURVEY_NOT_FOUND,
  surveyAvailability,
  type AnsweringSurvey,
} from "~/surveys/submission.server";
import { hasLogic, parseShownPage } from "~/surveys/logic/page";
import { storedAnswers } from "~/surveys/logic/prior.server";
import { pageLogic } from "~/surveys/logic/page-logic.server";
import { useLiveLogic } from "~/surveys/logic/useLiveLogic";
import { readFormData } from "~/utils/body.server";
import { database, db } from "~/utils/db.server";
import { env, secureCookies } from "~/utils/env.server";
import { formDataToObject, type FieldErrors } from "~/utils/forms";
import { HONEYPOT_FIELD } from "~/utils/honeypot";
import { isHoneypotFilled } from "~/utils/honeypot.server";
import { badRequest, notFound, publicOrigin } from "~/utils/http.server";
import { appRateLimiter, type SharedRateLimiter } from "~/jobs/shared-rate-limit.server";
import { clientAddress, tooManyRequests } from "~/utils/rate-limit.server";
import { randomToken } from "~/utils/tokens.server";
import { FieldErrorSummary, SurveyProgress } from "~/surveys/SurveyPageParts";
import { I18nextProvider } from "react-i18next";
import { answeringLanguage } from "~/surveys/i18n/answering.server";
import { formI18n, translateErrors, useFormT } from "~/surveys/i18n/i18n";
import type { FormLanguage } from "~/surveys/i18n/languages";
import { LanguageSwitch } from "~/surveys/i18n/LanguageSwitch";
import { optionLabel } from "~/surveys/i18n/localize";
import { fullQuotaOf } from "~/surveys/quotas/quotas.server";

/** A page of long answers in multi-byte text fits; a 1 MB paste gets a 413 with a message. */
const BODY_LIMIT = 512 * 1024;

let limiter: SharedRateLimiter | undefined;
// Shared by every app server on PostgreSQL (app/jobs/shared-rate-limit.server.ts).
const submitLimiter = () => (limiter ??= appRateLimiter("submit", env().SUBMIT_RATE_LIMIT, 60_000, database().pool));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && "title" in data ? data.title : "Survey" },
  { name: "robots", content: "noindex" },
];

/** The answering cookie and no-store (a resumed page holds the prospect's answers) reach the document. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

async function openSurvey(slug: string | undefined) {
  const s = await loadAnsweringSurvey(db(), slug ?? "");
  if (!s) throw notFound(SURVEY_NOT_FOUND);
  return s;
}

function pageUrl(s: AnsweringSurvey, token: string, page: number, lang: FormLanguage) {
  return `/s/${s.survey.slug}?r=${encodeURIComponent(token)}&page=${page}&lang=${lang}`;
}
const thanksUrl = (s: AnsweringSurvey) => `/s/${s.survey.slug}/thanks`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const s = await openSurvey(params.slug);
  const url = new URL(request.url);
  const language = answeringLanguage(request, s, url.searchParams.get("lang"));
  const state = await surveyAvailability(db(), s);
  const base = { title: language.title, slug: s.survey.slug, lang: language.lang, languages: language.languages };
  if (state !== "open") return json({ ...base, state });

  const headers = new Headers();
  let token = url.searchParams.get("r") ?? undefined;
  let idem: string | undefined;
  if (!token) {
    // Back to the first page in the same browser: same key, so the same response.
    idem = readAnsweringKey(request, s.survey.id);
    if (!idem) {
      idem = randomToken(18);
      headers.append("Set-Cookie", answeringCookie(s.survey.id, s.survey.slug, idem, secureCookies()));
    }
  }
  const response = await findResponseByTokenHash(db(), s.survey.id, resumeTokenHash(token ?? resumeTokenFor(s.survey.id, idem!)));
  if (token && !response) return json({ ...base, state: "bad_link" as const });
  if (response?.status === "complete") throw redirect(thanksUrl(s), { headers });
  if (response && !token) token = resumeTokenFor(s.survey.id, idem!);

  const requested = Number(url.searchParams.get("page"));
  const reached = response?.current_page ?? 1;
  const pageIndex = Number.isInteger(requested) && requested >= 1 && requested <= reached ? requested : reached;
  const questions = language.localize(pageQuestions(s, Math.min(pageIndex, s.pages.length)));

  const values: FormValues = {};
  const stored = response ? await listResponseAnswers(db(), response.id) : [];
  // An answer already given put the prospect in a segment whose quota is full (ADR 0602).
  const quota =
    s.quotas?.length && (await fullQuotaOf(db(), s.survey.id, s.quotas, new Map(stored.map((a) => [a.question_id, a.value_text]))));
  if (quota) {
    const q = language.localize(s.questions).find((x) => x.id === quota.questionId);
    return json({ ...base, state: "quota_full" as const, segment: q ? optionLabel(q, quota.option) : quota.option });
  }
  const answers = new Map(stored.map((a) => [a.question_id, a]));
  for (const q of questions) {
    const a = answers.get(q.id);
    if (a) Object.assign(values, answerFormValues(q, a));
  }
  const logic = hasLogic(s.questions) ? pageLogic(s.questions, questions, stored, values) : undefined;
  const attribution: Record<string, string | undefined> = response ? {} : AttributionSchema.parse(Object.fromEntries(url.searchParams));
  const origin = publicOrigin(request);
  return json(
    {
      ...base,
      state: "open" as const,
      intro: language.intro,
      pageIndex,
      pageCount: s.pages.length,
      questions,
      values,
      idem: response ? undefined : idem,
      token: response ? token : undefined,
      resumeUrl: response ? `${origin}/s/${s.survey.slug}?r=${encodeURIComponent(token!)}` : undefined,
      attribution,
      logic,
    },
    { headers: { ...Object.fromEntries(headers), "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ip = clientAddress(request);
  const wait = await submitLimiter().hit(`ip:${ip}`);
  if (wait)
    return tooManyRequests(
      wait,
      "Too many submissions from your network. Please wait a minute and try again; your answers so far are saved.",
    );

  const form = await readFormData(request, BODY_LIMIT);
  const s = await openSurvey(params.slug);
  // A bot filled the hidden field: thank it and store nothing.
  if (isHoneypotFilled(form)) return redirect(thanksUrl(s));

  const state = await surveyAvailability(db(), s);
  if (state !== "open") return json({ ok: false as const, errors: {} as FieldErrors, values: {} as FormValues }, { status: 409 });

  const input = formDataToObject(form);
  const meta = PageMetaSchema.safeParse(input);
  if (!meta.success) return badRequest({ "": meta.error.issues.map((i) => i.message) }, { values: {} as FormValues });
  const { page } = meta.data;
  if (page > s.pages.length)
    return badRequest({ "": ["This page does not exist. Please reload the survey."] }, { values: {} as FormValues });

  const language = answeringLanguage(request, s, typeof input.lang === "string" ? input.lang : null);
  const questions = pageQuestions(s, page);
  // "Previous page" saves what is on the page, valid or not yet complete, so nothing typed is lost.
  const back = meta.data.intent === "back";
  if (back && !meta.data.r)
    return badRequest({ "": ["There is no earlier page to go back to."] }, { values: pageFormValues(questions, input) });
  const parsed = hasLogic(s.questions)
    ? parseShownPage(
        s.questions,
        questions,
        await storedAnswers(db(), s.survey.id, meta.data.r && resumeTokenHash(meta.data.r)),
        input,
        back ? "back" : "next",
      )
    : back
      ? { success: true as const, data: parseDraftAnswers(questions, input) }
      : parsePageAnswers(questions, input);
  if (!parsed.success) {
    // A stale page of a response that is already complete: nothing to fix, nothing changes.
    if (meta.data.r && (await findResponseByTokenHash(db(), s.survey.id, resumeTokenHash(meta.data.r)))?.status === "complete")
      return redirect(thanksUrl(s));
    return badRequest(parsed.errors, { values: pageFormValues(questions, input) });
  }

  const outcome = await submitPage(db(), {
    survey: s,
    pageIndex: page,
    answers: parsed.data,
    identity: meta.data.r
      ? { kind: "token", token: meta.data.r }
      : { kind: "key", idempotencyKey: meta.data.idem!, attribution: meta.data },
    direction: back ? "back" : "next",
    language: language.lang,
    shownQuestions: language.localize(s.questions),
  });
  switch (outcome.outcome) {
    case "bad_link":
      return badRequest(
        { "": ["That resume link is not valid. Please start the survey again from its link."] },
        { values: pageFormValues(questions, input) },
      );
    case "start_over":
      return badRequest({ "": ["Please start the survey from its first page."] }, { values: pageFormValues(questions, input) });
    case "complete":
      return redirect(thanksUrl(s));
    case "ahead":
      return redirect(pageUrl(s, outcome.token, outcome.currentPage, language.lang));
    case "saved":
      return redirect(pageUrl(s, outcome.token, outcome.nextPage, language.lang));
    case "quota_full":
    case "full":
      // The page shows the polite close message (the loader finds why); the answers are kept.
      return redirect(pageUrl(s, outcome.token, page, language.lang));
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function AnswerSurvey() {
  const data = useLoaderData<typeof loader>();
  return (
    <I18nextProvider i18n={formI18n(data.lang)}>
      <div lang={data.lang}>
        {data.state === "open" ? <SurveyPage data={data as Extract<LoaderData, { pageIndex: number }>} /> : <SurveyNotice data={data} />}
      </div>
    </I18nextProvider>
  );
}

function SurveyNotice({ data }: { data: Exclude<LoaderData, { pageIndex: number }> }) {
  const t = useFormT();
  return (
    <div className="page--narrow survey">
      <div className="card">
        <h1>{data.title}</h1>
        {data.state === "closed" ? (
          <p role="status">{t("closed")}</p>
        ) : data.state === "full" ? (
          <p role="status">{t("full")}</p>
        ) : data.state === "quota_full" ? (
          <p role="status" data-testid="quota-full">
            {t("quotaFull", { segment: "segment" in data ? data.segment : "" })}
          </p>
        ) : (
          <>
            <p role="alert">{t("badLink")}</p>
            <p>
              <Link to={`/s/${data.slug}?lang=${data.lang}`}>{t("startAgain")}</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}

function SurveyPage({ data }: { data: Extract<LoaderData, { pageIndex: number }> }) {
  const result = useActionData<typeof action>();
  const t = useFormT();
  const navigation = useNavigation();
  const [clientErrors, setClientErrors] = useState<FieldErrors | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const serverErrors = result && "errors" in result ? result.errors : undefined;
  const errors: FieldErrors | undefined = translateErrors(clientErrors ?? serverErrors, t);
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
      <LanguageSwitch
        current={data.lang}
        languages={data.languages}
        hrefFor={(l) => `/s/${data.slug}?${data.token ? `r=${encodeURIComponent(data.token)}&page=${data.pageIndex}&` : ""}lang=${l}`}
      />
      <h1>{data.title}</h1>
      <SurveyProgress pageIndex={data.pageIndex} pageCount={data.pageCount} />
      {data.pageIndex === 1 && data.intro ? <p>{data.intro}</p> : null}
      {data.resumeUrl && data.pageIndex > 1 ? (
        <div className="alert survey-resume">
          <p>
            <strong>{t("saveLink")}</strong>
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
        <input type="hidden" name="lang" value={data.lang} />
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
            {submitting ? t("saving") : last ? t("submit") : t("next")}
          </button>
          {data.pageIndex > 1 && data.token ? (
            <button type="submit" name="intent" value="back" className="button button--quiet" disabled={submitting} formNoValidate>
              {t("previous")}
            </button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
