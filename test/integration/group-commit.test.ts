import SQLite from "better-sqlite3";
import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { createGroupCommitter, registerGroupCommitter, writeTransaction, type GroupCommitter } from "../../db/group-commit.js";
import type { Database } from "../../db/schema.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { loadAnsweringSurvey, pageQuestions, submitPage } = await import("../../app/surveys/submission.server.js");
const { parsePageAnswers } = await import("../../app/surveys/answer-schema.js");
const { flushCompletions } = await import("../../app/prospects/after-completion.server.js");

const now = "2026-01-01T00:00:00.000Z";

async function insertCompany(trx: Kysely<Database>, name: string): Promise<number> {
  const row = await trx
    .insertInto("companies")
    .values({ name, industry: null, region: null, site_count: null, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function companyNames(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom("companies").select("name").orderBy("name").execute()).map((r) => r.name);
}

describe.each(DATABASE_KINDS)("group commit on %s", (kind) => {
  let handle: DatabaseHandle;
  let committer: GroupCommitter;

  beforeEach(async () => {
    handle = await freshDatabase(kind);
    committer = createGroupCommitter(handle.db, { maxBatch: 16 });
  });
  afterEach(async () => handle?.close());

  it("many concurrent run() calls each get their own result and every row is stored", async () => {
    const names = Array.from({ length: 50 }, (_, i) => `c${String(i).padStart(3, "0")}`);
    const ids = await Promise.all(names.map((name) => committer.run((trx) => insertCompany(trx, name))));
    expect(new Set(ids).size).toBe(50);
    const rows = await handle.db.selectFrom("companies").select(["id", "name"]).execute();
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    names.forEach((name, i) => expect(byId.get(ids[i])).toBe(name));
    const stats = committer.stats();
    expect(stats.items).toBe(50);
    if (kind === "sqlite") {
      // batched: far fewer transactions than items, none larger than the cap
      expect(stats.batches).toBeLessThan(50);
      expect(stats.batches).toBeGreaterThanOrEqual(Math.ceil(50 / 16));
      expect(stats.largestBatch).toBeLessThanOrEqual(16);
      expect(stats.largestBatch).toBeGreaterThan(1);
    } else {
      // PostgreSQL: one plain transaction per run()
      expect(stats).toEqual({ batches: 50, items: 50, largestBatch: 1 });
    }
  });

  it("a failing item rejects alone and leaves nothing; the others of its batch commit", async () => {
    const results = await Promise.allSettled([
      committer.run((trx) => insertCompany(trx, "a")),
      committer.run(async (trx) => {
        await insertCompany(trx, "doomed-1");
        await insertCompany(trx, "doomed-2");
        throw new Error("boom after writing");
      }),
      committer.run(async (trx) => {
        // a database error, not only a thrown one
        await insertCompany(trx, "doomed-3");
        await trx
          .insertInto("people")
          .values({
            company_id: null,
            email: null,
            name: null,
            job_title: null,
            source: "unknown",
            utm_source: null,
            utm_campaign: null,
            rep: null,
            owner_user_id: 987654,
            created_at: now,
          })
          .execute();
        return "unreachable";
      }),
      committer.run((trx) => insertCompany(trx, "b")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("boom after writing");
    expect(await companyNames(handle.db)).toEqual(["a", "b"]);
    expect(await handle.db.selectFrom("people").select("id").execute()).toEqual([]);
    if (kind === "sqlite") expect(committer.stats().batches).toBe(1); // they really shared one transaction
  });

  it("a caller is answered only after the COMMIT: its row is visible from another connection by then", async () => {
    const seenFromOutside: unknown[] = [];
    let outside: ((name: string) => unknown[]) | undefined;
    let closeOutside = () => {};
    if (kind === "sqlite") {
      const file = (await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(handle.db)).rows[0].file;
      const other = new SQLite(file, { readonly: true });
      const statement = other.prepare("select name from companies where name = ?");
      outside = (name) => statement.all(name);
      closeOutside = () => other.close();
    }
    const names = ["v1", "v2", "v3", "v4"];
    await Promise.all(
      names.map((name) =>
        committer
          .run((trx) => insertCompany(trx, name))
          .then(async () => {
            // synchronous read on a separate SQLite connection, in the very turn the promise settles
            if (outside) seenFromOutside.push(...outside(name));
            else seenFromOutside.push(...(await handle.db.selectFrom("companies").select("name").where("name", "=", name).execute()));
          }),
      ),
    );
    closeOutside();
    expect(seenFromOutside).toHaveLength(4);
  });

  it("writeTransaction uses the registered committer, or a plain transaction when none is registered", async () => {
    expect(await writeTransaction(handle.db, (trx) => insertCompany(trx, "plain"))).toBeGreaterThan(0);
    expect(committer.stats().items).toBe(0);
    registerGroupCommitter(handle.db, committer);
    await Promise.all([
      writeTransaction(handle.db, (trx) => insertCompany(trx, "g1")),
      writeTransaction(handle.db, (trx) => insertCompany(trx, "g2")),
    ]);
    expect(committer.stats().items).toBe(2);
    expect(await companyNames(handle.db)).toEqual(["g1", "g2", "plain"]);
  });

  it("concurrent one-page submissions through the committer all complete with their own people", async () => {
    registerGroupCommitter(handle.db, committer);
    const slug = `gc-${kind}-one-page-survey`;
    await createSurvey(handle.db, { slug, title: "One page", intro: "", template: null, status: "open", createdBy: null }, [
      { page: 1, kind: "email", role: "contact_email", prompt: "Email" },
      { page: 1, kind: "short_text", role: "company_name", prompt: "Company" },
      { page: 1, kind: "consent", role: "consent_contact", prompt: "Send me the study summary." },
    ]);
    const survey = (await loadAnsweringSurvey(handle.db, slug))!;
    const qs = pageQuestions(survey, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const parsed = parsePageAnswers(qs, {
          [`q_${qs[0].id}`]: `p${i}@example.com`,
          [`q_${qs[1].id}`]: `Co ${i}`,
          [`q_${qs[2].id}`]: "on",
        });
        if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
        return submitPage(handle.db, {
          survey,
          pageIndex: 1,
          answers: parsed.data,
          identity: { kind: "key", idempotencyKey: `gc-key-${kind}-${String(i).padStart(8, "0")}`, attribution: {} },
          origin: "import",
        });
      }),
    );
    expect(outcomes.every((o) => o.outcome === "complete" && o.changed)).toBe(true);
    expect(new Set(outcomes.map((o) => (o.outcome === "complete" ? o.responseId : 0))).size).toBe(20);
    const complete = await handle.db.selectFrom("responses").select("person_id").where("status", "=", "complete").execute();
    expect(complete).toHaveLength(20);
    expect(await handle.db.selectFrom("people").select("id").execute()).toHaveLength(20);
    expect(await handle.db.selectFrom("consents").select("id").execute()).toHaveLength(20);
    if (kind === "sqlite") expect(committer.stats().batches).toBeLessThan(20);
    await flushCompletions(handle.db);
  });
});

describe("group commit on sqlite: a failed COMMIT", () => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await freshDatabase("sqlite");
  });
  afterEach(async () => handle?.close());

  it("rejects every item of the batch and stores none of them", async () => {
    const committer = createGroupCommitter(handle.db);
    const results = await Promise.allSettled([
      committer.run((trx) => insertCompany(trx, "x1")),
      committer.run(async (trx) => {
        // A deferred foreign key is checked only at COMMIT: the item itself succeeds, the COMMIT fails.
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await trx
          .insertInto("people")
          .values({
            company_id: 987654,
            email: null,
            name: null,
            job_title: null,
            source: "unknown",
            utm_source: null,
            utm_campaign: null,
            rep: null,
            owner_user_id: null,
            created_at: now,
          })
          .execute();
        return "written";
      }),
      committer.run((trx) => insertCompany(trx, "x2")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    for (const r of results) expect(String((r as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/i);
    expect(await companyNames(handle.db)).toEqual([]);
    expect(await handle.db.selectFrom("people").select("id").execute()).toEqual([]);
    // the connection is usable again afterwards (the failed transaction was rolled back)
    expect(await committer.run((trx) => insertCompany(trx, "after"))).toBeGreaterThan(0);
    expect(await companyNames(handle.db)).toEqual(["after"]);
  });
});
