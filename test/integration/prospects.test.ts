import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { generateApiKey, insertApiKey, revokeApiKey, verifyApiKey } from "../../db/queries/api-keys.js";
import { assessmentFor } from "../../db/queries/assessments.js";
import { openOpportunity } from "../../db/queries/opportunities.js";
import { insertProfileVersion } from "../../db/queries/profiles.js";
import { setOwner, setPipelineStatus } from "../../db/queries/prospects.js";
import { DEFAULT_PROFILE } from "../../app/prospects/profile.js";
import { crmCsv } from "../../app/prospects/crm-csv.js";
import { nurtureList, prospectViews, readyNowForCrm } from "../../app/prospects/prospect-views.server.js";
import { currentProfile, reassessAll, reassessPerson } from "../../app/prospects/readiness.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addPerson, makeSurvey, NOT_A_FIT_ANSWERS, NURTURE_ANSWERS, READY_ANSWERS } from "./prospects-fixtures.js";

describe.each(DATABASE_KINDS)("readiness and prospects on %s", (kind) => {
  let handle: DatabaseHandle;
  let ready: number;
  let nurture: number;
  let notFit: number;
  let salesReady: number;

  beforeAll(async () => {
    handle = await freshDatabase(kind);
    const survey = await makeSurvey(handle.db, `p-${kind}`);
    ready = await addPerson(handle.db, survey, { name: "Rita Ready", answers: READY_ANSWERS, nurtureOptIn: true });
    nurture = await addPerson(handle.db, survey, { name: "Nora Nurture", answers: NURTURE_ANSWERS, nurtureOptIn: true });
    notFit = await addPerson(handle.db, survey, { name: "Fred Farm", answers: NOT_A_FIT_ANSWERS, nurtureOptIn: true });
    salesReady = await addPerson(handle.db, survey, { name: "Sam Sales", source: "sales", answers: READY_ANSWERS });
    await reassessAll(handle.db);
  });
  afterAll(async () => handle.close());

  it("scores everyone with answers by the same profile, recording its version", async () => {
    const profile = await currentProfile(handle.db);
    expect(profile.version).toBe(1);
    const a = await assessmentFor(handle.db, ready);
    expect(a).toMatchObject({ band: "ready_now", profileId: profile.id });
    expect(a!.readySince).not.toBeNull();
    expect((await assessmentFor(handle.db, salesReady))!.band).toBe("ready_now");
    expect((await assessmentFor(handle.db, nurture))!.band).toBe("nurture");
    const fit = await assessmentFor(handle.db, notFit);
    expect(fit!.band).toBe("not_a_fit");
    expect((fit!.reasons as Array<{ text: string }>).map((r) => r.text)).toContain(
      "Fails gate: More than 100 sites (profile allows at most 100)",
    );
  });

  it("shows triggers with timing, quotes and reasons on the prospect views", async () => {
    const views = await prospectViews(handle.db);
    expect(
      views
        .map((v) => v.personId)
        .slice(0, 2)
        .sort(),
    ).toEqual([ready, salesReady].sort());
    const rita = views.find((v) => v.personId === ready)!;
    expect(rita.trigger).toMatchObject({ type: "security_incident", timing: "recent" });
    expect(rita.quote).toContain("ransomware breach");
    expect(rita.reasons.map((r) => r.text)).toContain("Budget allocated");
  });

  it("recomputes when the profile changes, with the new version", async () => {
    const v2 = await insertProfileVersion(
      handle.db,
      { ...DEFAULT_PROFILE, gates: { ...DEFAULT_PROFILE.gates, regions: ["North America"] } },
      null,
    );
    await reassessAll(handle.db);
    const a = await assessmentFor(handle.db, ready);
    expect(a).toMatchObject({ band: "not_a_fit", profileId: v2.id });
    await insertProfileVersion(handle.db, DEFAULT_PROFILE, null);
    await reassessAll(handle.db);
    expect((await assessmentFor(handle.db, ready))!.band).toBe("ready_now");
  });

  it("the nurture list holds only opted-in nurture people, and rejected ready-now prospects go back to it", async () => {
    expect((await nurtureList(handle.db)).map((p) => p.personId)).toEqual([nurture]);
    await setPipelineStatus(handle.db, { personId: ready, status: "rejected", reason: "Wrong timing", now: new Date().toISOString() });
    const list = await nurtureList(handle.db);
    expect(list.map((p) => p.personId).sort()).toEqual([ready, nurture].sort());
    expect((await readyNowForCrm(handle.db)).map((p) => p.personId)).toEqual([salesReady]);
    await setPipelineStatus(handle.db, { personId: ready, status: "new", reason: null, now: new Date().toISOString() });
  });

  it("exports ready-now prospects with CRM column names", async () => {
    await setOwner(handle.db, salesReady, null);
    const csv = crmCsv(await readyNowForCrm(handle.db), "https://pm.test", "salesforce", (id) => `https://pm.test/unsubscribe/x${id}`);
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header.split(",").slice(0, 5)).toEqual(["FirstName", "LastName", "Email", "Company", "Title"]);
    expect(rows).toHaveLength(2);
    expect(csv).toContain("https://pm.test/unsubscribe/x");
    expect(crmCsv([], "https://pm.test", "hubspot", () => "").startsWith("\uFEFFFirst Name,Last Name,Email")).toBe(true);
  });

  it("reassessPerson scores one person and returns false for someone without answers", async () => {
    expect(await reassessPerson(handle.db, nurture)).toBe(true);
    const lonely = await handle.db
      .insertInto("people")
      .values({
        company_id: null,
        email: null,
        name: "No Answers",
        job_title: null,
        source: "sales",
        utm_source: null,
        utm_campaign: null,
        rep: null,
        owner_user_id: null,
        created_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await reassessPerson(handle.db, lonely.id)).toBe(false);
  });

  it("API keys: stored hashed, checked in constant time, and a revoked key stops working at once", async () => {
    const { key, prefix, keyHash } = generateApiKey();
    expect(key.startsWith(`pm_${prefix}`)).toBe(true);
    const id = await insertApiKey(handle.db, { name: "HubSpot sync", prefix, keyHash, createdBy: null });
    const stored = await handle.db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(key.slice(11));
    expect(await verifyApiKey(handle.db, key)).toBe(id);
    expect(await verifyApiKey(handle.db, `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await verifyApiKey(handle.db, "pm_short")).toBeNull();
    expect(await revokeApiKey(handle.db, id, new Date().toISOString())).toBe(true);
    expect(await verifyApiKey(handle.db, key)).toBeNull();
  });

  it("an accepted prospect becomes one opportunity", async () => {
    const now = new Date().toISOString();
    const a = await openOpportunity(handle.db, {
      personId: ready,
      source: "marketing",
      ownerUserId: null,
      failedGate: false,
      amount: null,
      now,
    });
    const b = await openOpportunity(handle.db, {
      personId: ready,
      source: "marketing",
      ownerUserId: null,
      failedGate: false,
      amount: null,
      now,
    });
    expect(a).toBe(b);
  });
});
