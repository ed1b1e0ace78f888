import type { Kysely } from "kysely";
import { isTokenUsed, recordUnsubscribe, UNSUBSCRIBE_STAFF_WORDING, UNSUBSCRIBE_WORDING, useTokenOnce } from "../../db/queries/consents.js";
import { personExists } from "../../db/queries/prospects.js";
import type { Database } from "../../db/schema.js";
import { sign } from "../utils/secrets.server.js";
import { randomToken, safeEqual } from "../utils/tokens.server.js";
import { emitWebhookEvent, webhookEventsCommitted } from "../webhooks/deliveries.server.js";

/**
 * One-click opt-out links (DESIGN.md principle 4). The token is `payload.signature`: payload is
 * base64url JSON {personId, purpose, exp, jti}, signature HMAC-SHA256 under the app secret.
 * Forged, expired, reused and unknown-person tokens all get the same neutral answer.
 */
const OPT_OUT_PURPOSE = "opt_out";
const OPT_OUT_TTL_DAYS = 365;
export const INVALID_LINK_MESSAGE = "This link is no longer valid.";

interface Payload {
  personId: number;
  purpose: string;
  exp: number;
  jti: string;
}

export function createOptOutToken(personId: number, now: Date = new Date(), ttlDays = OPT_OUT_TTL_DAYS): string {
  const payload: Payload = {
    personId,
    purpose: OPT_OUT_PURPOSE,
    exp: Math.floor(now.getTime() / 1000) + ttlDays * 86400,
    jti: randomToken(12),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(OPT_OUT_PURPOSE, body)}`;
}

export function optOutUrl(origin: string, personId: number, now?: Date): string {
  return `${origin.replace(/\/$/, "")}/unsubscribe/${createOptOutToken(personId, now)}`;
}

/** The token's payload when its signature and expiry hold; null otherwise (no reason given). */
export function verifyOptOutToken(token: string, now: Date = new Date()): Payload | null {
  if (typeof token !== "string" || token.length > 1000) return null;
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return null;
  const body = token.slice(0, dot);
  const signature = token.slice(dot + 1);
  if (!safeEqual(signature, sign(OPT_OUT_PURPOSE, body))) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const p = payload as Partial<Payload>;
  if (!p || typeof p !== "object") return null;
  if (
    p.purpose !== OPT_OUT_PURPOSE ||
    !Number.isSafeInteger(p.personId) ||
    typeof p.exp !== "number" ||
    typeof p.jti !== "string" ||
    !/^[A-Za-z0-9_-]{8,64}$/.test(p.jti)
  )
    return null;
  if (p.exp * 1000 <= now.getTime()) return null;
  return p as Payload;
}

export type OptOutOutcome = { ok: true } | { ok: false };

/** Checks a token without using it (the confirm page). */
export async function checkOptOutToken(db: Kysely<Database>, token: string, now: Date = new Date()): Promise<OptOutOutcome> {
  const payload = verifyOptOutToken(token, now);
  if (!payload) return { ok: false };
  if ((await isTokenUsed(db, payload.jti)) || !(await personExists(db, payload.personId))) return { ok: false };
  return { ok: true };
}

/** Honours the opt-out at once: consents recorded and the token spent, in one transaction. */
export async function redeemOptOutToken(db: Kysely<Database>, token: string, now: Date = new Date()): Promise<OptOutOutcome> {
  const payload = verifyOptOutToken(token, now);
  if (!payload) return { ok: false };
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      if (!(await personExists(trx, payload.personId))) return { ok: false as const };
      if (!(await useTokenOnce(trx, payload.jti, OPT_OUT_PURPOSE, now.toISOString()))) return { ok: false as const };
      await recordUnsubscribe(trx, { personId: payload.personId, actor: "link", wording: UNSUBSCRIBE_WORDING, now: now.toISOString() });
      // A consent change is a prospect.updated event (ADR 0702), written with it.
      await emitWebhookEvent(trx, "prospect.updated", { personId: payload.personId });
      return { ok: true as const };
    });
    if (outcome.ok) webhookEventsCommitted(db);
    return outcome;
  } catch {
    return { ok: false };
  }
}

/** Staff record an opt-out someone asked for by phone or email. */
export async function recordStaffOptOut(db: Kysely<Database>, personId: number, actorEmail: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await recordUnsubscribe(trx, {
      personId,
      actor: `staff:${actorEmail}`,
      wording: UNSUBSCRIBE_STAFF_WORDING,
      now: new Date().toISOString(),
    });
    await emitWebhookEvent(trx, "prospect.updated", { personId });
  });
  webhookEventsCommitted(db);
}

/** Where links in emails and exports point (one definition for every link the app hands out). */
