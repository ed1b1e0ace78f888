/** The origin public survey links are shown with (one definition for every link the app hands out). */
export { publicOrigin } from "../utils/http.server.js";

/** The public answering page of a survey (built by the public survey route). */
export function publicSurveyUrl(origin: string, slug: string): string {
  return `${origin}/s/${slug}`;
}
