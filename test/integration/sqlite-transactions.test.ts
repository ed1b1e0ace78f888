import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { freshDatabase } from "../setup/databases.js";

const now = "2026-01-01T00:00:00.000Z";

/**
 * The analysis worker writes its results from a second SQLite connection while the app keeps
 * writing submissions. A transaction that reads first and writes later must not be broken by the
 * other connection's commit in between (with a deferred BEGIN it failed at once: "database is locked").
 */
describe("SQLite transactions with a second writer", () => {
  let handle: DatabaseHandle;
  let other: SQLite.Database;

  beforeEach(async () => {
    handle = await freshDatabase("sqlite");
    const file = (await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(handle.db)).rows[0].file;
    other = new SQLite(file);
    other.pragma("busy_timeout = 0"); // refuse at once instead of waiting: this test runs both connections in one thread
  });
  afterEach(async () => {
    other?.close();
    await handle?.close();
  });

  it("a transaction that reads, then writes, holds the write lock from its start and commits", async () => {
    let otherWrite: string = "not tried";
    await handle.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom("companies").select("id").execute();
      expect(before).toEqual([]);
      try {
        other.prepare("insert into companies (name, created_at) values ('other', ?)").run(now);
        otherWrite = "committed";
      } catch (error) {
        otherWrite = (error as { code?: string }).code ?? String(error);
      }
      await trx.insertInto("companies").values({ name: "ours", industry: null, region: null, site_count: null, created_at: now }).execute();
    });
    // The other writer had to wait for our transaction (here: refused, as it may not wait) ...
    expect(otherWrite).toBe("SQLITE_BUSY");
    // ... and ours committed.
    expect((await handle.db.selectFrom("companies").select("name").execute()).map((r) => r.name)).toEqual(["ours"]);
    // Once we committed, the other connection writes as usual.
    other.prepare("insert into companies (name, created_at) values ('other', ?)").run(now);
    expect((await handle.db.selectFrom("companies").select("name").orderBy("name").execute()).map((r) => r.name)).toEqual([
      "other",
      "ours",
    ]);
  });
});
