import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { BodyTooLarge, readNodeBody } from "./utils/body.server.js";
import { serviceUnavailable, type FailureMark } from "./utils/db-errors.server.js";
import { requestOrigin, requestPath, type OriginConfig } from "./utils/origin.server.js";
import { isCrossSiteWrite, securityHeaders } from "./utils/security-headers.server.js";

/**
 * A bare node:http adapter instead of express + remix-serve: no per-request logging or
 * compression on the hot path (about 29% of a survey submission's cost when measured),
 * and one place for the headers and checks every request needs.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const publicDir = path.join(root, "public");
const buildDir = path.resolve(root, process.env.PAINMAP_BUILD_DIR ?? "build");
/** Fingerprinted client assets: public/build by default, beside the server build when PAINMAP_BUILD_DIR is set. */
const assetsDir = process.env.PAINMAP_BUILD_DIR ? path.join(buildDir, "client") : publicDir;
const HARD_BODY_LIMIT = 8 * 1024 * 1024;

const MIME: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Dynamic responses are per user (sessions, resume tokens, prospects' emails): no browser or proxy may keep them. */
const PRIVATE_CACHE = "private, no-store";

function refuse(res: http.ServerResponse, status: number, message: string, close = false) {
  res
    .writeHead(status, {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": PRIVATE_CACHE,
      ...(close ? { Connection: "close" } : {}),
    })
    .end(message);
}

export async function createServer(options: { mode?: string; origin?: OriginConfig } = {}) {
  const mode = options.mode ?? process.env.NODE_ENV ?? "production";
  const originConfig: OriginConfig = options.origin ?? { publicUrl: process.env.PUBLIC_URL, listenHost: process.env.HOST ?? "127.0.0.1" };
  const build = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as ServerBuild;
  const handle = createRequestHandler(build, mode);
  // public/ is fixed at deploy time: knowing its top-level names spares every page request a stat().
  const publicNames = new Set(fs.existsSync(publicDir) ? fs.readdirSync(publicDir) : []);

  return http.createServer(async (req, res) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    for (const [name, value] of Object.entries(securityHeaders(nonce))) res.setHeader(name, value);
    try {
      const method = req.method ?? "GET";
      const origin = requestOrigin(req.headers.host, originConfig);
      const target = requestPath(req.url);
      if (!origin || target === null) {
        console.warn(`400 ${method} refused: Host ${JSON.stringify(req.headers.host ?? "")} is not this site's`);
        refuse(res, 400, "This site is not served under that host name.", true);
        req.resume();
        return;
      }
      const url = new URL(target, origin);

      if ((method === "GET" || method === "HEAD") && (await serveStatic(url.pathname, req, res, publicNames))) return;

      if (
        isCrossSiteWrite(method, {
          origin: req.headers.origin,
          host: req.headers.host,
          fetchSite: req.headers["sec-fetch-site"] as string | undefined,
        })
      ) {
        res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("Cross-site requests are not allowed.");
        return;
      }
      let request: Request;
      try {
        request = await toFetchRequest(req, url, method);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        // Sized or chunked alike: answer now, read no further, and drop the connection (the rest
        // of the body would otherwise be parsed as the next request).
        console.warn(`413 ${method} ${url.pathname} body over ${HARD_BODY_LIMIT} bytes`);
        const socket = req.socket;
        res.once("finish", () => socket?.destroySoon());
        refuse(res, 413, "Request body too large. Nothing was saved.", true);
        return;
      }
      const context: Record<string, unknown> & FailureMark = { nonce };
      let response = await handle(request, context);
      // A database that cannot write now: 503 + Retry-After instead of the error page's 500.
      if (response.status === 500 && context.databaseUnavailable) {
        await response.body?.cancel().catch(() => {});
        response = serviceUnavailable();
      }
      res.statusCode = response.status;
      res.statusMessage = response.statusText || http.STATUS_CODES[response.status] || "";
      for (const [name, value] of response.headers) {
        if (name === "set-cookie") continue;
        res.setHeader(name, value);
      }
      if (!response.headers.has("cache-control")) res.setHeader("Cache-Control", PRIVATE_CACHE);
      if (response.status === 413) res.setHeader("Connection", "close");
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader("Set-Cookie", cookies);
      if (!response.body || method === "HEAD") {
        res.end();
        return;
      }
      await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
    } catch (error) {
      // A client that goes away mid-response is not our error.
      if ((error as NodeJS.ErrnoException)?.code === "ERR_STREAM_PREMATURE_CLOSE") return;
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Something went wrong on our side.");
    }
  });
}

