import { json } from "@remix-run/node";
import { SURVEY_NOT_FOUND } from "../answering-survey.server.js";
import { tooManyRequests } from "../../utils/rate-limit.server.js";
import { formI18n, translateError } from "./i18n.js";
import { FORM_LANGUAGES, type FormLanguage } from "./languages.js";
import { chooseLanguage } from "./negotiate.server.js";

/**
 * The public survey's refusals before a survey is known (an unknown link, too many posts), in the
 * prospect's language: `?lang=` or the browser's Accept-Language among the form's languages (ADR 0604).
 */
export function browserLanguage(request: Request): FormLanguage {
  return chooseLanguage(request, FORM_LANGUAGES, new URL(request.url).searchParams.get("lang"));
}

/** What the public routes' error boundary reads (`SurveyErrorBoundary`): the language and the message in it. */
export interface PublicErrorData {
  lang: FormLanguage;
  message: string;
}

/** 404 for a link that matches no open survey: thrown from a loader or action, shown by the route's boundary. */
export function surveyNotFound(request: Request): Response {
  const lang = browserLanguage(request);
  const message = translateError(SURVEY_NOT_FOUND, formI18n(lang).t);
  return json({ lang, message } satisfies PublicErrorData, { status: 404, headers: { "Cache-Control": "no-store" } });
}

/** 429 with Retry-After, its English message (a key of `errors`) said in the prospect's language. */
export function surveyTooManyRequests(request: Request, retryAfterSeconds: number, english: string): Response {
  return tooManyRequests(retryAfterSeconds, translateError(english, formI18n(browserLanguage(request)).t));
}
