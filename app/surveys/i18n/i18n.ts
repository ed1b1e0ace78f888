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

/**
 * An answer-schema message with values in it ("Please keep this under {{max, number}} characters…"):
 * the key is the English template in `errors`, the English text is what the schema returns (server
 * logs, imports and tests read English), and `translateErrors` finds the template again to say it
 * in the prospect's language with the same values.
 */
export function errorMessage(template: string, values: Record<string, string | number>): string {
  return base.t(template, { ns: "errors", ...values });
}

/** The `errors` keys that carry values, each with a pattern that reads those values back out of the English text. */
const templates = Object.keys(en.errors)
  .filter((key) => key.includes("{{"))
  .map((key) => {
    const names: string[] = [];
    const source = key
      .split(/(\{\{[^}]+\}\})/)
      .map((part) => {
        const m = /^\{\{\s*([A-Za-z]+)[^}]*\}\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(m[1]);
        return "(.+?)";
      })
      .join("");
    return { key, names, pattern: new RegExp(`^${source}$`) };
  });

/** "10,000" back to 10000 (so the other language formats it its own way); anything else stays text. */
const readValue = (text: string): string | number => (/^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(text) ? Number(text.replace(/,/g, "")) : text);

/** One message in the prospect's language: a plain key, or a template with its values; English when untranslated. */
export function translateError(message: string, t: TFunction): string {
  for (const { key, names, pattern } of templates) {
    const m = pattern.exec(message);
    if (m) return t(key, { ns: "errors", ...Object.fromEntries(names.map((n, i) => [n, readValue(m[i + 1])])) });
  }
  return t(message, { ns: "errors", defaultValue: message });
}

/** Field errors in the prospect's language: each message looked up in `errors`, English when untranslated. */
export function translateErrors(errors: Record<string, string[]> | undefined, t: TFunction): Record<string, string[]> | undefined {
  if (!errors) return errors;
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map((m) => translateError(m, t))]));
}
