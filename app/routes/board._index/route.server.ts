import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { activeRun, doneRuns, doneScopes, latestDoneRunOfAnyScope, latestRun } from "../../../db/queries/analysis-runs";
import { getSurvey, listSurveyChoices } from "../../../db/queries/surveys";
import type { BoardSort } from "~/board/board-cards";
import { boardView } from "~/board/board-view.server";
import { RunBusy, startRun } from "~/themes/analysis-runs.server";
import { boardChanges } from "~/themes/run-changes.server";
import { ALL_ROLES, MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { BoardQuerySchema, StartRunSchema } from "./board-schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ALL_ROLES);
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams);
  const parsed = BoardQuerySchema.safeParse({ ...raw, scope: raw.scope || undefined });
  const query = parsed.success ? parsed.data : BoardQuerySchema.parse({});
  const database = db();
  const [latestDone, active, last, scopes] = await Promise.all([
    latestDoneRunOfAnyScope(database),
    activeRun(database),
    latestRun(database),
    doneScopes(database),
  ]);
  const scope = query.scope === undefined ? (latestDone?.survey_id ?? null) : query.scope === "all" ? null : query.scope;
  const runs = await doneRuns(database, scope, 6);
  const board = await boardView(database, {
    scope,
    runs,
    userId: user.role === "sales" ? undefined : user.id,
    sort: query.sort as BoardSort,
    filters: { surveyId: query.survey, industry: query.industry, region: query.region, buyingRole: query.role, source: query.source },
  });
  const [surveys, changes] = await Promise.all([
    listSurveyChoices(database, { excludeDrafts: true }),
    boardChanges(database, scope, board),
  ]);
  // The run in progress; else the latest run when it failed or finished in the last 10 minutes.
  const recent = last && (last.status === "failed" || Date.now() - Date.parse(last.finished_at ?? last.created_at) < 10 * 60_000);
  const shown = active ?? (recent ? last : undefined);
  return json({
    user,
    canEdit: MARKETING_ROLES.includes(user.role),
    scope,
    scopes,
    query,
    // Only what the page shows: the run's quality report and keywords stay on the server.
    board: {
      ...board,
      changes,
      run: board.run ? { id: board.run.id, created_at: board.run.created_at, finished_at: board.run.finished_at } : null,
      previousRun: null,
      cards: board.cards.map(({ keywords: _keywords, analysisLabel: _analysisLabel, ...card }) => card),
    },
    surveys,
    run: shown ? { id: shown.id, status: shown.status, progress: shown.progress, stage: shown.stage, error: shown.error } : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, MARKETING_ROLES);
  const parsed = parseWith(StartRunSchema, await readFormData(request, 8 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const scope = parsed.data.scope === "all" ? null : parsed.data.scope;
  if (scope !== null) {
    if (!(await getSurvey(db(), scope))) return badRequest({ scope: ["That survey does not exist."] });
  }
  try {
    await startRun(db(), { surveyId: scope, trigger: "manual", userId: user.id });
  } catch (error) {
    if (error instanceof RunBusy) return badRequest({ "": [error.message] });
    throw error;
  }
  return redirect(`/board?scope=${scope ?? "all"}`);
}
