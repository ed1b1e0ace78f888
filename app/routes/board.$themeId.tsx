import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/Field";
import { MarkNotesSeen } from "~/board/MarkNotesSeen";
import { TrendBadge } from "~/board/TrendBadge";
import { triggerLabel } from "~/prospects/readiness";
import { formatUtcDateTime, percent } from "~/components/format";
import { doneRuns } from "../../db/queries/analysis-runs";
import { boardView, memberCompanies } from "~/board/board-view.server";
import { addNote, markNotesSeen, noteSeenAt, themeNotes } from "../../db/queries/notes";
import { roleTextsByResponse, getTheme, siblingThemes, themeLabel, themeMembers } from "../../db/queries/themes";
import { saveValueProposition, valuePropositionHistory, VersionConflict } from "../../db/queries/value-propositions";
import { editTheme, ThemeConflict } from "~/board/board.server";
import { answerTriggers } from "~/triggers/trigger-corrections.server";
import { TriggerPanel } from "~/triggers/TriggerPanel";
import { ALL_ROLES, MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { firstError, parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.theme.label ?? "Theme"} · Board · Painmap` }];

const version = z.coerce.number({ message: "Reload the page and try again." }).int().min(0);
const id = (message: string) => z.coerce.number({ message }).int({ message }).positive({ message });
const ids = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()).min(1, "Choose at least one answer to split out. Nothing was changed.").max(5000),
);

export const ThemeActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("rename"),
      version,
      label: z.string().trim().min(1, "Enter a name for the theme.").max(120, "Keep the name under 120 characters."),
    }),
    z.object({ intent: z.enum(["hide", "unhide", "pin", "unpin"]), version }),
    z.object({ intent: z.literal("seen") }),
    z.object({ intent: z.literal("merge"), version, targetId: id("Choose the theme to merge into.") }),
    z.object({
      intent: z.literal("split"),
      version,
      answerIds: ids,
      label: z.string().trim().min(1, "Name the new theme.").max(120, "Keep the name under 120 characters."),
    }),
    z.object({
      intent: z.literal("move"),
      version,
      answerId: id("Choose an answer."),
      targetId: id("Choose the theme to move the answer to."),
    }),
    z.object({
      intent: z.literal("vp"),
      basedOn: version,
      statement: z
        .string()
        .trim()
        .min(10, "Write the value proposition as the pain it relieves (at least 10 characters).")
        .max(2000, "Keep it under 2,000 characters."),
    }),
    z.object({
      intent: z.literal("note"),
      body: z
        .string()
        .trim()
        .min(3, "Write what the customer said (at least 3 characters).")
        .max(2000, "Keep the note under 2,000 characters."),
      outcome: z.enum(["", "won", "lost"], { message: "Choose won, lost or no outcome." }).transform((v) => (v === "" ? null : v)),
    }),
  ],
  { message: "Unknown action." },
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ALL_ROLES);
  const database = db();
  const theme = await getTheme(database, idParam(params.themeId));
  if (!theme || theme.kind !== "pain") throw notFound("That theme does not exist.");
  if (theme.status === "merged" && theme.merged_into_id) throw redirect(`/board/${theme.merged_into_id}`);
  const canEdit = MARKETING_ROLES.includes(user.role);
  const runs = await doneRuns(database, theme.survey_id, 6);
  const [members, history, notes, siblings, seenAt, board] = await Promise.all([
    themeMembers(database, theme.id),
    valuePropositionHistory(database, theme.id),
    themeNotes(database, theme.id),
    siblingThemes(database, theme),
    canEdit ? noteSeenAt(database, user.id, theme.id) : Promise.resolve(null),
    boardView(database, { scope: theme.survey_id, runs }),
  ]);
  const facts = await roleTextsByResponse(
    database,
    [...new Set(members.map((m) => m.response_id))],
    ["buying_role", "pain_severity", "company_name", "industry"],
  );
  const card = board.cards.find((c) => c.themeId === theme.id) ?? null;
  const shownCompany = await memberCompanies(
    database,
    members.map((m) => ({ personId: m.person_id, company: m.company ?? facts.get("company_name")?.get(m.response_id) ?? null })),
  );
  const triggers = await answerTriggers(
    database,
    members.map((m) => ({ answerId: m.answer_id, text: m.text })),
  );
  return json({
    triggers,
    canEdit,
    theme: {
      id: theme.id,
      label: themeLabel(theme),
      analysisLabel: theme.label,
      customLabel: theme.custom_label,
      summary: theme.summary,
      status: theme.status,
      pinned: theme.pinned === 1,
      version: theme.version,
      keywords: JSON.parse(theme.keywords || "[]") as string[],
    },
    card,
    members: members.map((m, i) => ({
      answerId: m.answer_id,
      text: m.text,
      by: m.assigned_by,
      company: shownCompany[i],
      role: facts.get("buying_role")?.get(m.response_id) ?? m.job_title ?? null,
      industry: facts.get("industry")?.get(m.response_id) ?? m.company_industry ?? null,
      pain: facts.get("pain_severity")?.get(m.response_id) ?? null,
    })),
    history: history.map((v, i) => ({ ...v, previous: history[i + 1]?.statement ?? null })),
    notes: notes.map((n) => ({ ...n, isNew: canEdit && n.author_id !== user.id && (!seenAt || n.created_at > seenAt) })),
    siblings,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ALL_ROLES);
  const themeId = idParam(params.themeId);
  const parsed = parseWith(ThemeActionSchema, await readFormData(request, 128 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const input = parsed.data;
  const database = db();
  const theme = await getTheme(database, themeId);
  if (!theme || theme.kind !== "pain") throw notFound("That theme does not exist.");

  if (input.intent === "note") {
    if (theme.status === "merged") return conflict("This theme was merged into another one; reload the board and add the note there.");
    await addNote(database, { themeId, authorId: user.id, authorRole: user.role, body: input.body, outcome: input.outcome });
    return json({ ok: true as const, message: "Note added. Marketing will see it flagged on the board." });
  }
  if (!MARKETING_ROLES.includes(user.role)) {
    throw new Response("Only marketers can change themes and value propositions.", { status: 403 });
  }
  if (input.intent === "seen") {
    // A loader must not write (a prefetch or a crawler would mark notes read); the page posts this.
    await markNotesSeen(database, user.id, theme.id);
    return json({ ok: true as const, message: "Notes marked as read." });
  }
  try {
    if (input.intent === "vp") {
      if (theme.status === "merged") return conflict("This theme was merged into another one; reload the board.");
      const saved = await saveValueProposition(database, {
        themeId,
        statement: input.statement,
        authorId: user.id,
        basedOn: input.basedOn,
      });
      return json({ ok: true as const, message: `Saved as version ${saved}.` });
    }
    const edit =
      input.intent === "rename"
        ? { intent: input.intent, label: input.label }
        : input.intent === "merge"
          ? { intent: input.intent, targetId: input.targetId }
          : input.intent === "split"
            ? { intent: input.intent, answerIds: input.answerIds, label: input.label }
            : input.intent === "move"
              ? { intent: input.intent, answerId: input.answerId, targetId: input.targetId }
              : { intent: input.intent };
    const result = await editTheme(database, theme, input.version, edit, user.id);
    if (input.intent === "merge" || input.intent === "split") return redirect(`/board/${result.themeId}`);
    return json({ ok: true as const, message: "Saved." });
  } catch (error) {
    if (error instanceof ThemeConflict || error instanceof VersionConflict) return conflict(error.message);
    throw error;
  }
}

// Marking notes read must not reload the page: the "New" flags stay until the next visit.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "seen" ? false : defaultShouldRevalidate;

function conflict(message: string) {
  return json({ ok: false as const, errors: { "": [message] } as Record<string, string[]> }, { status: 409 });
}

export default function ThemePage() {
  const { theme, card, members, history, notes, siblings, canEdit, triggers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const current = history[0];
  return (
    <div className="page theme-page">
      <p>
        <Link to="/board">← Board</Link>
      </p>
      <div className="page-head">
        <h1>{theme.label}</h1>
        <div className="row">
          {theme.status === "hidden" ? <span className="badge badge--warn">Hidden from the board</span> : null}
          {theme.pinned ? <span className="badge">Pinned</span> : null}
          {card ? <TrendBadge trend={card.trend} /> : null}
        </div>
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {theme.summary ? <p className="theme-summary">{theme.summary}</p> : null}
      <FormErrors errors={errors?.[""]} />
      {card ? (
        <p className="muted">
          {card.respondents} respondents ({percent(card.share)}) · average pain{" "}
          {card.avgSeverity === null ? "–" : card.avgSeverity.toFixed(1)} / 10
          {card.triggerMix.length ? ` · triggers: ${card.triggerMix.map((t) => `${triggerLabel(t.type)} ${t.count}`).join(", ")}` : ""}
        </p>
      ) : null}
      {theme.customLabel ? <p className="muted">Analysis label: {theme.analysisLabel}</p> : null}

      <section className="card" aria-labelledby="vp-title">
        <h2 id="vp-title">Value proposition</h2>
        {current ? <p className="vp-current">{current.statement}</p> : <p className="muted">No value proposition yet.</p>}
        {canEdit ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="vp" />
            <input type="hidden" name="basedOn" value={current?.version ?? 0} />
            <Field
              id="vp-statement"
              label={current ? "New version" : "Write the value proposition"}
              help="Say which pain it relieves, in the customers' words."
              error={firstError(errors, "statement")}
              required
            >
              {(aria) => (
                <textarea {...aria} name="statement" rows={3} defaultValue={current?.statement ?? ""} key={current?.version ?? 0} />
              )}
            </Field>
            <button type="submit" disabled={busy}>
              Save value proposition
            </button>
          </Form>
        ) : null}
        {history.length ? (
          <details>
            <summary>
              History ({history.length} {history.length === 1 ? "version" : "versions"})
            </summary>
            <ol className="vp-history" reversed>
              {history.map((v) => (
                <li key={v.id}>
                  <p>
                    <strong>Version {v.version}</strong> by {v.author_name ?? "someone"}, {formatUtcDateTime(v.created_at)} UTC
                  </p>
                  {v.previous !== null ? (
                    <p className="vp-diff">
                      <del>{v.previous}</del>
                    </p>
                  ) : null}
                  <p className="vp-diff">
                    <ins>{v.statement}</ins>
                  </p>
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </section>

      <section className="card" aria-labelledby="notes-title">
        <h2 id="notes-title">Field notes from sales</h2>
        {/* keyed by the note count: a saved note remounts the form empty; an error keeps what was typed */}
        <Form method="post" noValidate key={`note-form-${notes.length}`}>
          <input type="hidden" name="intent" value="note" />
          <Field id="note-body" label="What did the customer say mattered?" error={firstError(errors, "body")} required>
            {(aria) => <textarea {...aria} name="body" rows={2} />}
          </Field>
          <Field id="note-outcome" label="Outcome" error={firstError(errors, "outcome")}>
            {(aria) => (
              <select {...aria} name="outcome" defaultValue="">
                <option value="">No outcome yet</option>
                <option value="won">Won</option>
                <option value="lost">Lost</option>
              </select>
            )}
          </Field>
          <button type="submit" disabled={busy}>
            Add note
          </button>
        </Form>
        {canEdit ? <MarkNotesSeen themeId={theme.id} hasNew={notes.some((n) => n.isNew)} /> : null}
        {notes.length ? (
          <ul className="notes">
            {notes.map((n) => (
              <li key={n.id} className={n.isNew ? "note note--new" : "note"}>
                {n.isNew ? <span className="badge badge--danger">New</span> : null}{" "}
                {n.outcome ? <span className={n.outcome === "won" ? "badge badge--ok" : "badge badge--warn"}>{n.outcome}</span> : null}
                <p>“{n.body}”</p>
                <p className="muted">
                  {n.author_name ?? "someone"} ({n.author_role}), {formatUtcDateTime(n.created_at)} UTC
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No notes yet. Sales: tell marketing what customers valued, and whether you won or lost.</p>
        )}
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">Edit this theme</h2>
          <p className="muted">Your decisions survive every later analysis run.</p>
          <Form method="post" className="row" noValidate>
            <input type="hidden" name="intent" value="rename" />
            <input type="hidden" name="version" value={theme.version} />
            <Field id="rename-label" label="Name" error={firstError(errors, "label")}>
              {(aria) => <input {...aria} name="label" defaultValue={theme.label} key={theme.label} />}
            </Field>
            <button type="submit" disabled={busy}>
              Rename
            </button>
          </Form>
          <div className="row">
            <Form method="post">
              <input type="hidden" name="intent" value={theme.status === "hidden" ? "unhide" : "hide"} />
              <input type="hidden" name="version" value={theme.version} />
              <button type="submit" className="button--secondary" disabled={busy}>
                {theme.status === "hidden" ? "Show on the board" : "Hide from the board"}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value={theme.pinned ? "unpin" : "pin"} />
              <input type="hidden" name="version" value={theme.version} />
              <button type="submit" className="button--secondary" disabled={busy}>
                {theme.pinned ? "Unpin" : "Pin to the top"}
              </button>
            </Form>
          </div>
          {siblings.length ? (
            <Form method="post" className="row" noValidate>
              <input type="hidden" name="intent" value="merge" />
              <input type="hidden" name="version" value={theme.version} />
              <Field id="merge-target" label="Merge this theme into" error={firstError(errors, "targetId")}>
                {(aria) => (
                  <select {...aria} name="targetId" defaultValue="">
                    <option value="">Choose a theme…</option>
                    {siblings.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                        {s.status === "hidden" ? " (hidden)" : ""}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="submit" className="button--secondary" disabled={busy}>
                Merge
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="members-title">
        <h2 id="members-title">What respondents wrote ({members.length})</h2>
        {members.length === 0 ? <p className="empty">No answers in this theme since the last run.</p> : null}
        <Form method="post" id="split-form" noValidate>
          <input type="hidden" name="intent" value="split" />
          <input type="hidden" name="version" value={theme.version} />
        </Form>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {canEdit ? (
                  <th>
                    <span className="sr-only">Split out</span>
                  </th>
                ) : null}
                <th>Answer</th>
                <th>Company</th>
                <th>Role</th>
                <th>Pain</th>
                {canEdit ? <th>Move to</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.answerId}>
                  {canEdit ? (
                    <td>
                      <input
                        type="checkbox"
                        name="answerIds"
                        value={m.answerId}
                        form="split-form"
                        aria-label={`Split out: ${m.text.slice(0, 60)}`}
                      />
                    </td>
                  ) : null}
                  <td>
                    {m.text}
                    {m.by === "user" ? <span className="muted"> (placed by a marketer)</span> : null}
                    {triggers[m.answerId] ? (
                      <TriggerPanel
                        answerId={m.answerId}
                        {...triggers[m.answerId]}
                        back={{ to: "theme", id: theme.id }}
                        canEdit={canEdit}
                      />
                    ) : null}
                  </td>
                  <td>{m.company ?? "–"}</td>
                  <td>{m.role ?? "–"}</td>
                  <td>{m.pain ?? "–"}</td>
                  {canEdit ? (
                    <td>
                      <Form method="post" className="row">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="version" value={theme.version} />
                        <input type="hidden" name="answerId" value={m.answerId} />
                        <label className="sr-only" htmlFor={`move-${m.answerId}`}>
                          Move this answer to
                        </label>
                        <select id={`move-${m.answerId}`} name="targetId" defaultValue="" style={{ width: "auto" }}>
                          <option value="">Choose…</option>
                          {siblings.map((s) => (
                            <option key={s.id} value={s.id}>
                              {s.label}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button--small button--secondary" disabled={busy}>
                          Move
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit && members.length ? (
          <div className="row split-controls">
            <Field
              id="split-label"
              label="Split the ticked answers into a new theme named"
              error={firstError(errors, "label") ?? firstError(errors, "answerIds")}
            >
              {(aria) => <input {...aria} name="label" form="split-form" />}
            </Field>
            <button type="submit" form="split-form" className="button--secondary" disabled={busy}>
              Split out
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
