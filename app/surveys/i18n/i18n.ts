import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import de from "./locales/de.json";
import en from "./locales/en.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";
import { SOURCE_LANGUAGE, type FormLanguage } from "./languages.js";

/**
 * The public form's own words through i18next (ADR 0602). Resources are the JSON files beside this
 * module, bundled into both the server and the browser build: nothing is fetched at run time, and
 * the server render and the hydrated page use the same strings. Namespaces: `form` (buttons,
 * progress, notices, labels) and `errors`, keyed by the English message the answer schema gives,
 * so a message added there without a translation still shows, in English.
 */
export const resources = { en, es, de, fr } as const;

const base = i18next.createInstance();
void base.use(initReactI18next).init({
  resources,
  lng: SOURCE_LANGUAGE,
  fallbackLng: SOURCE_LANGUAGE,
  ns: ["form", "errors"],
  defaultNS: "form",
  // English messages are keys in `errors`: no "." or ":" splitting.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnNull: false,
});

const byLanguage = new Map<FormLanguage, I18n>();

/** The i18next instance of one language (cloned from the base: same resources, its own language). */
export function formI18n(language: FormLanguage): I18n {
  if (language === SOURCE_LANGUAGE) return base;
  let instance = byLanguage.get(language);
  if (!instance) {
    instance = base.cloneInstance({ lng: language, initAsync: false });
    byLanguage.set(language, instance);
  }
  return instance;
}

/** The form's words in the language of the nearest I18nextProvider (English without one, e.g. the builder's preview). */
export function useFormT(): TFunction {
  return useTranslation("form").t;
}

/** Field errors in the prospect's language: each message looked up in `errors`, English when untranslated. */
export function translateErrors(errors: Record<string, string[]> | undefined, t: TFunction): Record<string, string[]> | undefined {
  if (!errors) return errors;
  return Object.fromEntries(
    Object.entries(errors).map(([field, messages]) => [field, messages.map((m) => t(m, { ns: "errors", defaultValue: m }))]),
  );
}
