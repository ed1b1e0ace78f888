import { json } from "@remix-run/node";
import { env } from "./env.server.js";
import type { FieldErrors } from "./forms.js";

/**
 * The one shape every action answers bad input with: 400 and a message per field, plus `extra`
 * fields the page re-renders with (their types reach useActionData).
 */
export function badRequest<E extends Record<string, unknown> = Record<never, never>>(errors: FieldErrors, extra?: E) {
  const body = { ok: false as const, errors, ...extra } as { ok: false; errors: FieldErrors } & E;
  return json(body, { status: 400 });
}

export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Route params are strings; an id that is not a positive integer is a 404, not a crash. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}

/** Where links people follow point (survey links, opt-out links, the API's URLs): PUBLIC_URL when set, else the site the request came to. */
export function publicOrigin(request: Request): string {
  return (env().PUBLIC_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}
