/**
 * Expected refusals (4xx: a wrong method, a `?_data` for a route that does not match, a 403) are
 * one line each: anyone can send them, and a 13-line stack per request let anonymous clients flood
 * the log. Stacks stay for 5xx and unexpected errors.
 */
export function logRefusal(status: number, request: Request, reason?: string): void {
  const url = new URL(request.url);
  const detail = reason ? ` ${reason.replace(/\s+/g, " ").slice(0, 200)}` : "";
  console.warn(`${status} ${request.method} ${url.pathname}${detail}`);
}
