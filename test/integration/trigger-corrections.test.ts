import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { assessmentFor } from "../../db/queries/assessments.js";
import { createRun } from "../../db/queries/analysis-runs.js";
import { executeRun } from "../../app/themes/run-analysis.js";
import { reassessAll, reassessPerson } from "../../app/prospects/readiness.server.js";
import { correctTrigger, CorrectionRefused } from "../../app/triggers/trigger-corrections.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addPerson, makeSurvey, READY_ANSWERS } from "./prospects-fixtures.js";

const QUIET_STORY = "Our month-end reports are stitched together by hand from four spreadsheets.";
const HACKED_STORY = "We were hacked last month and the attackers sat in our mailboxes for weeks.";

async function storyAnswer(h: DatabaseHandle, personId: number): Promise<number> {
  const row = await h.db
    .selectFrom("answers as a")
    .innerJoin("responses as r", "r.id", "a.response_id")
    .innerJoin("questions as q", "q.id", "a.question_id")
    .select("a.id")
    .where("r.person_id", "=", personId)
    .where("q.role", "=", "pain_story")
    .executeTakeFirstOrThrow();
  return row.id;
}

const reasonTexts = async (h: DatabaseHandle, personId: number): Promise<string[]> =>
  (((await assessmentFor(h.db, personId))?.reasons ?? []) as { text: string }[]).map((r) => r.text);

describe.each(DATABASE_KINDS)("trigger corrections on %s", (kind) => {
  let h: DatabaseHandle;
  let survey: Awaited<ReturnType<typeof makeSurvey>>;
  let quiet: number;
  let hacked: number;
  let marketer: number;

  beforeAll(async () => {
    h = await freshDatabase(kind);
    survey = await makeSurvey(h.db, `tc-${kind}`);
    const { trigger_events: _ticked, ...noTickedTrigger } = READY_ANSWERS;
    quiet = await addPerson(h.db, survey, {
      name: "Quinn Quiet",
      answers: { ...noTickedTrigger, pain_story: QUIET_STORY, cost_of_inaction: "More late nights." },
    });
    hacked = await addPerson(h.db, survey, {
      name: "Hana Hacked",
      answers: { ...noTickedTrigger, pain_story: HACKED_STORY, cost_of_inaction: "More late nights." },
    });
    marketer = (
      await h.db
        .insertInto("users")
        .values({
          email: `m-${kind}@example.test`,
          name: "Mara",
          role: "marketer",
          password_hash: "x",
          created_at: new Date().toISOString(),
          disabled_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await reassessAll(h.db);
  });
  afterAll(async () => h.close());

  it("adding a missed trigger changes that person's readiness at once", async () => {
    expect((await reasonTexts(h, quiet)).some((t) => t.startsWith("Contract renewal"))).toBe(false);
    const before = await assessmentFor(h.db, quiet);
    await correctTrigger(h.db, {
      answerId: await storyAnswer(h, quiet),
      type: "contract_renewal",
      action: "add",
      timing: "upcoming",
      userId: marketer,
    });
    const after = await assessmentFor(h.db, quiet);
    expect(await reasonTexts(h, quiet)).toContain(`Contract renewal, upcoming (corrected by marketing): “${QUIET_STORY}”`);
    expect(after!.score).toBeGreaterThan(before!.score);
    const stored = await h.db
      .selectFrom("trigger_corrections")
      .selectAll()
      .where("answer_id", "=", await storyAnswer(h, quiet))
      .execute();
    expect(stored).toMatchObject([{ trigger_type: "contract_renewal", action: "add", timing: "upcoming", author_id: marketer }]);
  });

  it("marking a detected trigger wrong removes it from readiness", async () => {
    expect((await reasonTexts(h, hacked)).some((t) => t.startsWith("Security incident"))).toBe(true);
    await correctTrigger(h.db, {
      answerId: await storyAnswer(h, hacked),
      type: "security_incident",
      action: "reject",
      timing: null,
      userId: marketer,
    });
    expect((await reasonTexts(h, hacked)).some((t) => t.startsWith("Security incident"))).toBe(false);
  });

  it("corrections survive a full analysis run and a re-score", async () => {
    const runId = await createRun(h.db, { surveyId: survey.id, trigger: "manual", createdBy: null });
    await executeRun(h.db, runId);
    const mentions = await h.db
      .selectFrom("trigger_mentions")
      .select(["answer_id", "trigger_type", "origin", "confidence"])
      .where("answer_id", "in", [await storyAnswer(h, quiet), await storyAnswer(h, hacked)])
      .execute();
    expect(mentions.filter((m) => m.trigger_type === "security_incident")).toEqual([]);
    expect(mentions.filter((m) => m.trigger_type === "contract_renewal")).toMatchObject([{ origin: "correction", confidence: 1 }]);
    await reassessPerson(h.db, quiet);
    await reassessPerson(h.db, hacked);
    expect(await reasonTexts(h, quiet)).toContain(`Contract renewal, upcoming (corrected by marketing): “${QUIET_STORY}”`);
    expect((await reasonTexts(h, hacked)).some((t) => t.startsWith("Security incident"))).toBe(false);
  });

  it("undo brings back what the detector found", async () => {
    await correctTrigger(h.db, {
      answerId: await storyAnswer(h, hacked),
      type: "security_incident",
      action: "undo",
      timing: null,
      userId: marketer,
    });
    expect((await reasonTexts(h, hacked)).some((t) => t.startsWith("Security incident"))).toBe(true);
  });

  it("refuses an answer that carries no triggers and an unknown type, changing nothing", async () => {
    const severity = await h.db
      .selectFrom("answers as a")
      .innerJoin("questions as q", "q.id", "a.question_id")
      .select("a.id")
      .where("q.role", "=", "pain_severity")
      .executeTakeFirstOrThrow();
    const count = async () =>
      Number(
        (
          await h.db
            .selectFrom("trigger_corrections")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(
      correctTrigger(h.db, { answerId: severity.id, type: "outage", action: "add", timing: "past", userId: marketer }),
    ).rejects.toBeInstanceOf(CorrectionRefused);
    await expect(
      correctTrigger(h.db, {
        answerId: await storyAnswer(h, quiet),
        type: "alien_invasion",
        action: "add",
        timing: "past",
        userId: marketer,
      }),
    ).rejects.toBeInstanceOf(CorrectionRefused);
    await expect(
      correctTrigger(h.db, { answerId: 999_999, type: "outage", action: "add", timing: "past", userId: marketer }),
    ).rejects.toBeInstanceOf(CorrectionRefused);
    expect(await count()).toBe(before);
  });
});
