/**
 * Read-only share links: 256 random bits in the link, only their sha256 in report_shares (a leaked
 * table opens nothing), an expiry, and revocation by an admin. A shared page shows the figures and
 * the verdict, never quotes or names (loadReport's `shared`).
 */
import type { Kysely } from "kysely";
import { insertShare, liveShareByHash, type ShareRow } from "../../db/queries/report.js";
import type { Database } from "../../db/schema.js";
import { randomToken, sha256 } from "../utils/tokens.server.js";

export async function createShareLink(
  db: Kysely<Database>,
  input: { surveyId: number; segment: string; days: number; userId: number; now?: Date },
): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const expiresAt = new Date((input.now ?? new Date()).getTime() + input.days * 86_400_000).toISOString();
  await insertShare(db, { surveyId: input.surveyId, tokenHash: sha256(token), segment: input.segment, expiresAt, createdBy: input.userId });
  return { token, expiresAt };
}

/** The live share a token opens, or undefined (unknown, expired or revoked: all look the same). */
export async function openShare(db: Kysely<Database>, token: string, now = new Date()): Promise<ShareRow | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return liveShareByHash(db, sha256(token), now.toISOString());
}

export function sharePath(token: string): string {
  return `/r/${token}`;
}
