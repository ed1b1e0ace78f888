import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { UNDO_MINUTES, listUndos, removeQuestionWithUndo, undoBuilderAction } from "../../../db/queries/builder-undo";
import {
  addQuestion,
  changeSurveyStatus,
  getSurvey,
  listQuestions,
  moveQuestion,
  setQuestionLogic,
  setSurveyFlow,
  surveyResponseCounts,
  updateQuestion,
  updateSurveyDetails,
  type BuilderRefusal,
} from "../../../db/queries/surveys";
import { invitationFunnel } from "../../../db/queries/reach";
import { SurveyEditSchema, normalizeQuestion } from "~/surveys/schemas";
import { checkLogicForm, logicProblems } from "~/surveys/logic/check";
import { publicSurveyUrl } from "~/surveys/surveys.server";
import { toPublicQuestion } from "~/surveys/submission.server";
import { quotaSummary } from "~/surveys/quotas/quotas.server";
import { closeSurvey, saveSurveyLimits } from "~/jobs/study-summary.job.server";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound, publicOrigin } from "~/utils/http.server";

/** The survey builder's loader and action: one zod schema (SurveyEditSchema) for every intent. */

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const id = idParam(params.id);
  const database = db();
  const survey = await getSurvey(database, id);
  if (!survey) throw notFound("We could not find that survey.");
  const [questions, counts, undos] = await Promise.all([
    listQuestions(database, id),
    surveyResponseCounts(database, id),
    listUndos(database, id),
  ]);
  const shown = builderQuestions(questions);
  return json({
    survey: {
      id: survey.id,
      title: survey.title,
      intro: survey.intro,
      status: survey.status,
      closesAt: survey.closes_at,
      maxResponses: survey.max_responses === null ? null : Number(survey.max_responses),
      oneAtATime: Number(survey.one_at_a_time) === 1,
      updatedAt: survey.updated_at,
      publishedAt: survey.published_at,
      publicUrl: publicSurveyUrl(publicOrigin(request), survey.slug),
    },
    counts,
    undos,
    questions: shown,
    logicProblems: Object.fromEntries(logicProblems(shown)),
    quotas: await quotaSummary(database, id),
    invitations: await invitationFunnel(database, id),
  });
}

function builderQuestions(questions: Awaited<ReturnType<typeof listQuestions>>) {
  return questions.flatMap((q) => {
    const shown = toPublicQuestion(q);
    return shown ? [{ ...shown, logic: shown.logic ?? null, position: q.position }] : [];
  });
}

const REFUSALS: Record<BuilderRefusal, string> = {
  survey_not_found: "We could not find that survey.",
  question_not_found: "That question is not part of this survey. Nothing was changed.",
  no_questions: "Add at least one question before publishing: a survey with no questions cannot be published.",
  not_draft: "Only a draft can be published; this survey has already been published.",
  not_open: "Only an open survey can be closed.",
  not_closed: "Only a closed survey can be reopened.",
  close_date_passed: "The close date has passed. Set a later close date (or clear it) first.",
  undo_expired: `That change can no longer be undone: undo works for ${UNDO_MINUTES} minutes, once. Nothing was changed.`,
};

