import { env } from "~/utils/env.server";

/** The origin public survey links are shown with: PUBLIC_URL when set, else this request's own. */
export function publicOrigin(request: Request): string {
  return (env().PUBLIC_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}

/** The public answering page of a survey (built by the public survey route). */
export function publicSurveyUrl(origin: string, slug: string): string {
  return `${origin}/s/${slug}`;
}
