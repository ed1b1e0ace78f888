import crypto from "node:crypto";

/**
 * How deliveries are signed (ADR 0701), in the scheme Stripe and Slack use: HMAC-SHA256 with the
 * endpoint's secret over `${timestamp}.${body}`, hex, sent as `Painmap-Signature: v1=<hex>` with
 * `Painmap-Timestamp: <unix seconds>`. A receiver recomputes it over the raw body, compares in
 * constant time and refuses a timestamp more than five minutes from its clock (a replay).
 */
const TOLERANCE_SECONDS = 300;

export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString("base64url")}`;
}

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signedHeaders(secret: string, body: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return { "Painmap-Timestamp": String(timestamp), "Painmap-Signature": `v1=${signatureOf(secret, timestamp, body)}` };
}

/** What a receiver does, here so tests (and the docs) check deliveries with the same code. */
export function verifySignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowMs = Date.now(),
): { ok: true } | { ok: false; reason: string } {
  const timestamp = Number(headers.timestamp);
  if (!Number.isSafeInteger(timestamp)) return { ok: false, reason: "no timestamp" };
  if (Math.abs(nowMs / 1000 - timestamp) > TOLERANCE_SECONDS) return { ok: false, reason: "timestamp outside the tolerance (a replay?)" };
  const expected = Buffer.from(signatureOf(secret, timestamp, body), "hex");
  const given = (headers.signature ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .map((part) => Buffer.from(part.slice(3), "hex"));
  if (given.some((g) => g.length === expected.length && crypto.timingSafeEqual(g, expected))) return { ok: true };
  return { ok: false, reason: "signature does not match" };
}
