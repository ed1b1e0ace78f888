import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  answerFormValues,
  AttributionSchema,
  PageMetaSchema,
  pageFormValues,
  parseDraftAnswers,
  parsePageAnswers,
  type FormValues,
} from "~/surveys/answer-schema";
import { findResponseByTokenHash, listResponseAnswers } from "../../../db/queries/responses";
import {
  answeringCookie,
  loadAnsweringSurvey,
  pageQuestions,
  readAnsweringKey,
  resumeTokenFor,
  resumeTokenHash,
  submitPage,
  surveyAvailability,
  type AnsweringSurvey,
} from "~/surveys/submission.server";
import { hasLogic, parseShownPage } from "~/surveys/logic/page";
import { storedAnswers } from "~/surveys/logic/prior.server";
import { pageLogic } from "~/surveys/logic/page-logic.server";
import { autosavePage } from "./autosave.server";
import { readFormData } from "~/utils/body.server";
import { database, db } from "~/utils/db.server";
import { env, secureCookies } from "~/utils/env.server";
import { formDataToObject, type FieldErrors } from "~/utils/forms";
import { isHoneypotFilled } from "~/utils/honeypot.server";
import { badRequest, publicOrigin } from "~/utils/http.server";
import { appRateLimiter, type SharedRateLimiter } from "~/jobs/shared-rate-limit.server";
import { clientAddress } from "~/utils/rate-limit.server";
import { surveyNotFound, surveyTooManyRequests } from "~/surveys/i18n/public-errors.server";
import { randomToken } from "~/utils/tokens.server";
import { invitationPrefillValues } from "~/reach/invitations.server";
import { answeringLanguage } from "~/surveys/i18n/answering.server";
import { fullQuotaOf } from "~/surveys/quotas/quotas.server";
import { chosenOptions } from "~/surveys/quotas/rules";
import type { FormLanguage } from "~/surveys/i18n/languages";
import { optionLabel } from "~/surveys/i18n/localize";

/** A page of long answers in multi-byte text fits; a 1 MB paste gets a 413 with a message. */
const BODY_LIMIT = 512 * 1024;

let limiter: SharedRateLimiter | undefined;
// Shared by every app server on PostgreSQL (app/jobs/shared-rate-limit.server.ts).
const submitLimiter = () => (limiter ??= appRateLimiter("submit", env().SUBMIT_RATE_LIMIT, 60_000, database().pool));
let autosaveLimiter: SharedRateLimiter | undefined;
// Autosave posts come one per pause in typing: their own, larger budget, so they never eat the page posts'.
const autosaves = () => (autosaveLimiter ??= appRateLimiter("autosave", env().SUBMIT_RATE_LIMIT * 4, 60_000, database().pool));

async function openSurvey(request: Request, slug: string | undefined) {
  const s = await loadAnsweringSurvey(db(), slug ?? "");
  if (!s) throw surveyNotFound(request);
  return s;
}

function pageUrl(s: AnsweringSurvey, token: string, page: number, lang: FormLanguage) {
  return `/s/${s.survey.slug}?r=${encodeURIComponent(token)}&page=${page}&lang=${lang}`;
}
/** A translated survey's thank-you page keeps the language the prospect chose (an English-only survey's URL stays plain). */
const thanksUrl = (s: AnsweringSurvey, lang?: FormLanguage) =>
  `/s/${s.survey.slug}/thanks${lang && s.translations?.size ? `?lang=${lang}` : ""}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const s = await openSurvey(request, params.slug);
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
  if (response?.status === "complete") throw redirect(thanksUrl(s, language.lang), { headers });
  if (response && !token) token = resumeTokenFor(s.survey.id, idem!);

  const requested = Number(url.searchParams.get("page"));
  const reached = response?.current_page ?? 1;
  const pageIndex = Number.isInteger(requested) && requested >= 1 && requested <= reached ? requested : reached;
  const questions = language.localize(pageQuestions(s, Math.min(pageIndex, s.pages.length)));

  const values: FormValues = {};
  const stored = response ? await listResponseAnswers(db(), response.id) : [];
  // An answer already given put the prospect in a segment whose quota is full (ADR 0602).
  const quota =
    s.quotas?.length &&
    (await fullQuotaOf(
      db(),
      s.survey.id,
      s.quotas,
      chosenOptions(stored.map((a) => ({ questionId: a.question_id, text: a.value_text, json: a.value_json }))),
    ));
  if (quota) {
    const q = language.localize(s.questions).find((x) => x.id === quota.questionId);
    return json({ ...base, state: "quota_full" as const, segment: q ? optionLabel(q, quota.option) : quota.option });
  }
  const answers = new Map(stored.map((a) => [a.question_id, a]));
  for (const q of questions) {
    const a = answers.get(q.id);
    if (a) Object.assign(values, answerFormValues(q, a));
  }
  // An invitation's personal link: what the contact list knew, on the questions not answered yet.
  const by = response ? { responseId: response.id } : { token: url.searchParams.get("inv") };
  Object.assign(values, await invitationPrefillValues(db(), s.survey.id, questions, values, by));
  const logic = hasLogic(s.questions) ? pageLogic(language.localize(s.questions), questions, stored, values, language.lang) : undefined;
  const attribution: Record<string, string | undefined> = response ? {} : AttributionSchema.parse(Object.fromEntries(url.searchParams));
  const origin = publicOrigin(request);
  return json(
    {
      ...base,
      state: "open" as const,
      intro: language.intro,
      oneAtATime: s.survey.one_at_a_time === 1,
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
  const isAutosave = new URL(request.url).searchParams.has("autosave");
  const wait = await (isAutosave ? autosaves() : submitLimiter()).hit(`ip:${ip}`);
  if (wait)
    return surveyTooManyRequests(
      request,
      wait,
      "Too many submissions from your network. Please wait a minute and try again; your answers so far are saved.",
    );

  const form = await readFormData(request, BODY_LIMIT);
  const s = await openSurvey(request, params.slug);
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
  if (meta.data.intent === "autosave") return autosavePage({ s, page, questions, input, meta: meta.data, origin: publicOrigin(request) });
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
      return redirect(thanksUrl(s, language.lang));
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
      return redirect(thanksUrl(s, language.lang));
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
