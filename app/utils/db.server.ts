import { connect, type DatabaseHandle } from "../../db/client.js";
import { createGroupCommitter, groupCommitterOf, registerGroupCommitter } from "../../db/group-commit.js";
import { env } from "./env.server.js";

declare global {
  var __painmapDb: DatabaseHandle | undefined;
}

/** One connection (SQLite) or pool (PostgreSQL) per process, kept across dev rebuilds. */
export function database(): DatabaseHandle {
  if (!globalThis.__painmapDb) {
    const { DATABASE_URL, SQLITE_SYNCHRONOUS } = env();
    globalThis.__painmapDb = connect(DATABASE_URL, { synchronous: SQLITE_SYNCHRONOUS });
  }
  const handle = globalThis.__painmapDb;
  // SQLite: concurrent public-form posts share one COMMIT (one fsync); see db/group-commit.ts. Checked
  // on every call, not only at creation: the handle may have been created by another copy of this
  // module (the server's startup code runs from source, the routes from the Remix build).
  if (handle.kind === "sqlite" && !groupCommitterOf(handle.db)) registerGroupCommitter(handle.db, createGroupCommitter(handle.db));
  return handle;
}

export function db() {
  return database().db;
}
