import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { createRun, getRun } from "../../db/queries/analysis-runs.js";
import { loadBoard } from "../../app/board/load-board.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addResponse, makeSurvey } from "./board-fixtures.js";

const { executeRun } = await import("../../app/themes/run-analysis.js");

/** A low threshold so a test-sized study takes the path a study of a million answers takes. */
const SAMPLE = { sampleAbove: 20, sampleSize: 24, batchSize: 5 };

async function run(h: DatabaseHandle, scope: number) {
  const runId = await createRun(h.db, { surveyId: scope, trigger: "manual", createdBy: null, parameters: { k: 3 } });
  await executeRun(h.db, runId, { seed: 3, sample: SAMPLE });
  const row = await getRun(h.db, runId);
  expect(row?.status, row?.error ?? "").toBe("done");
  return row!;
}

async function membership(h: DatabaseHandle, answerIds: number[]) {
  const rows = await h.db.selectFrom("theme_members").select(["answer_id", "theme_id"]).where("answer_id", "in", answerIds).execute();
  return new Map(rows.map((r) => [r.answer_id, r.theme_id]));
}

describe.each(DATABASE_KINDS)("an analysis run over a sample on %s", (kind) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => h?.close());

  it("fits on a seeded sample, assigns every answer, and a rerun with the same seed gives the same themes", async () => {
    const survey = await makeSurvey(h.db, "Sampled");
    const byTopic: Record<string, number[]> = { phishing: [], outage: [], audit: [] };
    for (let i = 0; i < 15; i++)
      for (const topic of Object.keys(byTopic)) byTopic[topic].push(await addResponse(h.db, survey, { topic, index: i }));
    const all = Object.values(byTopic).flat();

    const first = await run(h, survey.surveyId);
    const quality = JSON.parse(first.quality!);
    expect(quality.sample).toEqual({ size: 24, of: 45 });
    expect(first.response_count).toBe(45);
    // Every answer is in a theme, the 21 outside the sample too, and each topic is one theme.
    const placed = await membership(h, all);
    expect(placed.size).toBe(45);
    const themeOf = Object.fromEntries(Object.entries(byTopic).map(([t, ids]) => [t, new Set(ids.map((id) => placed.get(id)))]));
    for (const themes of Object.values(themeOf)) expect(themes.size).toBe(1);
    expect(new Set(Object.values(themeOf).map((s) => [...s][0])).size).toBe(3);
    // The board counts everyone: its cards add up to the 45 respondents.
    const board = await loadBoard(h.db, { scope: survey.surveyId });
    expect(board.totalRespondents).toBe(45);
    expect(board.cards.reduce((sum, c) => sum + c.respondents, 0)).toBe(45);

    // Same answers, same seed: the same sample, the same model, the same members in the same themes.
    const second = await run(h, survey.surveyId);
    expect(second.theme_model).toBe(first.theme_model);
    expect(await membership(h, all)).toEqual(placed);
  });
});
