import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { getRun, createRun } from "../../db/queries/analysis-runs.js";
import { loadBoard } from "../../app/board/load-board.server.js";
import { getTheme } from "../../db/queries/themes.js";
import { saveValueProposition, VersionConflict, currentValuePropositions } from "../../db/queries/value-propositions.js";
import { addNote, markNotesSeen, unseenNoteCounts } from "../../db/queries/notes.js";
import { editTheme, ThemeConflict } from "../../app/board/board.server.js";
import { executeRun } from "../../app/themes/run-analysis.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addResponse, makeSurvey, runNow } from "./board-fixtures.js";

async function themeOf(h: DatabaseHandle, answerId: number): Promise<number | undefined> {
  const row = await h.db.selectFrom("theme_members").select("theme_id").where("answer_id", "=", answerId).executeTakeFirst();
  return row?.theme_id;
}

async function majorityTheme(h: DatabaseHandle, answerIds: number[]): Promise<number> {
  const counts = new Map<number, number>();
  for (const id of answerIds) {
    const t = await themeOf(h, id);
    if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

describe.each(DATABASE_KINDS)("board analysis runs and edits on %s", (kind) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it("keeps rename, merge, split and hide through a re-run with new responses, and shows a genuinely new theme as new", async () => {
    const survey = await makeSurvey(h.db);
    const ids: Record<string, number[]> = { phishing: [], outage: [], audit: [], licences: [], hiring: [] };
    for (const topic of ["phishing", "outage", "audit", "licences"]) {
      for (let i = 0; i < 12; i++)
        ids[topic].push(
          await addResponse(h.db, survey, {
            topic,
            index: i,
            industry: i % 2 ? "Retail" : "Healthcare",
            source: i % 3 ? "marketing" : "sales",
          }),
        );
    }
    const run1 = await runNow(h.db, null, { k: 4 });
    const r1 = await getRun(h.db, run1);
    expect(r1?.status, r1?.error ?? "").toBe("done");

    const phishing = await majorityTheme(h, ids.phishing);
    const outage = await majorityTheme(h, ids.outage);
    const audit = await majorityTheme(h, ids.audit);
    const licences = await majorityTheme(h, ids.licences);
    expect(new Set([phishing, outage, audit, licences]).size).toBe(4);

    const board1 = await loadBoard(h.db, { scope: null });
    expect(board1.cards).toHaveLength(4);
    expect(board1.totalRespondents).toBe(48);
    const phishingCard = board1.cards.find((c) => c.themeId === phishing)!;
    expect(phishingCard.respondents).toBeGreaterThanOrEqual(10);
    expect(phishingCard.avgSeverity).toBeCloseTo(9, 0);
    expect(phishingCard.triggerMix[0].type).toBe("security_incident");
    expect(phishingCard.trend).toBe("new");
    // sorted by impact: phishing (severity 9) before licences (severity 4)
    expect(board1.cards.findIndex((c) => c.themeId === phishing)).toBeLessThan(board1.cards.findIndex((c) => c.themeId === licences));

    // The marketer's decisions.
    const t = async (id: number) => (await getTheme(h.db, id))!;
    const auditName = (await t(audit)).label;
    await editTheme(h.db, await t(phishing), (await t(phishing)).version, { intent: "rename", label: "Phishing keeps getting through" });
    await editTheme(h.db, await t(licences), (await t(licences)).version, { intent: "merge", targetId: outage });
    const splitOut = ids.outage.slice(0, 3);
    const { themeId: split } = await editTheme(h.db, await t(outage), (await t(outage)).version, {
      intent: "split",
      answerIds: splitOut,
      label: "Night-time outages",
    });
    await editTheme(h.db, await t(audit), (await t(audit)).version, { intent: "hide" });

    // Bad edits say why and change nothing.
    const before = await t(outage);
    await expect(editTheme(h.db, before, before.version, { intent: "merge", targetId: outage })).rejects.toThrow(/itself/);
    await expect(editTheme(h.db, before, before.version, { intent: "split", answerIds: [], label: "x" })).rejects.toThrow(/at least one/);
    await expect(editTheme(h.db, before, before.version - 1, { intent: "rename", label: "stale" })).rejects.toBeInstanceOf(ThemeConflict);
    expect((await t(outage)).custom_label).toBeNull();
    expect((await t(outage)).version).toBe(before.version);

    // New responses, including a topic nobody wrote about before.
    const fresh: Record<string, number[]> = { phishing: [], outage: [], audit: [], licences: [], hiring: [] };
    for (const topic of ["phishing", "outage", "audit", "licences"]) {
      for (let i = 12; i < 16; i++) fresh[topic].push(await addResponse(h.db, survey, { topic, index: i }));
    }
    for (let i = 0; i < 12; i++) fresh.hiring.push(await addResponse(h.db, survey, { topic: "hiring", index: i }));
    const staleVersion = (await t(phishing)).version;
    const run2 = await runNow(h.db, null, { k: 5 });
    expect((await getRun(h.db, run2))?.status).toBe("done");

    // rename survives and new phishing stories join it
    expect((await t(phishing)).custom_label).toBe("Phishing keeps getting through");
    expect(await majorityTheme(h, fresh.phishing)).toBe(phishing);
    // merge survives: the merged theme stays merged, new licence stories land in its target
    expect((await t(licences)).status).toBe("merged");
    expect(await majorityTheme(h, fresh.licences)).toBe(outage);
    // split survives: the split-out answers stay in the user's theme
    for (const id of splitOut) expect(await themeOf(h, id)).toBe(split);
    // hide survives, and new audit stories stay in the hidden theme
    expect((await t(audit)).status).toBe("hidden");
    expect(await majorityTheme(h, fresh.audit)).toBe(audit);
    // a theme whose members mostly stayed keeps its analysis name through the re-run
    expect((await t(audit)).label).toBe(auditName);
    // a genuinely new theme is created by this run and shown as new
    const hiring = await majorityTheme(h, fresh.hiring);
    expect(![phishing, outage, audit, licences, split].includes(hiring)).toBe(true);
    expect((await t(hiring)).created_run_id).toBe(run2);

    const board2 = await loadBoard(h.db, { scope: null });
    const labels = board2.cards.map((c) => c.label);
    expect(labels).toContain("Phishing keeps getting through");
    expect(labels).toContain("Night-time outages");
    expect(board2.cards.some((c) => c.themeId === audit)).toBe(false);
    expect(board2.hidden.map((x) => x.id)).toContain(audit);
    const hiringCard = board2.cards.find((c) => c.themeId === hiring)!;
    expect(hiringCard.trend).toBe("new");
    expect(hiringCard.isNewThisRun).toBe(true);
    expect(board2.changes.added).toContain(hiringCard.label);
    expect(board2.cards.find((c) => c.themeId === phishing)!.history).toHaveLength(2);

    // An edit form opened before the re-run is refused (the run replaced the theme).
    await expect(editTheme(h.db, await t(phishing), staleVersion, { intent: "rename", label: "late" })).rejects.toThrow(/reload/);

    // Filters use the precomputed facets.
    const healthcare = await loadBoard(h.db, { scope: null, filters: { industry: "Healthcare" } });
    expect(healthcare.totalRespondents).toBe(24);
    expect(board2.options.industry).toEqual(expect.arrayContaining(["Healthcare", "Retail"]));
  });

  it("versions value propositions, refuses a stale save, flags new notes until seen", async () => {
    const survey = await makeSurvey(h.db, "VP test");
    for (const topic of ["phishing", "outage"])
      for (let i = 0; i < 6; i++)
        await addResponse(h.db, survey, { topic, index: i, consent: i === 0, name: "Dana Smith", company: "Acme" });
    const runId = await runNow(h.db, survey.surveyId, { k: 2 });
    expect((await getRun(h.db, runId))?.status).toBe("done");
    const board = await loadBoard(h.db, { scope: survey.surveyId });
    const themeId = board.cards[0].themeId;
    const user = await h.db
      .insertInto("users")
      .values({
        email: `m${Math.random()}@x.test`,
        name: "Mara",
        role: "marketer",
        password_hash: "x",
        created_at: new Date().toISOString(),
        disabled_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const sales = await h.db
      .insertInto("users")
      .values({
        email: `s${Math.random()}@x.test`,
        name: "Sam",
        role: "sales",
        password_hash: "x",
        created_at: new Date().toISOString(),
        disabled_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    expect(await saveValueProposition(h.db, { themeId, statement: "Stop phishing", authorId: user.id, basedOn: 0 })).toBe(1);
    expect(
      await saveValueProposition(h.db, { themeId, statement: "Stop phishing before it costs you", authorId: user.id, basedOn: 1 }),
    ).toBe(2);
    await expect(saveValueProposition(h.db, { themeId, statement: "stale", authorId: user.id, basedOn: 1 })).rejects.toBeInstanceOf(
      VersionConflict,
    );
    expect((await currentValuePropositions(h.db, [themeId])).get(themeId)?.statement).toBe("Stop phishing before it costs you");

    await addNote(h.db, { themeId, authorId: sales.id, authorRole: "sales", body: "Customer said audit trail mattered", outcome: "won" });
    expect((await unseenNoteCounts(h.db, user.id, [themeId])).get(themeId)).toBe(1);
    expect((await unseenNoteCounts(h.db, sales.id, [themeId])).get(themeId)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
    await markNotesSeen(h.db, user.id, themeId);
    expect((await unseenNoteCounts(h.db, user.id, [themeId])).get(themeId)).toBeUndefined();

    // Quotes name only people who consented to contact.
    const quotes = board.cards.flatMap((c) => c.quotes);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.named ? q.attribution.includes("Dana Smith") : q.attribution.startsWith("Anonymous")).toBe(true);
  });

  it("a failed run says why and changes nothing", async () => {
    const survey = await makeSurvey(h.db, "Empty");
    const runId = await createRun(h.db, { surveyId: survey.surveyId, trigger: "manual", createdBy: null });
    const themesBefore = await h.db.selectFrom("themes").select("id").execute();
    await executeRun(h.db, runId);
    const run = await getRun(h.db, runId);
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatch(/Not enough complete responses/);
    expect(await h.db.selectFrom("themes").select("id").execute()).toHaveLength(themesBefore.length);
  });
});
