/** The public answering page of a survey (built by the public survey route). */
export function publicSurveyUrl(origin: string, slug: string): string {
  return `${origin}/s/${slug}`;
}
