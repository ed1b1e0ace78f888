import Negotiator from "negotiator";
import { isFormLanguage, SOURCE_LANGUAGE, type FormLanguage } from "./languages.js";

/**
 * The language a prospect sees: an explicit choice (`?lang=`, the language switch) when the survey
 * has it, else the best match of the browser's Accept-Language among the survey's languages
 * (negotiator, the parser Express uses), else the survey's own language.
 */
export function chooseLanguage(request: Request, available: readonly FormLanguage[], explicit?: string | null): FormLanguage {
  if (isFormLanguage(explicit) && available.includes(explicit)) return explicit;
  const header = request.headers.get("accept-language") ?? undefined;
  const best = new Negotiator({ headers: { "accept-language": header } }).language([...available]);
  return isFormLanguage(best) ? best : SOURCE_LANGUAGE;
}
