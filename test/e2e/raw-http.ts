import net from "node:net";

/** A raw HTTP/1.1 exchange: what fetch and Playwright cannot send (bad Host, absolute-form targets, chunked bodies). */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (rather than our timeout ending the read). */
  closedByServer: boolean;
  ms: number;
}

export function baseAddress(baseURL: string | undefined): { host: string; port: number; hostHeader: string } {
  const url = new URL(baseURL ?? "http://127.0.0.1:3210");
  return { host: url.hostname, port: Number(url.port), hostHeader: url.host };
}

/**
 * Writes `head` (the request line and headers, CRLF-separated, without the blank line), then the
 * body chunks, and reads until the server closes or `timeoutMs` passes.
 */
export function rawRequest(port: number, head: string, body: Array<string | Buffer> = [], timeoutMs = 5000): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const finish = () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      const lines = text.slice(0, end < 0 ? text.length : end).split("\r\n");
      const status = Number(lines[0]?.split(" ")[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(":");
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status, headers, body: end < 0 ? "" : text.slice(end + 4), closedByServer, ms: Date.now() - started });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      finish();
    }, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => {
      closedByServer = true;
      clearTimeout(timer);
      socket.destroy();
      finish();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // A reset after the server answered and dropped an unread body is the expected close.
      clearTimeout(timer);
      if (chunks.length && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        closedByServer = true;
        finish();
      } else reject(error);
    });
    socket.on("connect", async () => {
      socket.write(`${head}\r\n\r\n`, "latin1");
      for (const part of body) {
        if (socket.destroyed) break;
        await new Promise<void>((done) => socket.write(part, () => done()));
      }
    });
  });
}

/** Body chunks in chunked transfer encoding, ending with the zero-size chunk. */
export function chunked(parts: Array<string | Buffer>): Buffer[] {
  const out: Buffer[] = [];
  for (const part of parts) {
    const data = Buffer.isBuffer(part) ? part : Buffer.from(part);
    out.push(Buffer.from(`${data.byteLength.toString(16)}\r\n`), data, Buffer.from("\r\n"));
  }
  out.push(Buffer.from("0\r\n\r\n"));
  return out;
}
