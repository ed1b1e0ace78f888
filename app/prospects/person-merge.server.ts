import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import {
  deleteAssessment,
  insertMerge,
  laterMergeInvolving,
  mergeById,
  moveOwnedRows,
  personState,
  restoreAssessments,
  writePerson,
  markUndone,
  type PersonRecord,
  type PersonState,
} from "../../db/queries/person-merges.js";
import type { Database } from "../../db/schema.js";
import { reassessPeopleInTransaction } from "./readiness.server.js";

/**
 * Merging two people who are one human (issue 17 item 2, ADR 0402), and undoing it. A merge moves
 * every response (its answers and trigger corrections ride along), consent record and opportunity of
 * the merged person to the kept one, fills the kept person's blanks, keeps the further pipeline state,
 * records a snapshot of both people before it, and re-scores the kept person: all in one transaction.
 */

export class MergeRefused extends Error {}

/** A digest of everything the preview showed about both people: if either changed since, the preview is stale. */
function mergeFingerprint(kept: PersonState, merged: PersonState): string {
  return createHash("sha256")
    .update(JSON.stringify([kept, merged]))
    .digest("hex")
    .slice(0, 32);
}

const STATUS_RANK = { new: 0, rejected: 1, accepted: 2 } as const;

/**
 * The kept person after the merge: their own values first, the merged person's where theirs are
 * blank; the pipeline state that went further (accepted over rejected over new, with its reason
 * and date); the earliest first contact and the earliest first-seen date. Pure, on plain rows.
 */
export function combinedPerson(kept: PersonRecord, merged: PersonRecord): PersonRecord {
  const mergedFurther = STATUS_RANK[merged.pipeline_status] > STATUS_RANK[kept.pipeline_status];
  const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
  return {
    ...kept,
    email: kept.email ?? merged.email,
    name: kept.name ?? merged.name,
    job_title: kept.job_title ?? merged.job_title,
    company_id: kept.company_id ?? merged.company_id,
    owner_user_id: kept.owner_user_id ?? merged.owner_user_id,
    utm_source: kept.utm_source ?? merged.utm_source,
    utm_campaign: kept.utm_campaign ?? merged.utm_campaign,
    rep: kept.rep ?? merged.rep,
    pipeline_status: mergedFurther ? merged.pipeline_status : kept.pipeline_status,
    reject_reason: mergedFurther ? merged.reject_reason : kept.reject_reason,
    status_changed_at: mergedFurther ? merged.status_changed_at : kept.status_changed_at,
    contacted_at: earliest(kept.contacted_at, merged.contacted_at),
    created_at: earliest(kept.created_at, merged.created_at)!,
  };
}

export interface MergePlan {
  kept: PersonState;
  merged: PersonState;
  result: PersonRecord;
  fingerprint: string;
}

/** Both people as they are now and what the kept one would become; refused for the same person, a missing one or one already merged. */
export async function planMerge(db: Kysely<Database>, keptId: number, mergedId: number): Promise<MergePlan> {
  if (keptId === mergedId) throw new MergeRefused("A person cannot be merged into themself: choose two different people.");
  const [kept, merged] = await Promise.all([personState(db, keptId), personState(db, mergedId)]);
  if (!kept || !merged) throw new MergeRefused("One of these people no longer exists.");
  if (kept.person.merged_into_id !== null || merged.person.merged_into_id !== null) {
    throw new MergeRefused(
      "One of these people is already merged into someone else: undo that merge first, or pick the person they were merged into.",
    );
  }
  return { kept, merged, result: combinedPerson(kept.person, merged.person), fingerprint: mergeFingerprint(kept, merged) };
}

/** Runs the merge the marketer previewed, or refuses (changing nothing) when the preview is stale. */
export async function mergePeople(
  db: Kysely<Database>,
  args: { keptId: number; mergedId: number; fingerprint: string; by: number; now?: string },
): Promise<{ mergeId: number }> {
  const now = args.now ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const plan = await planMerge(trx, args.keptId, args.mergedId);
    if (plan.fingerprint !== args.fingerprint) {
      throw new MergeRefused(
        "One of these people changed since the preview (a new answer, consent or status). Check the new preview and merge again.",
      );
    }
    const { kept, merged, result } = plan;
    await moveOwnedRows(trx, { from: merged.person.id, to: kept.person.id, ...merged });
    const emailMoved = kept.person.email === null && merged.person.email !== null;
    const claimed =
      (await writePerson(
        trx,
        { ...merged.person, email: emailMoved ? null : merged.person.email, merged_into_id: kept.person.id },
        true,
      )) && (await writePerson(trx, result, true));
    if (!claimed) throw new MergeRefused("One of these people was merged by someone else a moment ago. Reload the page.");
    await deleteAssessment(trx, merged.person.id);
    const mergeId = await insertMerge(trx, {
      keptId: kept.person.id,
      mergedId: merged.person.id,
      by: args.by,
      now,
      snapshot: { kept, merged },
    });
    await reassessPeopleInTransaction(trx, [kept.person.id]);
    return { mergeId };
  });
}

/**
 * Puts both people back exactly as the snapshot says: the moved rows return, both rows and both
 * assessments are restored, then both are re-scored. Refused when already undone or when a later
 * merge involves either person (undo that first), since restoring would then lose what it did.
 */
export async function undoMerge(
  db: Kysely<Database>,
  args: { mergeId: number; by: number; now?: string },
): Promise<{ keptId: number; mergedId: number }> {
  const now = args.now ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const merge = await mergeById(trx, args.mergeId);
    if (!merge) throw new MergeRefused("We could not find that merge.");
    if (merge.undoneAt) throw new MergeRefused("This merge was already undone.");
    if (await laterMergeInvolving(trx, merge.id, [merge.keptId, merge.mergedId])) {
      throw new MergeRefused("A later merge involves one of these people: undo that one first.");
    }
    const { kept, merged } = merge.snapshot;
    await moveOwnedRows(trx, { from: kept.person.id, to: merged.person.id, ...merged });
    await writePerson(trx, kept.person);
    await writePerson(trx, merged.person);
    await restoreAssessments(
      trx,
      [kept.person.id, merged.person.id],
      [kept.assessment, merged.assessment].filter((a): a is NonNullable<typeof a> => a !== null),
    );
    if (!(await markUndone(trx, merge.id, args.by, now))) throw new MergeRefused("This merge was already undone.");
    await reassessPeopleInTransaction(trx, [kept.person.id, merged.person.id]);
    return { keptId: kept.person.id, mergedId: merged.person.id };
  });
}
