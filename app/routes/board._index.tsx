import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormErrors } from "~/components/Field";
import { FilterSelect } from "~/components/FilterSelect";
import { formatUtcDateTime } from "~/components/format";
import { RunProgress } from "~/themes/RunProgress";
import { ThemeCard } from "~/board/ThemeCard";
import { activeRun, doneRuns, doneScopes, latestDoneRunOfAnyScope, latestRun } from "../../db/queries/analysis-runs";
import type { BoardSort } from "../board/board-cards";
import { boardView } from "~/board/board-view.server";
import { getSurvey, listSurveyChoices } from "../../db/queries/surveys";
import { RunBusy, startRun } from "~/themes/analysis-runs.server";
import { boardChanges } from "~/themes/run-changes.server";
import { ALL_ROLES, MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Board · Painmap" }];

const text = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);
export const BoardQuerySchema = z.object({
  scope: z.union([z.literal("all"), z.coerce.number().int().positive()]).optional(),
  survey: z.coerce.number().int().positive().optional().catch(undefined),
  industry: text.catch(undefined),
  region: text.catch(undefined),
  role: text.catch(undefined),
  source: text.catch(undefined),
  sort: z.enum(["impact", "share", "severity", "respondents"]).catch("impact"),
});

export const StartRunSchema = z.object({
  intent: z.literal("run", { message: "Unknown action." }),
  scope: z.union([z.literal("all"), z.coerce.number({ message: "Choose a survey or all surveys." }).int().positive()], {
    message: "Choose a survey or all surveys.",
  }),
});

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

function scopeName(scope: number | null, surveys: Array<{ id: number; title: string }>): string {
  return scope === null ? "All surveys" : (surveys.find((s) => s.id === scope)?.title ?? `Survey ${scope}`);
}

