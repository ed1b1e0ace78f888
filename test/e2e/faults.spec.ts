import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect } from "@playwright/test";
import { connect } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { freePort } from "../setup/free-port.js";
import { startChildServer } from "./child-server";

/**
 * Faults through the whole server: another connection holds SQLite's write lock longer than the
 * server's busy_timeout (5 s). A submission then gets a 503 with Retry-After and leaves no row; once
 * the lock is gone the same server (no restart) accepts it. The full-database and k-th-call faults
 * are in test/security/faults.test.ts (they need the server's own connection).
 */
test("busy beyond the timeout: 503 with Retry-After, no row, then recovery without a restart", async () => {
  test.setTimeout(90_000);
  const dir = fs.mkdtempSync(path.join("test-results", "faults-"));
  const dbFile = path.join(dir, "faults.sqlite");
  const handle = connect(`file:${dbFile}`);
  await migrateToLatest(handle.db);
  const slug = crypto.randomBytes(18).toString("base64url");
  const surveyId = await createSurvey(handle.db, { slug, title: "Faults", intro: "", template: null, status: "open", createdBy: null }, [
    { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "What went wrong?" },
  ]);
  const questionId = (await handle.db.selectFrom("questions").select("id").where("survey_id", "=", surveyId).executeTakeFirstOrThrow()).id;
  await handle.close();
  const server = await startChildServer({ port: await freePort(), dbFile });
  const post = (idem: string) =>
    fetch(`${server.base}/s/${slug}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ page: "1", idem, [`q_${questionId}`]: `Story ${idem}` }),
    });
  const rows = (idem: string) => {
    const db = new Database(dbFile, { readonly: true });
    try {
      return (db.prepare("select count(*) as n from responses where idempotency_key = ?").get(idem) as { n: number }).n;
    } finally {
      db.close();
    }
  };
  try {
    const locker = new Database(dbFile);
    locker.pragma("busy_timeout = 0");
    locker.exec("BEGIN IMMEDIATE");
    const idem = `busy-${crypto.randomBytes(12).toString("base64url")}`;
    const refused = await post(idem);
    locker.exec("ROLLBACK");
    locker.close();
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(rows(idem)).toBe(0);

    // The same server, the same post: accepted now, stored once.
    const retried = await post(idem);
    expect(retried.status).toBe(302);
    expect(retried.headers.get("location")).toBe(`/s/${slug}/thanks`);
    expect(rows(idem)).toBe(1);
    expect(server.stderr()).not.toMatch(/^\s+at /m); // a one-line warning, no stack
  } finally {
    await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
