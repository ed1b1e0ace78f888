import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { generateApiKey, insertApiKey } from "../../db/queries/api-keys.js";
import { consentHistory, isUnsubscribed } from "../../db/queries/consents.js";
import { checkOptOutToken, createOptOutToken, redeemOptOutToken, verifyOptOutToken } from "../../app/consent/opt-out.server.js";
import { crmCsv } from "../../app/prospects/crm-csv.js";
import { nurtureList, readyNowForCrm } from "../../app/prospects/prospect-views.server.js";
import { reassessAll } from "../../app/prospects/readiness.server.js";
import { prospectsApi } from "../../app/routes/api.prospects/prospects-api.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addPerson, makeSurvey, NURTURE_ANSWERS, READY_ANSWERS } from "./prospects-fixtures.js";

describe.each(DATABASE_KINDS)("one-click opt-out on %s", (kind) => {
  let handle: DatabaseHandle;
  let readyA: number;
  let readyB: number;
  let nurtureA: number;
  let nurtureB: number;
  let apiKey: string;

  const api = async (band = "all") => {
    const res = await prospectsApi(
      handle.db,
      new Request(`http://pm.test/api/prospects?band=${band}`, { headers: { Authorization: `Bearer ${apiKey}` } }),
      "http://pm.test",
      (id) => `http://pm.test/unsubscribe/${createOptOutToken(id)}`,
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { prospects: Array<{ id: number; unsubscribe_url: string | null }> }).prospects;
  };
  const csv = async () =>
    crmCsv(await readyNowForCrm(handle.db), "http://pm.test", "hubspot", (id) => `http://pm.test/unsubscribe/${createOptOutToken(id)}`);

  beforeAll(async () => {
    handle = await freshDatabase(kind);
    const survey = await makeSurvey(handle.db, `o-${kind}`);
    readyA = await addPerson(handle.db, survey, { name: "Ada Ready", answers: READY_ANSWERS, nurtureOptIn: true });
    readyB = await addPerson(handle.db, survey, { name: "Bea Ready", answers: READY_ANSWERS, nurtureOptIn: false });
    nurtureA = await addPerson(handle.db, survey, { name: "Cal Nurture", answers: NURTURE_ANSWERS, nurtureOptIn: true });
    nurtureB = await addPerson(handle.db, survey, { name: "Dee Nurture", answers: NURTURE_ANSWERS, nurtureOptIn: true });
    await addPerson(handle.db, survey, { name: "Eve Silent", answers: NURTURE_ANSWERS, nurtureOptIn: false });
    await reassessAll(handle.db);
    const k = generateApiKey();
    await insertApiKey(handle.db, { name: "test", prefix: k.prefix, keyHash: k.keyHash, createdBy: null });
    apiKey = k.key;
  });
  afterAll(async () => handle.close());

  it("before: the lists, the export and the API include them; nurture only those who opted in", async () => {
    expect((await nurtureList(handle.db)).map((p) => p.personId).sort()).toEqual([nurtureA, nurtureB].sort());
    expect(await csv()).toContain("Ada");
    expect((await api()).map((p) => p.id)).toContain(readyA);
    expect((await api("ready_now")).every((p) => p.unsubscribe_url?.startsWith("http://pm.test/unsubscribe/"))).toBe(true);
  });

  it("a nurture person who opts out is gone from the nurture list and the API at once, and the change is recorded", async () => {
    const token = createOptOutToken(nurtureA);
    expect(await checkOptOutToken(handle.db, token)).toEqual({ ok: true });
    expect(await redeemOptOutToken(handle.db, token)).toEqual({ ok: true });
    expect(await isUnsubscribed(handle.db, nurtureA)).toBe(true);
    expect((await nurtureList(handle.db)).map((p) => p.personId)).toEqual([nurtureB]);
    expect((await api()).map((p) => p.id)).not.toContain(nurtureA);
    expect((await api("nurture")).map((p) => p.id)).toEqual([nurtureB]);
    const history = await consentHistory(handle.db, nurtureA);
    const optIn = history.find((c) => c.status === "opted_in")!;
    expect(optIn.withdrawnAt).not.toBeNull();
    const out = history.filter((c) => c.status === "opted_out");
    expect(out.map((c) => c.purpose).sort()).toEqual(["contact", "educational_content", "study_summary"]);
    expect(out[0]).toMatchObject({ actor: "link", wordingVersion: "unsubscribe-v1" });
    expect(out[0].wording).toMatch(/Unsubscribed/);
  });

  it("a ready-now person who opts out is gone from the CSV export and the API", async () => {
    expect(await redeemOptOutToken(handle.db, createOptOutToken(readyA))).toEqual({ ok: true });
    const text = await csv();
    expect(text).not.toContain("Ada");
    expect(text).toContain("Bea");
    expect((await api("ready_now")).map((p) => p.id)).toEqual([readyB]);
    expect((await api()).map((p) => p.id)).not.toContain(readyA);
  });

  it("refuses a reused, forged, expired or unknown-person token the same way", async () => {
    const token = createOptOutToken(nurtureB);
    expect(await redeemOptOutToken(handle.db, token)).toEqual({ ok: true });
    expect(await redeemOptOutToken(handle.db, token)).toEqual({ ok: false });
    expect(await checkOptOutToken(handle.db, token)).toEqual({ ok: false });

    const fresh = createOptOutToken(readyB);
    const [body, sig] = fresh.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    const forgedBody = Buffer.from(JSON.stringify({ ...payload, personId: nurtureA })).toString("base64url");
    expect(verifyOptOutToken(`${forgedBody}.${sig}`)).toBeNull();
    expect(await redeemOptOutToken(handle.db, `${forgedBody}.${sig}`)).toEqual({ ok: false });
    expect(await redeemOptOutToken(handle.db, "garbage")).toEqual({ ok: false });
    expect(await redeemOptOutToken(handle.db, `${body}.${"A".repeat(sig.length)}`)).toEqual({ ok: false });

    const expired = createOptOutToken(readyB, new Date(Date.now() - 400 * 86400_000));
    expect(await redeemOptOutToken(handle.db, expired)).toEqual({ ok: false });
    expect(await redeemOptOutToken(handle.db, createOptOutToken(987654))).toEqual({ ok: false });
    expect(await isUnsubscribed(handle.db, readyB)).toBe(false);
  });

  it("the API refuses a missing or wrong key", async () => {
    const noKey = await prospectsApi(handle.db, new Request("http://pm.test/api/prospects"), "http://pm.test", () => "");
    expect(noKey.status).toBe(401);
    const wrong = await prospectsApi(
      handle.db,
      new Request("http://pm.test/api/prospects", { headers: { Authorization: "Bearer pm_AAAAAAAAnotakey" } }),
      "http://pm.test",
      () => "",
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("Ada");
  });
});
