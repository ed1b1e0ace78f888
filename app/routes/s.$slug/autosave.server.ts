import { json } from "@remix-run/node";
import { parseDraftAnswers, type FormValues } from "~/surveys/answer-schema";
import { hasLogic, parseShownPage } from "~/surveys/logic/page";
import { storedAnswers } from "~/surveys/logic/prior.server";
import { resumeTokenHash, submitPage, type AnsweringSurvey } from "~/surveys/submission.server";
import { db } from "~/utils/db.server";
import type { PublicQuestion } from "~/surveys/answer-schema";

/**
 * Autosave (ADR 0601): the browser posts the page as it stands, shortly after an answer changes.
 * It is the "Previous page" save without the move: every valid answer is upserted into the same
 * partial response (found or created by the page's idempotency key or resume token, so a retried
 * post changes nothing more), nothing is required yet, and progress stays where it is. The answer
 * is JSON for the page's fetcher; "saved" is said only after the transaction committed.
 */
export async function autosavePage(args: {
  s: AnsweringSurvey;
  page: number;
  questions: PublicQuestion[];
  input: FormValues;
  meta: { r?: string; idem?: string; utm_source?: string; utm_campaign?: string; src?: "marketing" | "sales" | "partner"; rep?: string };
  origin: string;
}) {
  const { s, page, questions, input, meta } = args;
  const answers = hasLogic(s.questions)
    ? parseShownPage(s.questions, questions, await storedAnswers(db(), s.survey.id, meta.r && resumeTokenHash(meta.r)), input, "back")
    : { success: true as const, data: parseDraftAnswers(questions, input) };
  if (!answers.success)
    return json({ ok: false as const, saved: false as const, message: Object.values(answers.errors).flat()[0] }, { status: 400 });
  const outcome = await submitPage(db(), {
    survey: s,
    pageIndex: page,
    answers: answers.data,
    identity: meta.r ? { kind: "token", token: meta.r } : { kind: "key", idempotencyKey: meta.idem!, attribution: meta },
    direction: "back",
  });
  switch (outcome.outcome) {
    case "saved":
      return json({
        ok: true as const,
        saved: true as const,
        resumeUrl: `${args.origin}/s/${s.survey.slug}?r=${encodeURIComponent(outcome.token)}`,
      });
    case "complete":
      return json({ ok: false as const, saved: false as const, message: "These answers were already submitted." }, { status: 409 });
    case "ahead":
      return json({ ok: false as const, saved: false as const, message: "Please reload the survey to continue." }, { status: 409 });
    case "bad_link":
    case "start_over":
      return json({ ok: false as const, saved: false as const, message: "Please start the survey again from its link." }, { status: 400 });
  }
}
