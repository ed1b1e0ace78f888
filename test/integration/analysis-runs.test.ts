import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { createRun, getRun } from "../../db/queries/analysis-runs.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { runInProgress, startRun, RunBusy } = await import("../../app/themes/analysis-runs.server.js");
const { boardScope } = await import("../../app/board/board.server.js");

describe.each(DATABASE_KINDS)("the run in progress on %s", (kind) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => h?.close());

  it("a run counts as in progress however old it is: no server fails a peer's live run", async () => {
    expect(await runInProgress(h.db)).toBeUndefined();
    const fresh = await createRun(h.db, { surveyId: null, trigger: "auto", createdBy: null });
    expect((await runInProgress(h.db))?.id).toBe(fresh);

    // The same run, as if started a minute ago by another server still working on it.
    await h.db
      .updateTable("analysis_runs")
      .set({ status: "running", created_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", fresh)
      .execute();
    expect((await runInProgress(h.db))?.id).toBe(fresh);
    await expect(startRun(h.db, { surveyId: null, trigger: "manual", userId: null })).rejects.toBeInstanceOf(RunBusy);
    expect(await getRun(h.db, fresh)).toMatchObject({ status: "running" });
    await h.db.updateTable("analysis_runs").set({ status: "done" }).where("id", "=", fresh).execute();
  });

  it("a board link's scope: all surveys, one survey, or by default the latest analysed scope", async () => {
    expect(await boardScope(h.db, "all")).toBeNull();
    expect(await boardScope(h.db, "12")).toBe(12);
    const surveyId = await createSurvey(
      h.db,
      { slug: `scope-${kind}-abcdefghijklmnop`, title: "Scoped", intro: "", template: null, status: "open", createdBy: null },
      [],
    );
    const run = await createRun(h.db, { surveyId, trigger: "manual", createdBy: null });
    await h.db.updateTable("analysis_runs").set({ status: "done" }).where("id", "=", run).execute();
    expect(await boardScope(h.db, null)).toBe(surveyId);
    expect(await boardScope(h.db, "not-a-number")).toBe(surveyId);
  });
});
