import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { seedDemoUsers } from "../../app/demo/users.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { seedDemoData } = await import("../../app/demo/seed.server.js");
const { reassessAll } = await import("../../app/prospects/readiness.server.js");
const { duplicatePairs } = await import("../../app/prospects/duplicates-view.server.js");

describe.each(DATABASE_KINDS)("readiness on the demo data on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase(kind);
    await seedDemoUsers(handle.db);
    await seedDemoData(handle.db);
  });
  afterAll(async () => handle.close());

  it("has no duplicate people: no email twice and no likely duplicate pair (ADR 0402)", async () => {
    const people = await handle.db.selectFrom("people").select(["id", "email"]).execute();
    const emails = people.map((p) => p.email?.trim().toLowerCase()).filter(Boolean);
    expect(people.length).toBeGreaterThan(20);
    expect(new Set(emails).size).toBe(emails.length);
    expect(await duplicatePairs(handle.db)).toEqual([]);
  });

  it("the survey completion path scores every person who completed (no separate step needed)", async () => {
    const completed = await handle.db
      .selectFrom("responses")
      .select("person_id")
      .distinct()
      .where("status", "=", "complete")
      .where("person_id", "is not", null)
      .execute();
    const assessed = await handle.db.selectFrom("assessments").select("person_id").execute();
    expect(completed.length).toBeGreaterThan(0);
    expect(new Set(assessed.map((a) => a.person_id))).toEqual(new Set(completed.map((c) => c.person_id)));
  });

  it("lands people in all three bands with several ready now, and re-scoring is stable", async () => {
    const count = async () => {
      const rows = await handle.db
        .selectFrom("assessments")
        .select(["band", (eb) => eb.fn.countAll().as("n")])
        .groupBy("band")
        .execute();
      return Object.fromEntries(rows.map((r) => [r.band, Number(r.n)]));
    };
    const before = await count();
    expect(before.ready_now).toBeGreaterThanOrEqual(3);
    expect(before.nurture).toBeGreaterThan(0);
    expect(before.not_a_fit).toBeGreaterThan(0);
    await reassessAll(handle.db);
    expect(await count()).toEqual(before);
  });
});
