import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";

export type DatabaseKind = "sqlite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** PostgreSQL only: the pool behind `db`, for libraries that take a pg pool (rate-limiter-flexible) */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** SQLite only: synchronous=FULL (default) so an acknowledged write survives power loss. */
  synchronous?: "FULL" | "NORMAL";
  /** PostgreSQL only */
  poolSize?: number;
}

const DEFAULT_SQLITE_PATH = "./data/painmap.sqlite";

/** `postgres://...` selects PostgreSQL; anything else (`file:x.sqlite`, a path, empty) is a SQLite file. */
function databaseKindOf(url: string | undefined): DatabaseKind {
  return url && /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

function sqlitePathOf(url: string | undefined): string {
  if (!url) return DEFAULT_SQLITE_PATH;
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

export function connect(url: string | undefined, options: ConnectOptions = {}): DatabaseHandle {
  if (databaseKindOf(url) === "postgres") {
    // int8 (count(*), sums) arrive as strings by default; our counts fit in a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", pool, close: () => db.destroy() };
  }
  const file = sqlitePathOf(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, kind: "sqlite", close: () => db.destroy() };
}

/**
 * Two things Kysely's SqliteDialect does that we change at the one place it reaches the driver:
 *
 * Every transaction begins IMMEDIATE, not with Kysely's plain (deferred) `begin`. A deferred
 * transaction that reads and then writes fails at once with "database is locked" (SQLITE_BUSY,
 * without waiting out busy_timeout) when another connection committed in between: the analysis
 * worker is such a connection, and under a stream of submissions its results write failed that
 * way. BEGIN IMMEDIATE takes the write lock first, so the transaction waits its turn instead.
 * Every transaction we run writes, so nothing loses read concurrency by it.
 *
 * Kysely's SqliteDialect calls `prepare(sql)` for every query, and compiling a statement is a
 * large share of a short request (measured about 19% of a survey submission). Kysely's SQL text
 * is stable per query shape, so caching prepared statements by text is safe; the cache is
 * bounded so ad-hoc queries cannot grow it without limit.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (requested: string) => {
    const source = requested === "begin" ? "begin immediate" : requested;
    let statement = cache.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property === "prepare") return prepare;
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
