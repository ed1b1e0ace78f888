/**
 * The languages the public form speaks (its own words in locales/*.json) and that a survey can be
 * translated into. A survey is written in English; translations add the others (ADR 0602).
 */
const FORM_LANGUAGES = ["en", "es", "de", "fr"] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];
export const SOURCE_LANGUAGE: FormLanguage = "en";

/** Each language by its own name: a prospect looks for "Español", not "Spanish". */
export const LANGUAGE_NAMES: Record<FormLanguage, string> = { en: "English", es: "Español", de: "Deutsch", fr: "Français" };
/** The same in English, for the marketer's pages. */
export const LANGUAGE_LABELS: Record<FormLanguage, string> = { en: "English", es: "Spanish", de: "German", fr: "French" };

export function isFormLanguage(value: unknown): value is FormLanguage {
  return typeof value === "string" && (FORM_LANGUAGES as readonly string[]).includes(value);
}

export const TRANSLATION_LANGUAGES = FORM_LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE);
