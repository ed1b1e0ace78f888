import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { getRun } from "../../db/queries/analysis-runs.js";
import { loadBoard } from "../../app/board/load-board.server.js";
import { recomputeAggregates } from "../../app/themes/theme-aggregates.server.js";
import { parseThemeModel } from "../../analysis/index.js";
import { assignResponsesToThemes, assignResponseToThemes } from "../../app/themes/live-assignment.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addResponse, makeSurvey, runNow } from "./board-fixtures.js";

async function responseOf(h: DatabaseHandle, answerId: number): Promise<number> {
  const row = await h.db.selectFrom("answers").select("response_id").where("id", "=", answerId).executeTakeFirstOrThrow();
  return row.response_id;
}

async function themeOf(h: DatabaseHandle, answerId: number): Promise<number | undefined> {
  const row = await h.db.selectFrom("theme_members").select("theme_id").where("answer_id", "=", answerId).executeTakeFirst();
  return row?.theme_id;
}

/** A run's figures as rows, in a fixed order, to compare an incremental update with a full recompute. */
async function figures(h: DatabaseHandle, runId: number) {
  const stats = await h.db
    .selectFrom("theme_stats")
    .select(["theme_id", "member_count", "share", "avg_severity", "quote_answer_ids"])
    .where("run_id", "=", runId)
    .orderBy("theme_id")
    .execute();
  const facets = await h.db
    .selectFrom("theme_facets")
    .select(["theme_id", "survey_id", "industry", "region", "buying_role", "source", "respondents", "severity_sum", "severity_n"])
    .where("run_id", "=", runId)
    .execute();
  const key = (f: (typeof facets)[number]) => [f.theme_id, f.survey_id, f.industry, f.region, f.buying_role, f.source].join("|");
  return {
    stats: stats.map((s) => ({
      ...s,
      share: Number(Number(s.share).toFixed(9)),
      avg_severity: s.avg_severity === null ? null : Number(s.avg_severity),
    })),
    facets: facets
      .map((f) => ({ ...f, respondents: Number(f.respondents), severity_sum: Number(f.severity_sum), severity_n: Number(f.severity_n) }))
      .sort((a, b) => key(a).localeCompare(key(b))),
  };
}

