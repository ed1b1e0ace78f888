import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { assessmentFor, upsertAssessment } from "../../db/queries/assessments.js";
import { insertProfileVersion } from "../../db/queries/profiles.js";
import { DEFAULT_PROFILE } from "../../app/prospects/profile.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addPerson, makeSurvey, READY_ANSWERS } from "./prospects-fixtures.js";

describe.each(DATABASE_KINDS)("upsertAssessment on %s", (kind) => {
  let handle: DatabaseHandle;
  let person: number;
  let profileId: number;

  beforeAll(async () => {
    handle = await freshDatabase(kind);
    const survey = await makeSurvey(handle.db, `a-${kind}`);
    person = await addPerson(handle.db, survey, { name: "Clara Clock", answers: READY_ANSWERS });
    profileId = (await insertProfileVersion(handle.db, DEFAULT_PROFILE, null)).id;
  });
  afterAll(async () => handle.close());

  const write = (band: "ready_now" | "nurture", now: string) =>
    upsertAssessment(handle.db, {
      personId: person,
      profileId,
      score: band === "ready_now" ? 80 : 40,
      band,
      reasons: [{ text: band }],
      parts: { band },
      now,
    });

  it("starts the follow-up clock when someone becomes ready, keeps it while they stay ready, clears it when they leave", async () => {
    await write("nurture", "2026-01-01T00:00:00.000Z");
    expect(await assessmentFor(handle.db, person)).toMatchObject({
      band: "nurture",
      readySince: null,
      computedAt: "2026-01-01T00:00:00.000Z",
    });

    await write("ready_now", "2026-01-02T00:00:00.000Z");
    expect(await assessmentFor(handle.db, person)).toMatchObject({ band: "ready_now", readySince: "2026-01-02T00:00:00.000Z" });

    await write("ready_now", "2026-01-03T00:00:00.000Z");
    const kept = await assessmentFor(handle.db, person);
    expect(kept).toMatchObject({
      band: "ready_now",
      score: 80,
      readySince: "2026-01-02T00:00:00.000Z",
      computedAt: "2026-01-03T00:00:00.000Z",
      reasons: [{ text: "ready_now" }],
    });

    await write("nurture", "2026-01-04T00:00:00.000Z");
    expect(await assessmentFor(handle.db, person)).toMatchObject({ band: "nurture", score: 40, readySince: null });

    await write("ready_now", "2026-01-05T00:00:00.000Z");
    expect(await assessmentFor(handle.db, person)).toMatchObject({ band: "ready_now", readySince: "2026-01-05T00:00:00.000Z" });
  });

  it("starts the clock on a first assessment that is already ready", async () => {
    const survey = await makeSurvey(handle.db, `a2-${kind}`);
    const other = await addPerson(handle.db, survey, { name: "Ivy Instant", answers: READY_ANSWERS });
    await upsertAssessment(handle.db, {
      personId: other,
      profileId,
      score: 90,
      band: "ready_now",
      reasons: [],
      parts: {},
      now: "2026-02-01T00:00:00.000Z",
    });
    expect(await assessmentFor(handle.db, other)).toMatchObject({ band: "ready_now", readySince: "2026-02-01T00:00:00.000Z" });
  });
});
