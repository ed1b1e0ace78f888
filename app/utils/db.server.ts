import { connect, type DatabaseHandle } from "../../db/client.js";
import { createGroupCommitter, registerGroupCommitter } from "../../db/group-commit.js";
import { env } from "./env.server.js";

declare global {
  // eslint-disable-next-line no-var
  var __painmapDb: DatabaseHandle | undefined;
}

/** One connection (SQLite) or pool (PostgreSQL) per process, kept across dev rebuilds. */
export function database(): DatabaseHandle {
  if (!globalThis.__painmapDb) {
    const { DATABASE_URL, SQLITE_SYNCHRONOUS } = env();
    const handle = connect(DATABASE_URL, { synchronous: SQLITE_SYNCHRONOUS });
    // SQLite: concurrent public-form posts share one COMMIT (one fsync); see db/group-commit.ts.
    if (handle.kind === "sqlite") registerGroupCommitter(handle.db, createGroupCommitter(handle.db));
    globalThis.__painmapDb = handle;
  }
  return globalThis.__painmapDb;
}

export function db() {
  return database().db;
}
