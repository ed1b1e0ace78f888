import type { Kysely } from "kysely";
import { consentRowsForPeople, UNSUBSCRIBE_WORDING_VERSION, type ConsentRow } from "../../db/queries/consents.js";
import type { Database } from "../../db/schema.js";
import { NO_CONSENT, optInStands, type ConsentState } from "./consent-rule.js";

/**
 * Each person's standing consent per purpose, from the consent rows: the latest row of a purpose
 * decides (a later opt-out beats an earlier opt-in, and the reverse), a withdrawn opt-in counts as
 * none, a double opt-in still pending counts as none (consent-rule.ts), and an unsubscribe row that stands means no purpose at all.
 */
export function consentStateOf(rows: readonly ConsentRow[]): ConsentState {
  const latest = new Map<string, ConsentRow>();
  let unsubscribed = false;
  for (const r of rows) {
    if (r.wordingVersion === UNSUBSCRIBE_WORDING_VERSION) {
      if (r.status === "opted_out" && r.withdrawnAt === null) unsubscribed = true;
      continue;
    }
    latest.set(r.purpose, r); // rows come oldest first
  }
  const on = (purpose: string) => {
    const r = latest.get(purpose);
    return Boolean(r && optInStands(r)) && !unsubscribed;
  };
  return { contact: on("contact"), summary: on("study_summary"), nurture: on("educational_content"), unsubscribed };
}

export async function consentStates(db: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, ConsentState>> {
  const byPerson = new Map<number, ConsentRow[]>();
  for (const r of await consentRowsForPeople(db, personIds)) {
    const list = byPerson.get(r.personId) ?? [];
    list.push(r);
    byPerson.set(r.personId, list);
  }
  const out = new Map<number, ConsentState>();
  for (const id of personIds) out.set(id, byPerson.has(id) ? consentStateOf(byPerson.get(id)!) : NO_CONSENT);
  return out;
}

export async function consentStateFor(db: Kysely<Database>, personId: number): Promise<ConsentState> {
  return (await consentStates(db, [personId])).get(personId) ?? NO_CONSENT;
}
