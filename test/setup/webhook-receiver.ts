import http from "node:http";
import type { AddressInfo } from "node:net";
export { until } from "./until.js";

/**
 * A real webhook receiver on 127.0.0.1 for tests: records every request (path, headers, raw body)
 * and answers by path: `/ok` 200, `/flaky` 500 the first time per delivery id then 200, `/down`
 * always 500.
 */
export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export async function startReceiver() {
  const received: Received[] = [];
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const id = String(req.headers["painmap-delivery"]);
      let status = 200;
      if (path.startsWith("/down")) status = 500;
      if (path.startsWith("/flaky") && !seen.has(id)) {
        seen.add(id);
        status = 500;
      }
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status === 200 ? "ok" : "broken");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
