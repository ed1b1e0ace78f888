import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { getRun } from "../../db/queries/analysis-runs.js";
import { loadBoard } from "../../app/board/load-board.server.js";
import { getTheme, siblingThemes } from "../../db/queries/themes.js";
import { editTheme, ThemeConflict } from "../../app/board/board.server.js";
import { boardChanges } from "../../app/themes/run-changes.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addResponse, makeSurvey, runNow } from "./board-fixtures.js";

async function majorityTheme(h: DatabaseHandle, answerIds: number[]): Promise<number> {
  const rows = await h.db.selectFrom("theme_members").select("theme_id").where("answer_id", "in", answerIds).execute();
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.theme_id, (counts.get(r.theme_id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

describe.each(DATABASE_KINDS)("a marketer's edits across re-runs on %s", (kind) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h.close();
  });
  const t = async (id: number) => (await getTheme(h.db, id))!;

  it("a merge applies again to answers that arrive after it; a split is reported as an edit, not as a new theme", async () => {
    const survey = await makeSurvey(h.db, "Edits");
    const ids: Record<string, number[]> = { phishing: [], outage: [], licences: [] };
    for (const topic of ["phishing", "outage"])
      for (let i = 0; i < 10; i++) ids[topic].push(await addResponse(h.db, survey, { topic, index: i }));
    for (let i = 0; i < 4; i++) ids.licences.push(await addResponse(h.db, survey, { topic: "licences", index: i }));
    const run1 = await runNow(h.db, survey.surveyId, { k: 3 });
    expect((await getRun(h.db, run1))?.status).toBe("done");
    const outage = await majorityTheme(h, ids.outage);
    const licences = await majorityTheme(h, ids.licences);
    const phishing = await majorityTheme(h, ids.phishing);
    expect(new Set([outage, licences, phishing]).size).toBe(3);

    await editTheme(h.db, await t(licences), (await t(licences)).version, { intent: "merge", targetId: outage });

    // Many new licence stories: a cluster mostly of answers the merged theme never saw.
    const fresh: number[] = [];
    for (let i = 4; i < 22; i++) fresh.push(await addResponse(h.db, survey, { topic: "licences", index: i }));
    const themesBefore = (await h.db.selectFrom("themes").select("id").execute()).length;
    const run2 = await runNow(h.db, survey.surveyId, { k: 3 });
    expect((await getRun(h.db, run2))?.status).toBe("done");
    // The merge applies again: the new licence stories join the theme licences was merged into.
    expect(await majorityTheme(h, fresh)).toBe(outage);
    expect((await t(licences)).status).toBe("merged");
    expect((await h.db.selectFrom("themes").select("id").execute()).length).toBe(themesBefore);

    // After the re-run, a split and a rename.
    const { themeId: split } = await editTheme(h.db, await t(phishing), (await t(phishing)).version, {
      intent: "split",
      answerIds: ids.phishing.slice(0, 3),
      label: "Phishing of accountants",
    });
    await editTheme(h.db, await t(phishing), (await t(phishing)).version, { intent: "rename", label: "Phishing" });
    // The theme that continues by its members keeps its name; the one merged in by words does not rename it.
    expect((await t(outage)).label).not.toBe((await t(licences)).label);
    // Since the previous run: the split-out theme is an edit, not new; so are the merge and the rename.
    const board = await loadBoard(h.db, { scope: survey.surveyId });
    expect(board.changes.added).toContain("Phishing of accountants");
    const changes = await boardChanges(h.db, survey.surveyId, board);
    expect(changes.added).not.toContain("Phishing of accountants");
    expect(changes.edited).toEqual([
      `${(await t(licences)).label} merged into ${(await t(outage)).label}`,
      "Phishing of accountants (split out of Phishing)",
      "Phishing (renamed)",
    ]);

    // Another re-run applies them again and reports nothing of them as new or gone.
    const run3 = await runNow(h.db, survey.surveyId, { k: 3 });
    expect((await getRun(h.db, run3))?.status).toBe("done");
    expect(await majorityTheme(h, ids.phishing.slice(0, 3))).toBe(split);
    expect((await t(phishing)).custom_label).toBe("Phishing");
    const after = await boardChanges(h.db, survey.surveyId, await loadBoard(h.db, { scope: survey.surveyId }));
    expect([...after.added, ...after.gone]).toEqual([]);
  });

  it("merge and move only into live themes: one the latest run no longer found is not offered and is refused by name", async () => {
    const survey = await makeSurvey(h.db, "Live only");
    const ids: number[] = [];
    for (const topic of ["audit", "outage"]) for (let i = 0; i < 6; i++) ids.push(await addResponse(h.db, survey, { topic, index: i }));
    const runId = await runNow(h.db, survey.surveyId, { k: 2 });
    expect((await getRun(h.db, runId))?.status).toBe("done");
    const source = await majorityTheme(h, ids.slice(0, 6));
    // A theme of this analysis that the latest run did not find: no members.
    const now = new Date().toISOString();
    const { id: gone } = await h.db
      .insertInto("themes")
      .values({
        kind: "pain",
        survey_id: survey.surveyId,
        label: "old licence worries",
        custom_label: null,
        keywords: "[]",
        status: "active",
        merged_into_id: null,
        pinned: 0,
        centroid: null,
        created_run_id: null,
        last_run_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const siblings = await siblingThemes(h.db, await t(source));
    expect(siblings.map((s) => s.id)).not.toContain(gone);
    expect(siblings).toHaveLength(1);

    const before = await t(source);
    const refusal = /“old licence worries” was not found by the latest analysis run/;
    await expect(editTheme(h.db, before, before.version, { intent: "merge", targetId: gone })).rejects.toThrow(refusal);
    await expect(editTheme(h.db, before, before.version, { intent: "move", answerId: ids[0], targetId: gone })).rejects.toThrow(refusal);
    await expect(editTheme(h.db, before, before.version, { intent: "move", answerId: ids[0], targetId: gone })).rejects.toBeInstanceOf(
      ThemeConflict,
    );
    // Nothing changed, nothing logged.
    expect((await t(source)).version).toBe(before.version);
    expect((await t(source)).status).toBe("active");
    expect(await majorityTheme(h, [ids[0]])).toBe(source);
    const logged = await h.db.selectFrom("theme_edits").select("id").where("theme_id", "=", source).execute();
    expect(logged).toHaveLength(0);
  });
});
