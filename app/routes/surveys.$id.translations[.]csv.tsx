import type { LoaderFunctionArgs } from "@remix-run/node";
import { isFormLanguage, SOURCE_LANGUAGE } from "~/surveys/i18n/languages";
import { translationCsv } from "~/surveys/i18n/translation-csv";
import { loadSource, storedTranslation } from "~/surveys/i18n/translations.server";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { attachmentDisposition } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { idParam, notFound } from "~/utils/http.server";

/** A survey's strings with one language's translations as CSV, for a translator (ADR 0602). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  const lang = new URL(request.url).searchParams.get("lang");
  if (!isFormLanguage(lang) || lang === SOURCE_LANGUAGE) throw notFound("Choose a language to export: es, de or fr.");
  const id = idParam(params.id);
  const loaded = await loadSource(db(), id);
  if (!loaded) throw notFound("We could not find that survey.");
  return new Response(translationCsv(loaded.source, lang, await storedTranslation(db(), id, lang)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`${loaded.survey.slug}-${lang}.csv`),
      "Cache-Control": "private, no-store",
    },
  });
}
