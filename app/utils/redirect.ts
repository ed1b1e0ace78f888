/**
 * The one sanitiser every user-supplied redirect target goes through (login's `redirectTo`, the
 * login form's hidden field). Shared with the browser so the form never echoes an unsafe value.
 *
 * Only a same-origin path survives. Refused, falling back:
 * - anything but printable ASCII: browsers strip tab, CR and LF (`/\t/evil.example` becomes
 *   `//evil.example`, another site), and `Headers.set` throws on CR, LF or characters above
 *   Latin-1 (a 500 after the session was created);
 * - scheme-relative (`//host`, `/\host`) and absolute URLs;
 * - anything that, resolved against our origin, leaves it or normalises to `//`.
 */
const BASE = "http://painmap.invalid";
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const MAX_REDIRECT_LENGTH = 2000;

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > MAX_REDIRECT_LENGTH || !PRINTABLE_ASCII.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== BASE || resolved.pathname.startsWith("//")) return fallback;
  return to;
}