describe.each(DATABASE_KINDS)("new answers join the current themes on %s", (kind) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it("stores the model with the run, places a new answer in its theme with figures a full recompute agrees with", async () => {
    const survey = await makeSurvey(h.db, "Live");
    const ids: Record<string, number[]> = { phishing: [], outage: [], audit: [] };
    for (const topic of Object.keys(ids))
      for (let i = 0; i < 10; i++)
        ids[topic].push(await addResponse(h.db, survey, { topic, index: i, industry: i % 2 ? "Retail" : "Energy" }));
    const runId = await runNow(h.db, survey.surveyId, { k: 3 });
    const run = await getRun(h.db, runId);
    expect(run?.status, run?.error ?? "").toBe("done");
    // The model is stored with the run, and each of its clusters names a theme of the run.
    const model = parseThemeModel(run!.theme_model!);
    const themeIds = JSON.parse(run!.model_theme_ids!) as number[];
    expect(themeIds).toHaveLength(model.centroids.length / model.dimensions);
    const phishing = (await themeOf(h, ids.phishing[0]))!;
    const outage = (await themeOf(h, ids.outage[0]))!;
    expect(themeIds).toEqual(expect.arrayContaining([phishing, outage]));
    // Each theme carries its summary.
    const themeRow = await h.db.selectFrom("themes").select(["summary"]).where("id", "=", phishing).executeTakeFirstOrThrow();
    expect(themeRow.summary).toBeTruthy();

    const before = await loadBoard(h.db, { scope: survey.surveyId });
    const cardBefore = before.cards.find((c) => c.themeId === phishing)!;

    const fresh = await addResponse(h.db, survey, { topic: "phishing", index: 11, industry: "Healthcare", region: "Asia" });
    const done = await assignResponseToThemes(h.db, await responseOf(h, fresh));
    // Its survey's scope has a run; the all-surveys scope has none, so nothing happens there.
    expect(done.map((d) => d.scope)).toEqual([survey.surveyId]);
    expect(await themeOf(h, fresh)).toBe(phishing);

    const after = await loadBoard(h.db, { scope: survey.surveyId });
    expect(after.totalRespondents).toBe(before.totalRespondents + 1);
    expect(after.cards.find((c) => c.themeId === phishing)!.respondents).toBe(cardBefore.respondents + 1);
    expect(after.cards.find((c) => c.themeId === outage)!.respondents).toBe(before.cards.find((c) => c.themeId === outage)!.respondents);
    // A filter on the new respondent's industry finds them (the facets moved too).
    const asia = await loadBoard(h.db, { scope: survey.surveyId, filters: { region: "Asia" } });
    expect(asia.totalRespondents).toBe(1);
    expect(asia.cards.map((c) => c.themeId)).toEqual([phishing]);

    // The incremental figures are exactly what a full recompute of the run gives.
    const incremental = await figures(h, runId);
    await h.db.transaction().execute((trx) => recomputeAggregates(trx, runId, null));
    expect(await figures(h, runId)).toEqual(incremental);

    // Idempotent: placing the same response again changes nothing.
    expect((await assignResponseToThemes(h.db, await responseOf(h, fresh)))[0].placed.size).toBe(0);
    expect(await figures(h, runId)).toEqual(incremental);
    const members = await h.db.selectFrom("theme_members").select("id").where("answer_id", "=", fresh).execute();
    expect(members).toHaveLength(1);
  });

  it("follows a merge made after the run, and leaves an answer like no theme unassigned but counted", async () => {
    const survey = await makeSurvey(h.db, "Live merge");
    const ids: Record<string, number[]> = { phishing: [], outage: [], licences: [] };
    for (const topic of Object.keys(ids)) for (let i = 0; i < 8; i++) ids[topic].push(await addResponse(h.db, survey, { topic, index: i }));
    const runId = await runNow(h.db, survey.surveyId, { k: 3 });
    expect((await getRun(h.db, runId))?.status).toBe("done");
    const licences = (await themeOf(h, ids.licences[0]))!;
    const outage = (await themeOf(h, ids.outage[0]))!;
    await h.db.updateTable("themes").set({ status: "merged", merged_into_id: outage }).where("id", "=", licences).execute();
    await h.db.updateTable("theme_members").set({ theme_id: outage }).where("theme_id", "=", licences).execute();
    await h.db.transaction().execute((trx) => recomputeAggregates(trx, runId, [licences, outage]));

    const fresh = await addResponse(h.db, survey, { topic: "licences", index: 9 });
    await assignResponseToThemes(h.db, await responseOf(h, fresh));
    expect(await themeOf(h, fresh)).toBe(outage);

    // An answer in words no theme uses: no member, but the respondent is among those analysed.
    const totalBefore = (await loadBoard(h.db, { scope: survey.surveyId })).totalRespondents;
    const odd = await addResponse(h.db, survey, { topic: "hiring", index: 0 });
    await h.db.updateTable("answers").set({ value_text: "Zebras quietly juggle marmalade" }).where("id", "=", odd).execute();
    const [result] = await assignResponseToThemes(h.db, await responseOf(h, odd));
    expect(result.placed.size).toBe(0);
    expect(await themeOf(h, odd)).toBeUndefined();
    expect((await loadBoard(h.db, { scope: survey.surveyId })).totalRespondents).toBe(totalBefore + 1);
    const incremental = await figures(h, runId);
    await h.db.transaction().execute((trx) => recomputeAggregates(trx, runId, null));
    expect(await figures(h, runId)).toEqual(incremental);
  });

  it("places a batch of responses in one go with the figures one-by-one placement and a full recompute give", async () => {
    const survey = await makeSurvey(h.db, "Live batch");
    for (const topic of ["phishing", "outage", "audit"])
      for (let i = 0; i < 8; i++) await addResponse(h.db, survey, { topic, index: i, industry: i % 2 ? "Retail" : "Energy" });
    const runId = await runNow(h.db, survey.surveyId, { k: 3 });
    expect((await getRun(h.db, runId))?.status).toBe("done");
    const fresh = [
      await addResponse(h.db, survey, { topic: "phishing", index: 20, industry: "Healthcare" }),
      await addResponse(h.db, survey, { topic: "outage", index: 21, region: "Asia" }),
      await addResponse(h.db, survey, { topic: "phishing", index: 22 }),
    ];
    const responses = await Promise.all(fresh.map((a) => responseOf(h, a)));
    const done = await assignResponsesToThemes(h.db, responses);
    expect(done.map((d) => d.scope)).toEqual([survey.surveyId, survey.surveyId, survey.surveyId]);
    const batched = await figures(h, runId);
    const placed = await Promise.all(fresh.map((a) => themeOf(h, a)));
    expect(placed.every((t) => t !== undefined)).toBe(true);

    // The same three placed one at a time, from the figures before them: the same members and figures.
    await h.db.deleteFrom("theme_members").where("answer_id", "in", fresh).execute();
    await h.db.deleteFrom("response_facts").where("run_id", "=", runId).where("response_id", "in", responses).execute();
    await h.db.transaction().execute((trx) => recomputeAggregates(trx, runId, null));
    for (const responseId of responses) await assignResponseToThemes(h.db, responseId);
    expect(await Promise.all(fresh.map((a) => themeOf(h, a)))).toEqual(placed);
    expect(await figures(h, runId)).toEqual(batched);
    await h.db.transaction().execute((trx) => recomputeAggregates(trx, runId, null));
    expect(await figures(h, runId)).toEqual(batched);

    // Idempotent as a batch too.
    expect((await assignResponsesToThemes(h.db, responses)).every((d) => d.placed.size === 0)).toBe(true);
    expect(await figures(h, runId)).toEqual(batched);
  });
});
