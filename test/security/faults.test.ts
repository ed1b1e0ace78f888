import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import type { DatabaseHandle } from "../../db/client.js";
import { createGroupCommitter, registerGroupCommitter } from "../../db/group-commit.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

/**
 * Faults at the write path's own connection: the database full (SQLite `PRAGMA max_page_count`)
 * and the k-th database call failing, for every k along a submission. A failed write must throw an
 * error the server answers 503 to (isDatabaseUnavailable), leave no row and no part of one, and the
 * same database must take the same submission afterwards (no restart). Busy beyond busy_timeout,
 * through the whole server, is in test/e2e/faults.spec.ts.
 */
process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { loadAnsweringSurvey, pageQuestions, submitPage } = await import("../../app/surveys/submission.server.js");
const { parsePageAnswers } = await import("../../app/surveys/answer-schema.js");
const { isDatabaseUnavailable } = await import("../../app/utils/db-errors.server.js");
const { flushCompletions } = await import("../../app/prospects/after-completion.server.js");
const { executeRun } = await import("../../app/themes/run-analysis.js");
const { createRun, getRun } = await import("../../db/queries/analysis-runs.js");
const { addResponse, makeSurvey, TOPICS } = await import("../integration/board-fixtures.js");

/** Fails the k-th query it sees (1-based) with a database-unavailable error of the given code. */
class FailKthCall implements KyselyPlugin {
  calls = 0;
  failAt = Number.POSITIVE_INFINITY;
  constructor(private readonly code: string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.calls++;
    if (this.calls === this.failAt) throw Object.assign(new Error(`injected failure at call ${this.calls}`), { code: this.code });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

let counter = 0;

describe.each(DATABASE_KINDS)("write faults on %s", (kind) => {
  let handle: DatabaseHandle;
  let survey: NonNullable<Awaited<ReturnType<typeof loadAnsweringSurvey>>>;

  beforeAll(async () => {
    handle = await freshDatabase(kind);
    const slug = `faults-${kind}-abcdefghijklmnop`;
    await createSurvey(
      handle.db,
      { slug, title: "Faults", intro: "", template: null, status: "open", maxResponses: null, closesAt: null, createdBy: null },
      [
        { page: 1, kind: "single_choice", role: "industry", required: true, prompt: "Industry?", options: ["Retail", "Healthcare"] },
        { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "Story?" },
      ],
    );
    survey = (await loadAnsweringSurvey(handle.db, slug))!;
  });
  afterAll(async () => {
    await flushCompletions(handle.db);
    await handle?.close();
  });

  const answers = (story: string) => {
    const values: Record<string, string> = {};
    for (const q of pageQuestions(survey, 1)) values[`q_${q.id}`] = q.role === "industry" ? "Retail" : story;
    const parsed = parsePageAnswers(pageQuestions(survey, 1), values);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data;
  };
  const stored = async (key: string) => {
    const rows = await handle.db
      .selectFrom("responses")
      .leftJoin("answers", "answers.response_id", "responses.id")
      .select(["responses.id", "responses.status", "answers.id as answerId"])
      .where("responses.idempotency_key", "=", key)
      .execute();
    return {
      responses: new Set(rows.map((r) => r.id)).size,
      answers: rows.filter((r) => r.answerId !== null).length,
      complete: rows.every((r) => r.status === "complete"),
    };
  };
  const submit = (db: typeof handle.db, key: string, story = "Our backups failed twice.") =>
    submitPage(db, { survey, pageIndex: 1, answers: answers(story), identity: { kind: "key", idempotencyKey: key, attribution: {} } });

  it("the k-th database call failing, for every k along a submission: all or nothing, then the same post succeeds", async () => {
    const plugin = new FailKthCall(kind === "sqlite" ? "SQLITE_IOERR" : "53300");
    const db = handle.db.withPlugin(plugin);
    // The production SQLite write path: through a group committer on this very instance.
    if (kind === "sqlite") registerGroupCommitter(db, createGroupCommitter(db));
    plugin.calls = 0;
    await submit(db, `fault-${kind}-clean-${++counter}-xxxxxxxx`);
    const callsPerSubmission = plugin.calls;
    // The work after a completion (scoring, placing the answer in themes) is a job; drained
    // here, so it never runs inside the next counted submission and takes its k-th call.
    await flushCompletions(handle.db);
    expect(callsPerSubmission).toBeGreaterThan(2);

    for (let k = 1; k <= callsPerSubmission; k++) {
      const key = `fault-${kind}-k${k}-${++counter}-xxxxxxxxxx`;
      plugin.calls = 0;
      plugin.failAt = k;
      const error = await submit(db, key).then(
        () => null,
        (e: unknown) => e,
      );
      plugin.failAt = Number.POSITIVE_INFINITY;
      expect(error, `call ${k} of ${callsPerSubmission} failed, yet the submission reported success`).not.toBeNull();
      expect(isDatabaseUnavailable(error), `call ${k}: ${String(error)}`).toBe(true);
      expect(await stored(key), `call ${k}: nothing of the submission is kept`).toEqual({ responses: 0, answers: 0, complete: true });
      // Recovery without a restart: the retried post is stored once, whole.
      expect((await submit(db, key)).outcome).toBe("complete");
      expect(await stored(key)).toEqual({ responses: 1, answers: 2, complete: true });
      await flushCompletions(handle.db);
    }
  });

  it("the k-th database call failing, for every k along an analysis run: the run ends done or failed, and a failed one leaves no themes", async () => {
    const board = await makeSurvey(handle.db, `Faults board ${kind}`);
    const topics = Object.keys(TOPICS);
    for (let i = 0; i < 12; i++) await addResponse(handle.db, board, { topic: topics[i % topics.length], index: i });
    const plugin = new FailKthCall(kind === "sqlite" ? "SQLITE_BUSY" : "40001");
    const db = handle.db.withPlugin(plugin);
    // A run's results: its theme figures and facts (themes themselves persist across runs).
    const themesOf = async (runId: number) => {
      const stats = Number(
        (
          await handle.db
            .selectFrom("theme_stats")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("run_id", "=", runId)
            .executeTakeFirstOrThrow()
        ).n,
      );
      const facts = Number(
        (
          await handle.db
            .selectFrom("response_facts")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("run_id", "=", runId)
            .executeTakeFirstOrThrow()
        ).n,
      );
      return stats === 0 && facts === 0 ? 0 : stats > 0 && facts > 0 ? stats : -1; // -1: half a result
    };

    const clean = await createRun(handle.db, { surveyId: board.surveyId, trigger: "manual", createdBy: null });
    plugin.calls = 0;
    await executeRun(db, clean, { seed: 7, k: 3 });
    const callsPerRun = plugin.calls;
    expect((await getRun(handle.db, clean))?.status).toBe("done");
    const cleanThemes = await themesOf(clean);
    expect(cleanThemes).toBeGreaterThan(0);

    for (let k = 1; k <= callsPerRun; k++) {
      const runId = await createRun(handle.db, { surveyId: board.surveyId, trigger: "manual", createdBy: null });
      plugin.calls = 0;
      plugin.failAt = k;
      await executeRun(db, runId, { seed: 7, k: 3 });
      plugin.failAt = Number.POSITIVE_INFINITY;
      const run = await getRun(handle.db, runId);
      expect(["done", "failed"], `call ${k} of ${callsPerRun}: run left ${run?.status}`).toContain(run?.status);
      if (run?.status === "failed") expect(await themesOf(runId), `call ${k}: a failed run wrote themes`).toBe(0);
      else expect(await themesOf(runId), `call ${k}: a done run has all its themes`).toBeGreaterThan(0);
    }
  });

  // SQLite's page limit has no PostgreSQL counterpart here, so only the SQLite run defines this test.
  if (kind === "sqlite")
    it("a full database (max_page_count): the write fails as unavailable, keeps nothing, and succeeds once there is room", async () => {
      const { page_count } = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(handle.db)).rows[0];
      await sql.raw(`PRAGMA max_page_count = ${page_count}`).execute(handle.db);
      const key = `fault-full-${++counter}-xxxxxxxxxxxx`;
      const big = "A long story. ".repeat(600); // ~8 KB, past one 4 KB page: needs new pages
      const error = await submit(handle.db, key, big).then(
        () => null,
        (e: unknown) => e,
      );
      await sql.raw(`PRAGMA max_page_count = 1073741823`).execute(handle.db);
      expect((error as { code?: string })?.code).toBe("SQLITE_FULL");
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(await stored(key)).toEqual({ responses: 0, answers: 0, complete: true });
      expect((await submit(handle.db, key, big)).outcome).toBe("complete");
      expect(await stored(key)).toEqual({ responses: 1, answers: 2, complete: true });
      const integrity = (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(handle.db)).rows[0].integrity_check;
      expect(integrity).toBe("ok");
    });
});
