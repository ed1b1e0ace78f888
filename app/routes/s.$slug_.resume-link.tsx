import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { emailResumeLink } from "~/reach/resume-email.server";
import { ResumeLinkSchema } from "~/reach/resume-link-schema";
import { poke } from "~/jobs/runner.server";
import { EMAIL_SEND } from "~/jobs/email-send.job.server";
import { appRateLimiter, type SharedRateLimiter } from "~/jobs/shared-rate-limit.server";
import { readFormData } from "~/utils/body.server";
import { database, db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { clientAddress } from "~/utils/rate-limit.server";
import { surveyNotFound, surveyTooManyRequests } from "~/surveys/i18n/public-errors.server";
import { loadAnsweringSurvey } from "~/surveys/submission.server";

let shared: SharedRateLimiter | undefined;
// Each post sends an email to an address the visitor chose: few per address and minute.
const limiter = () => (shared ??= appRateLimiter("resume-email", 5, 60_000, database().pool));

/** There is nothing to show here: the form lives on the survey page. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/s/${encodeURIComponent(params.slug ?? "")}`);
}

/** "Email me a link to finish later" (app/reach/ResumeByEmail.tsx posts here). */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readFormData(request, 8 * 1024);
  const s = await loadAnsweringSurvey(db(), params.slug ?? "");
  if (!s) throw surveyNotFound(request);
  const parsed = parseWith(ResumeLinkSchema, form);
  if (!parsed.success) return badRequest(parsed.errors, { sent: false });
  // Counted once the post would send an email (to an address the visitor chose): few per minute.
  const wait = await limiter().hit(`ip:${clientAddress(request)}`);
  if (wait) return surveyTooManyRequests(request, wait, "Too many requests. Please wait a minute; your answers so far are saved.");
  const outcome = await emailResumeLink(db(), {
    survey: { id: s.survey.id, slug: s.survey.slug, title: s.survey.title },
    token: parsed.data.r,
    email: parsed.data.email,
  });
  if (!outcome.ok)
    return badRequest(
      {
        "": [
          outcome.reason === "complete"
            ? "This survey is complete already: thank you."
            : "That resume link is not valid. Please reload the survey.",
        ],
      },
      { sent: false },
    );
  poke(db(), EMAIL_SEND);
  return json({ ok: true as const, sent: true, errors: undefined }, { headers: { "Cache-Control": "no-store" } });
}
