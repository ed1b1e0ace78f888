import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { connect, type DatabaseHandle, type DatabaseKind } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";

/** Both databases every db test runs on. Neither may be skipped. */
export const DATABASE_KINDS: DatabaseKind[] = ["sqlite", "postgres"];

/**
 * A fresh, migrated database of the given kind: a new SQLite file, or a new database inside the
 * PostgreSQL server the global setup started. Call `close()` in afterAll/afterEach.
 */
export async function freshDatabase(kind: DatabaseKind): Promise<DatabaseHandle & { url: string }> {
  const name = `t_${crypto.randomBytes(6).toString("hex")}`;
  if (kind === "sqlite") {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "painmap-db-")), `${name}.sqlite`);
    const handle = connect(`file:${file}`, { synchronous: "NORMAL" });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      url: `file:${file}`,
      async close() {
        await handle.close();
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject("postgresUrl");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const handle = connect(url, { poolSize: 4 });
  await migrateToLatest(handle.db);
  return { ...handle, url };
}
