import { deleteSession, findSessionUser, insertSession } from "../../db/queries/sessions.js";
import type { PublicUser } from "../../db/queries/users.js";
import { readCookie } from "./cookies.server.js";
import { db } from "./db.server.js";
import { secureCookies } from "./env.server.js";
import { randomToken, sha256 } from "./tokens.server.js";

const COOKIE = "pm_session";
const MAX_AGE_SECONDS = 60 * 60 * 24 * 14;

function cookie(value: string, maxAge: number): string {
  const attributes = [`${COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`];
  if (secureCookies()) attributes.push("Secure");
  return attributes.join("; ");
}

/** Always a new id at login (no fixation): returns the Set-Cookie header value. */
export async function startSession(userId: number): Promise<string> {
  const id = randomToken();
  await insertSession(db(), { idHash: sha256(id), userId, expiresAt: new Date(Date.now() + MAX_AGE_SECONDS * 1000) });
  return cookie(id, MAX_AGE_SECONDS);
}

export async function endSession(request: Request): Promise<string> {
  const id = readCookie(request, COOKIE);
  if (id) await deleteSession(db(), sha256(id));
  return cookie("", 0);
}

/** Per-request memo: a page's loaders and action ask for the user once, hit the database once. */
const memo = new WeakMap<Request, Promise<PublicUser | undefined>>();

export function sessionUser(request: Request): Promise<PublicUser | undefined> {
  let found = memo.get(request);
  if (!found) {
    const id = readCookie(request, COOKIE);
    found = id ? findSessionUser(db(), sha256(id)) : Promise.resolve(undefined);
    memo.set(request, found);
  }
  return found;
}
