/**
 * Links that go out by email. Tokens are `id.signature` (HMAC under the app secret): nothing to
 * store, nothing to guess, and a reminder can rebuild the invitation's link from its id.
 */
import { env } from "../utils/env.server.js";
import { sign } from "../utils/secrets.server.js";
import { safeEqual } from "../utils/tokens.server.js";

/** Where emailed links point: PUBLIC_URL, else this server's own address. */
export function appOrigin(): string {
  const e = env();
  if (e.PUBLIC_URL) return e.PUBLIC_URL.replace(/\/+$/, "");
  const host = e.HOST === "0.0.0.0" || e.HOST === "::" ? "127.0.0.1" : e.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${e.PORT}`;
}

export function signedToken(purpose: string, id: number): string {
  return `${id}.${sign(purpose, String(id))}`;
}

/** The id of a token this app signed for this purpose; null for anything else. */
export function verifySignedToken(purpose: string, token: string | null | undefined): number | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{16,128})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && safeEqual(m[2]!, sign(purpose, m[1]!)) ? id : null;
}

export const INVITE_PURPOSE = "invite";
export const CONFIRM_PURPOSE = "confirm-optin";

/** An invitation's personal link: its token, source and campaign (the survey records both on the response). */
export function invitationUrl(slug: string, invitationId: number, campaign: string): string {
  const q = new URLSearchParams({
    inv: signedToken(INVITE_PURPOSE, invitationId),
    src: "marketing",
    utm_source: "email",
    utm_campaign: campaign,
  });
  return `${appOrigin()}/s/${encodeURIComponent(slug)}?${q.toString()}`;
}

export function confirmUrl(responseId: number): string {
  return `${appOrigin()}/confirm/${signedToken(CONFIRM_PURPOSE, responseId)}`;
}
