import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { freePort } from "./free-port.js";
import os from "node:os";
import path from "node:path";

/**
 * Starts a throwaway PostgreSQL server from Debian's `postgresql` package on 127.0.0.1.
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

function findBinDir(): string {
  const candidates = [process.env.PG_BIN_DIR, ...listDebianBinDirs(), "/usr/local/bin", "/usr/bin"];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "postgres"))) return dir;
  }
  throw new Error("PostgreSQL binaries not found: apt-get install -y postgresql (or set PG_BIN_DIR)");
}

function listDebianBinDirs(): string[] {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, "bin"));
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "painmap-pg-"));
  const dataDir = path.join(dir, "data");
  const owner = asRoot ? postgresUser() : {};
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  execFileSync(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"], {
    stdio: "pipe",
    ...owner,
  });

  const port = await freePort();
  const args = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-h",
    "127.0.0.1",
    "-k",
    dir,
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "max_connections=200",
  ];
  const child: ChildProcess = spawn(path.join(bin, "postgres"), args, { stdio: ["ignore", "ignore", "pipe"], ...owner });
  let log = "";
  child.stderr?.on("data", (d) => (log += String(d)));

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited: ${log}`);
    if (await canConnect(port)) break;
    if (Date.now() > deadline) throw new Error(`postgres did not start in 30 s: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Accepting TCP is not yet accepting queries; wait for a real query to pass.
  const { default: pg } = await import("pg");
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("select 1");
      await client.end();
      break;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres not ready: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGINT"); // fast shutdown: ends sessions, no checkpoint wait
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
