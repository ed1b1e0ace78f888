import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { doneRuns } from "../../../db/queries/analysis-runs";
import { boardView, memberCompanies } from "~/board/board-view.server";
import { addNote, markNotesSeen, noteSeenAt, themeNotes } from "../../../db/queries/notes";
import { roleTextsByResponse, getTheme, siblingThemes, themeLabel, themeMembers } from "../../../db/queries/themes";
import { saveValueProposition, valuePropositionHistory, VersionConflict } from "../../../db/queries/value-propositions";
import { editTheme, ThemeConflict } from "~/board/board.server";
import { answerTriggers } from "~/triggers/trigger-corrections.server";
import { ALL_ROLES, MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound } from "~/utils/http.server";

import { ThemeActionSchema } from "./theme-action-schema";

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

function conflict(message: string) {
  return json({ ok: false as const, errors: { "": [message] } as Record<string, string[]> }, { status: 409 });
}
