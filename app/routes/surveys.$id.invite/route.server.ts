import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { invitationFunnel } from "../../../db/queries/reach";
import { getSurvey } from "../../../db/queries/surveys";
import { parseContactCsv, parseContactXlsx, type ContactRow, type ParsedList } from "~/reach/contact-list.server";
import { INVITE_MAX_BYTES, InviteFormSchema } from "~/reach/invite-schema";
import { checkContacts, sendInvitations } from "~/reach/invitations.server";
import { poke } from "~/jobs/runner.server";
import { EMAIL_SEND } from "~/jobs/email-send.job.server";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound } from "~/utils/http.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

async function loadSurvey(request: Request, idText: string | undefined) {
  const user = await requireUser(request, MARKETING_ROLES);
  const survey = await getSurvey(db(), idParam(idText));
  if (!survey) throw notFound("We could not find that survey.");
  return { user, survey };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { survey } = await loadSurvey(request, params.id);
  return json(
    {
      survey: { id: survey.id, title: survey.title, status: survey.status, slug: survey.slug },
      funnel: await invitationFunnel(db(), survey.id),
      smtp: Boolean(env().SMTP_URL),
    },
    { headers: NO_STORE },
  );
}

/** The rows as the CSV the send form carries back (what the preview showed is what is sent). */
function asCsv(rows: ContactRow[]): string {
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r.fields)))];
  return stringify([
    ["email", "name", "company", "role", ...extra],
    ...rows.map((r) => [r.email, r.name ?? "", r.company ?? "", r.role ?? "", ...extra.map((k) => r.fields[k] ?? "")]),
  ]);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, survey } = await loadSurvey(request, params.id);
  const form = await readFormData(request, INVITE_MAX_BYTES + 256 * 1024);
  const parsed = parseWith(InviteFormSchema, form);
  if (!parsed.success) return badRequest(parsed.errors, { rows: null });
  const input = parsed.data;
  if (survey.status !== "open")
    return badRequest({ "": ["Publish the survey first: invitations link to its public page."] }, { rows: null });

  let list: ParsedList;
  const file = form.get("file");
  if (input.intent === "preview" && file instanceof File && file.size > 0) {
    const data = Buffer.from(await file.arrayBuffer());
    list = /\.xlsx$/i.test(file.name) ? await parseContactXlsx(data) : parseContactCsv(data.toString("utf8"));
  } else if (input.contacts.trim()) list = parseContactCsv(input.contacts);
  else return badRequest({ contacts: ["Paste the list or choose a CSV or XLSX file."] }, { rows: null });
  if (!list.ok) return badRequest({ contacts: [list.message] }, { rows: null });

  const checked = await checkContacts(db(), survey.id, list.rows);
  if (input.intent === "preview")
    return json({ ok: true as const, sent: null, rows: checked, csv: asCsv(list.rows), errors: undefined }, { headers: NO_STORE });
  if (input.confirm !== "yes")
    return badRequest(
      { confirm: ["Tick the box to confirm you want to send these invitations."] },
      { rows: checked, csv: asCsv(list.rows) },
    );
  const sent = await sendInvitations(
    db(),
    {
      survey: { id: survey.id, slug: survey.slug, title: survey.title },
      campaign: input.campaign,
      subject: input.subject,
      message: input.message,
      reminderDays: input.reminderDays,
      reminderCount: input.reminderCount,
      createdBy: user.id,
    },
    list.rows,
  );
  poke(db(), EMAIL_SEND);
  return json({ ok: true as const, sent, rows: null, csv: "", errors: undefined }, { headers: NO_STORE });
}
