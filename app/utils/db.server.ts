import { connect, type DatabaseHandle } from "../../db/client.js";
import { env } from "./env.server.js";

declare global {
  // eslint-disable-next-line no-var
  var __painmapDb: DatabaseHandle | undefined;
}

/** One connection (SQLite) or pool (PostgreSQL) per process, kept across dev rebuilds. */
export function database(): DatabaseHandle {
  if (!globalThis.__painmapDb) {
    const { DATABASE_URL, SQLITE_SYNCHRONOUS } = env();
    globalThis.__painmapDb = connect(DATABASE_URL, { synchronous: SQLITE_SYNCHRONOUS });
  }
  return globalThis.__painmapDb;
}

export function db() {
  return database().db;
}