/** Echo of what was typed, so a refused form comes back filled in even without JavaScript. */
function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && key.length < 40 && out[key] === undefined) out[key] = value.slice(0, 12_000);
  }
  return out;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, MARKETING_ROLES);
  const surveyId = idParam(params.id);
  const database = db();
  if (!(await getSurvey(database, surveyId))) throw notFound("We could not find that survey.");
  const form = await readFormData(request, 256 * 1024);
  const rawIntent = String(form.get("intent") ?? "");
  const rawQuestionId = Number(form.get("questionId"));
  const context = {
    intent: rawIntent.slice(0, 40),
    questionId: Number.isSafeInteger(rawQuestionId) && rawQuestionId > 0 ? rawQuestionId : null,
    values: echo(form),
  };

  const parsed = parseWith(SurveyEditSchema, form);
  if (!parsed.success) return badRequest(parsed.errors, context);
  const input = parsed.data;
  const refused = (reason: BuilderRefusal) => {
    if (reason === "survey_not_found") throw notFound(REFUSALS[reason]);
    return badRequest({ "": [REFUSALS[reason]] }, context);
  };
  const ok = (message: string, questionId: number | null = context.questionId) =>
    json({ ok: true as const, intent: input.intent, questionId, message });

  switch (input.intent) {
    case "details": {
      const result = await updateSurveyDetails(database, surveyId, { title: input.title, intro: input.intro });
      return result.ok ? ok("Title and introduction saved.") : refused(result.reason);
    }
    case "limits": {
      const result = await saveSurveyLimits(database, surveyId, { closesAt: input.closesAt, maxResponses: input.maxResponses });
      return result.ok ? ok("Close date and response cap saved.") : refused(result.reason);
    }
    case "flow": {
      const result = await setSurveyFlow(database, surveyId, { oneAtATime: input.oneAtATime });
      return result.ok ? ok(input.oneAtATime ? "One question at a time: on." : "One question at a time: off.") : refused(result.reason);
    }
    case "add-question": {
      const result = await addQuestion(database, surveyId, normalizeQuestion(input));
      return result.ok ? ok("Question added at the end.", result.value) : refused(result.reason);
    }
    case "update-question": {
      const result = await updateQuestion(database, surveyId, input.questionId, normalizeQuestion(input));
      return result.ok ? ok("Question saved.") : refused(result.reason);
    }
    case "remove-question": {
      const result = await removeQuestionWithUndo(database, surveyId, input.questionId, user.id);
      return result.ok ? ok(`${result.value.label}. You can undo this for ${UNDO_MINUTES} minutes.`, null) : refused(result.reason);
    }
    case "undo": {
      const result = await undoBuilderAction(database, surveyId, input.undoId);
      if (!result.ok) return refused(result.reason);
      return ok(result.value === "close" ? "Undone: the survey is open again." : "Undone: the question is back, with its answers.", null);
    }
    case "move-question": {
      const result = await moveQuestion(database, surveyId, input.questionId, input.direction);
      if (!result.ok) return refused(result.reason);
      return ok(
        result.value.moved
          ? `Question moved ${input.direction}.`
          : `That question is already at the ${input.direction === "up" ? "top" : "bottom"}.`,
      );
    }
    case "logic": {
      const checked = checkLogicForm(builderQuestions(await listQuestions(database, surveyId)), input.questionId, input);
      if (!checked.ok) return badRequest(checked.errors, context);
      const result = await setQuestionLogic(database, surveyId, input.questionId, checked.logic);
      if (!result.ok) return refused(result.reason);
      return ok(
        checked.logic
          ? "Display logic saved: the question shows only when its rule matches."
          : "Display logic removed: the question always shows.",
      );
    }
    case "publish":
    case "close":
    case "reopen": {
      if (input.intent !== "close") {
        const problems = [...logicProblems(builderQuestions(await listQuestions(database, surveyId))).values()].flat();
        if (problems.length)
          return badRequest(
            {
              "": [
                `Fix the display logic first (${problems.length} ${problems.length === 1 ? "problem" : "problems"} listed at the questions).`,
              ],
            },
            context,
          );
      }
      if (input.intent === "close") {
        const closed = await closeSurvey(database, surveyId, user.id);
        if (!closed.ok) return refused(closed.reason);
        return ok(
          `Closed. The public link now tells visitors the survey has ended. You can undo this for ${UNDO_MINUTES} minutes; after that, respondents who confirmed they want the study summary are sent it.`,
        );
      }
      const result = await changeSurveyStatus(database, surveyId, input.intent);
      if (!result.ok) return refused(result.reason);
      const messages = {
        publish: "Published. The survey is open: share the public link.",
        reopen: "Reopened. The public link accepts answers again.",
      };
      return ok(messages[input.intent]);
    }
  }
}
