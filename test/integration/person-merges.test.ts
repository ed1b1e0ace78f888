import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { personState, type PersonState } from "../../db/queries/person-merges.js";
import { completeResponse } from "../../db/queries/responses.js";
import { duplicatePairs, mergePreview } from "../../app/prospects/duplicates-view.server.js";
import { MergeRefused, mergePeople, planMerge, undoMerge } from "../../app/prospects/person-merge.server.js";
import { prospectViews } from "../../app/prospects/prospect-views.server.js";
import { reassessAll } from "../../app/prospects/readiness.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addPerson, makeSurvey, READY_ANSWERS, NURTURE_ANSWERS } from "./prospects-fixtures.js";

/**
 * Issue 17 item 2 on both databases (ADR 0402): which pairs are suggested as likely duplicates, a
 * merge that keeps every row, an undo that restores exactly, and the three refusals that change nothing.
 */
describe.each(DATABASE_KINDS)("person merges on %s", (kind) => {
  let handle: DatabaseHandle;
  let survey: Awaited<ReturnType<typeof makeSurvey>>;
  let userId: number;

  beforeAll(async () => {
    handle = await freshDatabase(kind);
    survey = await makeSurvey(handle.db, `merge-${kind}`);
    const user = await handle.db
      .insertInto("users")
      .values({
        email: "mia@painmap.test",
        name: "Mia Marketer",
        role: "marketer",
        password_hash: "x",
        created_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    userId = user.id;
  });
  afterAll(async () => handle.close());

  /** A person who answered, with the given email, name, company and job title. */
  async function person(spec: {
    name: string;
    email: string | null;
    company: string;
    title: string | null;
    answers?: typeof READY_ANSWERS;
  }) {
    const id = await addPerson(handle.db, survey, {
      name: spec.name,
      email: spec.email ?? undefined,
      answers: spec.answers ?? NURTURE_ANSWERS,
    });
    const company = await handle.db
      .insertInto("companies")
      .values({ name: spec.company, industry: "Healthcare", region: "Europe", site_count: null, created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable("people")
      .set({ company_id: company.id, job_title: spec.title, email: spec.email })
      .where("id", "=", id)
      .execute();
    return id;
  }

  async function counts() {
    const n = async (table: "responses" | "consents" | "opportunities" | "person_merges" | "assessments") =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      responses: await n("responses"),
      consents: await n("consents"),
      opportunities: await n("opportunities"),
      merges: await n("person_merges"),
      assessments: await n("assessments"),
    };
  }

  /** A person's state with the re-score's timestamp left out: that one moves on every re-score by design. */
  function comparable(s: PersonState | null) {
    if (!s) return s;
    const { computed_at: _computedAt, ...assessment } = s.assessment ?? ({ computed_at: null } as never);
    return { ...s, assessment: s.assessment ? { ...assessment, score: Number(assessment.score) } : null };
  }

  it("suggests exactly the pairs that share a company domain and name, or a company and job title; free mail, merged people and non-respondents are left out", async () => {
    const a = await person({ name: "Dana Smith", email: "dana@acme-health.example", company: "Acme Health Ltd", title: "CISO" });
    const b = await person({
      name: "dana  SMITH",
      email: "d.smith@ACME-health.example",
      company: "ACME Health, Inc.",
      title: "Head of IT",
    });
    const c = await person({ name: "Dana Smith", email: "dana@gmail.com", company: "Other Clinic", title: "CTO" });
    await person({ name: "Dana Smith", email: "dana.smith@gmail.com", company: "Another Clinic", title: "CFO" });
    const e = await person({ name: "Lee Wong", email: "lee@acme-health.example", company: "Acme Health", title: "ciso" });
    const f = await person({ name: "Lee Wong", email: "lw@acme-health.example", company: "Acme Health Limited", title: "CISO" });
    await handle.db.updateTable("people").set({ merged_into_id: e }).where("id", "=", f).execute();
    const now = new Date().toISOString();
    const noAnswers = await handle.db
      .insertInto("people")
      .values({
        company_id: null,
        email: "dana@acme-health.example",
        name: "Dana Smith",
        job_title: "CISO",
        source: "marketing",
        utm_source: null,
        utm_campaign: null,
        rep: null,
        owner_user_id: null,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const pairs = await duplicatePairs(handle.db);
    expect(pairs).toEqual([
      { keptId: a, mergedId: b, rules: ["domain_and_name"] },
      { keptId: a, mergedId: e, rules: ["company_and_role"] },
    ]);
    expect(pairs.some((p) => p.mergedId === c || p.keptId === c || p.mergedId === noAnswers.id)).toBe(false);
    // clear the way for the merge tests: these people are one family of suggestions only
    await handle.db.updateTable("people").set({ merged_into_id: a }).where("id", "in", [b, c, e]).execute();
  });

  it("a merge moves every answer, consent, opportunity and trigger correction, keeps the further pipeline state, records who and what, and re-scores", async () => {
    const kept = await person({ name: "Sam Ortiz", email: "sam@northwind.example", company: "Northwind", title: "CISO" });
    const merged = await person({
      name: "Sam Ortiz",
      email: "s.ortiz@northwind.example",
      company: "Northwind",
      title: "IT lead",
      answers: READY_ANSWERS,
    });
    await reassessAll(handle.db);
    const now = new Date().toISOString();
    await handle.db
      .updateTable("people")
      .set({ pipeline_status: "accepted", contacted_at: now, status_changed_at: now })
      .where("id", "=", merged)
      .execute();
    await handle.db
      .insertInto("opportunities")
      .values({
        person_id: merged,
        source: "marketing",
        stage: "qualified",
        amount: 5000,
        owner_user_id: null,
        failed_gate: 0,
        qualified_at: now,
        closed_at: null,
        outcome: null,
      })
      .execute();
    const answer = await handle.db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select("answers.id")
      .where("responses.person_id", "=", merged)
      .orderBy("answers.id")
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto("trigger_corrections")
      .values({ answer_id: answer.id, trigger_type: "audit", action: "add", timing: "upcoming", author_id: userId, created_at: now })
      .execute();

    const [keptBefore, mergedBefore] = [await personState(handle.db, kept), await personState(handle.db, merged)];
    const preview = await mergePreview(handle.db, kept, merged);
    expect(preview.after.has).toEqual({
      responses: 2,
      answers: keptBefore!.answerCount + mergedBefore!.answerCount,
      consents: keptBefore!.consentIds.length + mergedBefore!.consentIds.length,
      opportunities: 1,
      corrections: 1,
    });
    expect(preview.after.pipeline.status).toBe("accepted");

    const before = await counts();
    const { mergeId } = await mergePeople(handle.db, { keptId: kept, mergedId: merged, fingerprint: preview.fingerprint, by: userId });
    const after = await personState(handle.db, kept);
    expect(after!.responseIds).toEqual([...keptBefore!.responseIds, ...mergedBefore!.responseIds].sort((x, y) => x - y));
    expect(after!.consentIds).toEqual([...keptBefore!.consentIds, ...mergedBefore!.consentIds].sort((x, y) => x - y));
    expect(after!.opportunityIds).toEqual(mergedBefore!.opportunityIds);
    expect(after!.answerCount).toBe(keptBefore!.answerCount + mergedBefore!.answerCount);
    expect(after!.correctionCount).toBe(1);
    expect(after!.person).toMatchObject({
      pipeline_status: "accepted",
      contacted_at: now,
      email: "sam@northwind.example",
      merged_into_id: null,
    });
    const gone = await personState(handle.db, merged);
    expect(gone!.person.merged_into_id).toBe(kept);
    expect(gone!.responseIds).toEqual([]);
    expect(gone!.assessment).toBeNull();
    // nothing was lost or copied: the same rows, one assessment fewer
    expect(await counts()).toEqual({ ...before, merges: before.merges + 1, assessments: before.assessments - 1 });
    // re-scored on all answers: the merged person's ready-now answers now count for the kept person
    expect(after!.assessment!.band).toBe("ready_now");
    const views = await prospectViews(handle.db, { includeUnsubscribed: true });
    expect(views.map((v) => v.personId)).toContain(kept);
    expect(views.map((v) => v.personId)).not.toContain(merged);
    const record = await handle.db.selectFrom("person_merges").selectAll().where("id", "=", mergeId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ kept_person_id: kept, merged_person_id: merged, merged_by: userId, undone_at: null });
    expect(JSON.parse(record.snapshot).merged.responseIds).toEqual(mergedBefore!.responseIds);

    // a later answer from the merged person's address lands on the kept person
    const response = await handle.db
      .insertInto("responses")
      .values({
        survey_id: survey.id,
        person_id: null,
        status: "partial",
        resume_token_hash: `late-${kind}`,
        idempotency_key: `late-${kind}`,
        current_page: 1,
        source: "marketing",
        utm_source: null,
        utm_campaign: null,
        rep: null,
        origin: "web",
        meta: "{}",
        started_at: now,
        updated_at: now,
        completed_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const done = await completeResponse(handle.db, {
      responseId: response.id,
      lastPage: 6,
      company: null,
      person: { email: "s.ortiz@northwind.example", name: null, jobTitle: null, source: "marketing" } as never,
      consents: [],
      now,
    });
    expect(done && done.personId).toBe(kept);
    await handle.db.deleteFrom("responses").where("id", "=", response.id).execute();

    // undo: both people exactly as before, the merge marked undone
    await undoMerge(handle.db, { mergeId, by: userId });
    expect(comparable(await personState(handle.db, kept))).toEqual(comparable(keptBefore));
    expect(comparable(await personState(handle.db, merged))).toEqual(comparable(mergedBefore));
    expect(await counts()).toEqual({ ...before, merges: before.merges + 1 });
    const undone = await handle.db.selectFrom("person_merges").selectAll().where("id", "=", mergeId).executeTakeFirstOrThrow();
    expect(undone.undone_by).toBe(userId);
    expect(undone.undone_at).not.toBeNull();
    await expect(undoMerge(handle.db, { mergeId, by: userId })).rejects.toThrow(/already undone/);
  });

  it("refuses a merge into themself, of people already merged, and a stale preview, changing nothing", async () => {
    const x = await person({ name: "Kim Park", email: "kim@fabrikam.example", company: "Fabrikam", title: "CISO" });
    const y = await person({ name: "Kim Park", email: "kpark@fabrikam.example", company: "Fabrikam", title: "CISO" });
    const z = await person({ name: "Kim Park", email: "k.park@fabrikam.example", company: "Fabrikam", title: "CISO" });
    await reassessAll(handle.db);
    const states = async () => Promise.all([x, y, z].map((id) => personState(handle.db, id)));
    const start = { counts: await counts(), states: await states() };

    await expect(planMerge(handle.db, x, x)).rejects.toThrow(/themself/);
    const self = (await planMerge(handle.db, x, y)).fingerprint;
    await expect(mergePeople(handle.db, { keptId: x, mergedId: x, fingerprint: self, by: userId })).rejects.toBeInstanceOf(MergeRefused);

    // stale: a consent recorded for y after the preview
    const stale = (await planMerge(handle.db, x, y)).fingerprint;
    await handle.db
      .insertInto("consents")
      .values({
        person_id: y,
        response_id: null,
        purpose: "educational_content",
        status: "opted_in",
        wording: "w",
        wording_version: "v",
        actor: "prospect",
        captured_at: new Date().toISOString(),
        withdrawn_at: null,
      })
      .execute();
    const afterConsent = { counts: await counts(), states: await states() };
    await expect(mergePeople(handle.db, { keptId: x, mergedId: y, fingerprint: stale, by: userId })).rejects.toThrow(
      /changed since the preview/,
    );
    expect({ counts: await counts(), states: await states() }).toEqual(afterConsent);
    expect(afterConsent.counts).toEqual({ ...start.counts, consents: start.counts.consents + 1 });

    // already merged: once y is in x, neither y into z nor z into y is allowed
    const fresh = (await planMerge(handle.db, x, y)).fingerprint;
    await mergePeople(handle.db, { keptId: x, mergedId: y, fingerprint: fresh, by: userId });
    const merged = { counts: await counts(), states: await states() };
    await expect(planMerge(handle.db, z, y)).rejects.toThrow(/already merged/);
    await expect(mergePeople(handle.db, { keptId: y, mergedId: z, fingerprint: fresh, by: userId })).rejects.toThrow(/already merged/);
    await expect(mergePeople(handle.db, { keptId: x, mergedId: y, fingerprint: fresh, by: userId })).rejects.toThrow(/already merged/);
    expect({ counts: await counts(), states: await states() }).toEqual(merged);
  });
});
