import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { getSurvey, listQuestions } from "../../db/queries/surveys";
import { pageLogic } from "~/surveys/logic/page-logic.server";
import { PreviewPage } from "~/surveys/preview/PreviewPage";
import { pageOf, previewStep, previewValues, readPreviewAnswers, type PreviewAnswers, type PreviewSurvey } from "~/surveys/preview/preview";
import { publicQuestions } from "~/surveys/submission.server";
import type { FieldErrors } from "~/utils/forms";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { formDataToObject } from "~/utils/forms";
import { badRequest, idParam, notFound } from "~/utils/http.server";

/** A draft or open survey exactly as a prospect sees it, logic included; nothing is written. */

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Preview · ${data?.title ?? "Survey"} · Painmap` }];

async function previewSurvey(id: number) {
  const survey = await getSurvey(db(), id);
  if (!survey) throw notFound("We could not find that survey.");
  const questions = publicQuestions(await listQuestions(db(), id));
  const pages = [...new Set(questions.map((q) => q.page))].sort((a, b) => a - b);
  return { survey, s: { questions, pages } satisfies PreviewSurvey, oneAtATime: Number(survey.one_at_a_time) === 1 };
}

function pageData(
  s: PreviewSurvey,
  oneAtATime: boolean,
  pageIndex: number,
  answers: PreviewAnswers,
  values = previewValues(s, pageIndex, answers),
) {
  const page = pageOf(s, pageIndex);
  const stored = Object.entries(answers).map(([id, a]) => ({
    question_id: Number(id),
    value_text: a.text,
    value_number: a.number,
    value_json: a.json && JSON.stringify(a.json),
  }));
  return {
    done: false as const,
    pageIndex,
    pageCount: s.pages.length,
    questions: page,
    values,
    answers,
    logic: pageLogic(s.questions, page, stored, values),
    oneAtATime,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const { survey, s, oneAtATime } = await previewSurvey(idParam(params.id));
  const head = { id: survey.id, title: survey.title, intro: survey.intro, status: survey.status };
  if (!s.pages.length) return json({ ...head, empty: true as const });
  return json({ ...head, empty: false as const, step: pageData(s, oneAtATime, 1, {}) });
}

const PreviewMetaSchema = z.object({
  page: z.coerce
    .number({ message: "The page number is missing." })
    .int("The page number is not valid.")
    .min(1, "The page number is not valid."),
  intent: z.enum(["next", "back"], { message: "Unknown action." }).optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const { s, oneAtATime } = await previewSurvey(idParam(params.id));
  const form = await readFormData(request, 1024 * 1024);
  const input = formDataToObject(form);
  const meta = PreviewMetaSchema.safeParse(input);
  if (!meta.success || meta.data.page > s.pages.length)
    return badRequest({ "": ["This preview page does not exist any more. Start the preview again."] } as FieldErrors);
  const answers = readPreviewAnswers(input.answers);
  const step = previewStep(s, meta.data.page, answers, input, meta.data.intent ?? "next");
  if (step.kind === "done") return json({ step: { done: true as const } });
  return json(
    { step: { ...pageData(s, oneAtATime, step.pageIndex, step.answers, step.values), errors: step.errors } },
    { status: step.errors ? 400 : 200 },
  );
}

export default PreviewPage;

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
