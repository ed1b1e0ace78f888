import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * The production server (`app/server.ts` on the Remix build) as a child process on 127.0.0.1, on its
 * own SQLite file: for suites that kill it (crash) or starve its database (faults); or one of several
 * on one PostgreSQL database (cluster).
 */
export interface ChildServer {
  child: ChildProcess;
  base: string;
  stderr: () => string;
  /** SIGKILL, then wait for the exit. */
  kill(): Promise<void>;
}

export async function startChildServer(options: {
  port: number;
  /** a SQLite file, or `databaseUrl` (PostgreSQL, for the cluster suite) */
  dbFile?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}): Promise<ChildServer> {
  const buildDir = process.env.PAINMAP_BUILD_DIR;
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("app/server.ts")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PLAIN_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl ?? `file:${options.dbFile}`,
      DOTENV_CONFIG_QUIET: "true",
      AUTO_ANALYSIS_EVERY: "0",
      SUBMIT_RATE_LIMIT: "1000000",
      LOGIN_RATE_LIMIT: "1000",
      ...(buildDir ? { PAINMAP_BUILD_DIR: buildDir } : {}),
      ...options.env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (d) => (err += String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    try {
      const r = await fetch(`${base}/login`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    base,
    stderr: () => err,
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