export default function Board() {
  const { board, canEdit, scope, scopes, query, surveys, run, user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const starting = navigation.state !== "idle" && navigation.formData?.get("intent") === "run";
  const runActive = run && (run.status === "queued" || run.status === "running");
  const scopeParam = scope === null ? "all" : String(scope);
  const changes = board.changes;
  const hasChanges =
    changes.added.length + changes.growing.length + changes.fading.length + changes.gone.length + changes.edited.length > 0;
  return (
    <div className="page board">
      {runActive ? (
        <noscript>
          <meta httpEquiv="refresh" content="3" />
        </noscript>
      ) : null}
      <div className="page-head">
        <h1>Value-proposition board</h1>
        <nav className="row" aria-label="Board views">
          <Link className="button button--secondary" to={`/board/messaging?scope=${scopeParam}`}>
            Messaging
          </Link>
          <Link className="button button--secondary" to={`/board/triggers?scope=${scopeParam}`}>
            Triggers
          </Link>
        </nav>
      </div>

      {canEdit ? (
        <Form method="post" className="card row board-run" noValidate>
          <input type="hidden" name="intent" value="run" />
          <label htmlFor="run-scope">Analyse</label>
          <select id="run-scope" name="scope" defaultValue={scopeParam} style={{ width: "auto" }}>
            <option value="all">All surveys</option>
            {surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <button type="submit" disabled={starting || Boolean(runActive)}>
            {starting ? "Starting…" : "Run analysis"}
          </button>
        </Form>
      ) : null}
      {result && !result.ok ? <FormErrors errors={Object.values(result.errors).flat()} /> : null}
      {run ? <RunProgress key={run.id} run={run} refreshHref={`/board?scope=${scopeParam}`} /> : null}

      {scopes.length > 1 ? (
        <p className="row">
          Themes of:{" "}
          {scopes.map((s) => (
            <Link
              key={String(s)}
              to={`/board?scope=${s ?? "all"}`}
              aria-current={s === scope ? "page" : undefined}
              className={s === scope ? "badge badge--accent" : "badge"}
            >
              {scopeName(s, surveys)}
            </Link>
          ))}
        </p>
      ) : null}

      {!board.run ? (
        <div className="empty">
          <p>
            No analysis yet.{" "}
            {canEdit
              ? "Choose a survey (or all) and press “Run analysis” to group what prospects wrote into pain themes."
              : "A marketer has not run an analysis yet; the themes appear here when they do."}
          </p>
        </div>
      ) : (
        <>
          <p className="muted">
            {scopeName(scope, surveys)} · run #{board.run.id} finished {formatUtcDateTime(board.run.finished_at ?? board.run.created_at)}{" "}
            UTC · {board.totalRespondents} respondents
            {query.survey || query.industry || query.region || query.role || query.source ? " match the filters" : ""}
          </p>
          {hasChanges ? (
            <section className="card board-changes" aria-labelledby="changes-title">
              <h2 id="changes-title">Since the previous run</h2>
              <ul>
                {changes.added.length ? (
                  <li>
                    <strong>New:</strong> {changes.added.join(", ")}
                  </li>
                ) : null}
                {changes.growing.length ? (
                  <li>
                    <strong>Growing:</strong> {changes.growing.join(", ")}
                  </li>
                ) : null}
                {changes.fading.length ? (
                  <li>
                    <strong>Fading:</strong> {changes.fading.join(", ")}
                  </li>
                ) : null}
                {changes.gone.length ? (
                  <li>
                    <strong>No longer found:</strong> {changes.gone.join(", ")}
                  </li>
                ) : null}
                {changes.edited.length ? (
                  <li>
                    <strong>Edited by a marketer:</strong> {changes.edited.join("; ")}
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}

          <Form method="get" className="filters card" aria-label="Filter the board">
            <input type="hidden" name="scope" value={scopeParam} />
            <FilterSelect
              id="f-survey"
              name="survey"
              label="Survey"
              value={query.survey ? String(query.survey) : ""}
              options={board.options.surveys.map((s) => ({ value: String(s.id), label: s.title }))}
            />
            <FilterSelect
              id="f-industry"
              name="industry"
              label="Industry"
              value={query.industry ?? ""}
              options={board.options.industry.map((v) => ({ value: v, label: v }))}
            />
            <FilterSelect
              id="f-region"
              name="region"
              label="Region"
              value={query.region ?? ""}
              options={board.options.region.map((v) => ({ value: v, label: v }))}
            />
            <FilterSelect
              id="f-role"
              name="role"
              label="Buying role"
              value={query.role ?? ""}
              options={board.options.buyingRole.map((v) => ({ value: v, label: v }))}
            />
            <FilterSelect
              id="f-source"
              name="source"
              label="Source"
              value={query.source ?? ""}
              options={board.options.source.map((v) => ({ value: v, label: v }))}
            />
            <div className="field">
              <label htmlFor="f-sort">Sort by</label>
              <select id="f-sort" name="sort" defaultValue={query.sort}>
                <option value="impact">Impact (share × severity)</option>
                <option value="share">Share</option>
                <option value="severity">Severity</option>
                <option value="respondents">Respondents</option>
              </select>
            </div>
            <div className="row">
              <button type="submit" className="button--secondary">
                Apply
              </button>
              <Link to={`/board?scope=${scopeParam}`}>Clear</Link>
            </div>
          </Form>

          {board.cards.length === 0 ? (
            <div className="empty">
              <p>No theme matches these filters. Clear a filter to see more.</p>
            </div>
          ) : (
            <ol className="board-cards" aria-label="Pain themes by impact">
              {board.cards.map((card) => (
                <li key={card.themeId}>
                  <ThemeCard card={card} showNoteFlags={user.role !== "sales"} />
                </li>
              ))}
            </ol>
          )}
          {canEdit && board.hidden.length ? (
            <details className="card">
              <summary>Hidden themes ({board.hidden.length})</summary>
              <ul>
                {board.hidden.map((h) => (
                  <li key={h.id}>
                    <Link to={`/board/${h.id}`}>{h.label}</Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
