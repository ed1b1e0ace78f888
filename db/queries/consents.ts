import type { ExpressionBuilder, Kysely } from "kysely";
import type { ConsentPurpose, Database } from "../schema.js";

/**
 * Consent per purpose (DESIGN.md principle 4). A survey's unticked box is an `opted_out` row too,
 * so "unsubscribed everywhere" is its own wording version: the one-click link (or staff acting on
 * a request) writes it, and every list, export and API of people checks it at query time.
 */
export const UNSUBSCRIBE_WORDING_VERSION = "unsubscribe-v1";
export const UNSUBSCRIBE_WORDING = "Unsubscribed from all email from us (one-click link).";
export const UNSUBSCRIBE_STAFF_WORDING = "Asked us to stop all email; recorded by staff.";
const ALL_PURPOSES: ConsentPurpose[] = ["educational_content", "study_summary", "contact"];

type PeopleEb = ExpressionBuilder<Database, "people">;

/** `where(notUnsubscribed)`: the person has not opted out of everything. */
export function notUnsubscribed(eb: PeopleEb) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom("consents as unsub")
        .select("unsub.id")
        .whereRef("unsub.person_id", "=", "people.id")
        .where("unsub.status", "=", "opted_out")
        .where("unsub.wording_version", "=", UNSUBSCRIBE_WORDING_VERSION)
        .where("unsub.withdrawn_at", "is", null),
    ),
  );
}

/** `where(optedInToNurture)`: a standing opt-in to educational content. */
export function optedInToNurture(eb: PeopleEb) {
  return eb.exists(
    eb
      .selectFrom("consents as optin")
      .select("optin.id")
      .whereRef("optin.person_id", "=", "people.id")
      .where("optin.purpose", "=", "educational_content")
      .where("optin.status", "=", "opted_in")
      .where("optin.withdrawn_at", "is", null)
      // Double opt-in (app/consent/consent-rule.ts): a pending opt-in does not count yet.
      .where("optin.pending", "=", 0),
  );
}

export async function isUnsubscribed(db: Kysely<Database>, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom("people")
    .select("people.id")
    .where("people.id", "=", personId)
    .where((eb) => eb.not(notUnsubscribed(eb)))
    .executeTakeFirst();
  return Boolean(row);
}

export interface ConsentEvent {
  id: number;
  purpose: string;
  status: string;
  wording: string;
  wordingVersion: string;
  actor: string;
  capturedAt: string;
  withdrawnAt: string | null;
}

export async function consentHistory(db: Kysely<Database>, personId: number): Promise<ConsentEvent[]> {
  const rows = await db
    .selectFrom("consents")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("captured_at", "asc")
    .orderBy("id", "asc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    status: r.status,
    wording: r.wording,
    wordingVersion: r.wording_version,
    actor: r.actor,
    capturedAt: r.captured_at,
    withdrawnAt: r.withdrawn_at,
  }));
}

/**
 * Opt out of everything at once: every standing opt-in gets `withdrawn_at`, and one `opted_out`
 * row per purpose records who, when and which wording. Pass a transaction.
 */
export async function recordUnsubscribe(
  db: Kysely<Database>,
  args: { personId: number; actor: string; wording: string; now: string },
): Promise<void> {
  await db
    .updateTable("consents")
    .set({ withdrawn_at: args.now })
    .where("person_id", "=", args.personId)
    .where("status", "=", "opted_in")
    .where("withdrawn_at", "is", null)
    .execute();
  await db
    .insertInto("consents")
    .values(
      ALL_PURPOSES.map((purpose) => ({
        person_id: args.personId,
        response_id: null,
        purpose,
        status: "opted_out" as const,
        wording: args.wording,
        wording_version: UNSUBSCRIBE_WORDING_VERSION,
        actor: args.actor,
        captured_at: args.now,
        withdrawn_at: null,
      })),
    )
    .execute();
}

/** Whether a token's id was spent already. */
export async function isTokenUsed(db: Kysely<Database>, jti: string): Promise<boolean> {
  return (await db.selectFrom("used_tokens").select("jti").where("jti", "=", jti).executeTakeFirst()) !== undefined;
}

/**
 * A token's id, once: false when it was used before. Pass the same transaction as the opt-out.
 * One insert that yields on the key: a concurrent use of the same token loses here, and any other
 * database error still surfaces instead of reading as "already used".
 */
export async function useTokenOnce(db: Kysely<Database>, jti: string, purpose: string, now: string): Promise<boolean> {
  const inserted = await db
    .insertInto("used_tokens")
    .values({ jti, purpose, used_at: now })
    .onConflict((oc) => oc.column("jti").doNothing())
    .returning("jti")
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface ConsentRow {
  id: number;
  personId: number;
  purpose: ConsentPurpose;
  status: "opted_in" | "opted_out";
  wordingVersion: string;
  capturedAt: string;
  withdrawnAt: string | null;
  /** a double opt-in still waiting for its confirmation (migration 0010) */
  pending: boolean;
}

/** Every consent row of these people, oldest first: plain rows, the rule lives in app/consent. */
export async function consentRowsForPeople(db: Kysely<Database>, personIds: readonly number[]): Promise<ConsentRow[]> {
  const out: ConsentRow[] = [];
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await db
      .selectFrom("consents")
      .select(["id", "person_id", "purpose", "status", "wording_version", "captured_at", "withdrawn_at", "pending"])
      .where("person_id", "in", ids.slice(i, i + 400))
      .orderBy("captured_at", "asc")
      .orderBy("id", "asc")
      .execute();
    for (const r of rows)
      out.push({
        id: r.id,
        personId: r.person_id,
        purpose: r.purpose,
        status: r.status,
        wordingVersion: r.wording_version,
        capturedAt: r.captured_at,
        withdrawnAt: r.withdrawn_at,
        pending: r.pending === 1,
      });
  }
  return out;
}
