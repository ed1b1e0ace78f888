/**
 * The answer schema's messages that carry values, as i18next templates: each is a key of the
 * `errors` namespace in app/surveys/i18n/locales/*.json (translated there with the same
 * placeholders). The schema says them in English through `errorMessage`; the public form
 * translates them with `translateErrors` (ADR 0604). Every other word the public form shows is a
 * key of the `form` namespace.
 */
export const TOO_LONG = "Please keep this under {{max, number}} characters. It has {{count, number}}; nothing was cut, please shorten it.";
export const EXCLUSIVE = "“{{option}}” cannot be combined with other choices. Untick it or the others.";
export const WHOLE_NUMBER = "Choose a whole number from {{min}} to {{max}}.";
