import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isFormLanguage, SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, type FormLanguage } from "~/surveys/i18n/languages";
import { flatStrings, parseTranslation, sourceEntries } from "~/surveys/i18n/translation";
import { MAX_CSV_BYTES, parseTranslationCsv } from "~/surveys/i18n/translation-csv";
import { loadSource, removeTranslation, storedTranslation, translationStatus, writeTranslation } from "~/surveys/i18n/translations.server";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { formDataToObject } from "~/utils/forms";
import { badRequest, idParam, notFound } from "~/utils/http.server";

/** A survey's translations (issue 13 item 6, ADR 0602): one language at a time, by form or CSV. */

async function load(request: Request, idText: string | undefined) {
  await requireUser(request, MARKETING_ROLES);
  const id = idParam(idText);
  const loaded = await loadSource(db(), id);
  if (!loaded) throw notFound("We could not find that survey.");
  return { id, ...loaded };
}

function languageOf(value: unknown): FormLanguage {
  return isFormLanguage(value) && value !== SOURCE_LANGUAGE ? value : TRANSLATION_LANGUAGES[0]!;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, survey, source } = await load(request, params.id);
  const language = languageOf(new URL(request.url).searchParams.get("lang"));
  return json(
    {
      survey: { id, title: survey.title, slug: survey.slug, status: survey.status },
      language,
      languages: await translationStatus(db(), id, source),
      entries: sourceEntries(source),
      values: flatStrings(source, await storedTranslation(db(), id, language)),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id, source } = await load(request, params.id);
  const form = await readFormData(request, MAX_CSV_BYTES + 64 * 1024);
  const intent = form.get("intent");
  const language = languageOf(form.get("lang"));
  if (intent === "save") {
    const values = formDataToObject(form);
    const parsed = parseTranslation(source, values);
    if (!parsed.success) return badRequest(parsed.errors, { intent, values });
    await writeTranslation(db(), id, language, parsed.data);
    return json({ ok: true as const, intent, message: "Translation saved. Prospects whose browser asks for this language now see it." });
  }
  if (intent === "import") {
    const file = form.get("file");
    if (!file || typeof file === "string" || file.size === 0)
      return badRequest({ file: ["Choose a CSV file to import."] }, { intent, values: {} });
    if (file.size > MAX_CSV_BYTES) return badRequest({ file: ["The file is larger than 1 MB."] }, { intent, values: {} });
    const parsed = parseTranslationCsv(source, language, await file.text());
    if (!parsed.success) return badRequest(parsed.errors, { intent, values: {} });
    await writeTranslation(db(), id, language, parsed.data);
    return json({ ok: true as const, intent, message: "Translation imported from the CSV." });
  }
  if (intent === "remove") {
    await removeTranslation(db(), id, language);
    return json({ ok: true as const, intent, message: "Translation removed." });
  }
  return badRequest({ "": ["Unknown action."] }, { intent: "", values: {} });
}