/**
 * Every body is read here, whole, through one capped reader: a chunked body past the cap used to
 * reach the route as a stream, whose cancel aborted the request (a 500 with no log line, the
 * connection left open). Routes then apply their own, smaller caps to the bytes read.
 */
/**
 * The client's address. Behind a load balancer (TRUSTED_PROXY=its address) the socket is the
 * proxy's, so the address the proxy appended last to X-Forwarded-For is the client's; from any
 * other peer the header is ignored, so a client cannot choose its own address (docs/cluster.md).
 */
function clientIp(req: http.IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const trusted = process.env.TRUSTED_PROXY;
  if (!trusted || !trusted.split(",").some((t) => t.trim() === peer || `::ffff:${t.trim()}` === peer)) return peer;
  const forwarded = req.headers["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").pop()?.trim();
  return last || peer;
}

async function toFetchRequest(req: http.IncomingMessage, url: URL, method: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    if (name === "x-painmap-client-ip") continue; // only the adapter may set it
    headers.append(name, req.rawHeaders[i + 1]);
  }
  headers.set("x-painmap-client-ip", clientIp(req));
  const controller = new AbortController();
  req.once("aborted", () => controller.abort());
  if (method === "GET" || method === "HEAD") return new Request(url.href, { method, headers, signal: controller.signal });
  const body = await readNodeBody(req, HARD_BODY_LIMIT);
  // The body is whole now: its length is what the route sees, whatever the client declared.
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.byteLength));
  return new Request(url.href, { method, headers, body: body as unknown as BodyInit, signal: controller.signal });
}

async function serveStatic(
  pathname: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  publicNames: ReadonlySet<string>,
): Promise<boolean> {
  if (pathname === "/" || pathname.includes("..") || pathname.includes("\0")) return false;
  const fromBuild = pathname.startsWith("/build/");
  const base = fromBuild ? assetsDir : publicDir;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false; // not a file name; the app answers it (a 404)
  }
  if (!fromBuild && !publicNames.has(decoded.split("/")[1])) return false;
  const file = path.join(base, decoded);
  if (!file.startsWith(base + path.sep)) return false;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  res.writeHead(200, {
    "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream",
    "Content-Length": stat.size,
    "Cache-Control": fromBuild ? "public, max-age=31536000, immutable" : "public, max-age=3600",
  });
  if (req.method === "HEAD") res.end();
  else await pipeline(fs.createReadStream(file), res);
  return true;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { env } = await import("./utils/env.server.js");
  const { prepareDatabase } = await import("./utils/startup.server.js");
  const config = env();
  await prepareDatabase();
  // Background work (analysis runs, scoring after completions) runs in every server process;
  // on PostgreSQL the servers share one queue, on SQLite jobs a crash left active are replayed now.
  const { startJobs } = await import("./jobs/index.server.js");
  const { database } = await import("./utils/db.server.js");
  const handle = database();
  const jobs = await startJobs(handle.db, handle.kind);
  const server = await createServer({ mode: config.NODE_ENV, origin: { publicUrl: config.PUBLIC_URL, listenHost: config.HOST } });
  server.keepAliveTimeout = 65_000;
  server.listen(config.PORT, config.HOST, () => {
    console.log(`Painmap is listening on http://${config.HOST === "127.0.0.1" ? "localhost" : config.HOST}:${config.PORT}`);
  });
  const stop = () => server.close(() => void jobs.stop().finally(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
