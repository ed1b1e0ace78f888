import type { IncomingMessage } from "node:http";

/** `request.formData()` reads any size; every action reads its body through here instead. */
const DEFAULT_BODY_LIMIT = 256 * 1024;

function payloadTooLarge(limit: number): Response {
  return new Response(`That was too much data to send at once (limit ${Math.round(limit / 1024)} KB). Nothing was saved.`, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Reads at most `limit` bytes; throws a 413 Response past that, before anything is parsed. */
export async function readBody(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) throw payloadTooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Form data with the body capped first. A malformed body is a 400, never a 500. */
export async function readFormData(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<FormData> {
  const body = await readBody(request, limit);
  const type = request.headers.get("Content-Type") ?? "application/x-www-form-urlencoded";
  // Plain form posts (every form without JavaScript) skip building a second Request to parse.
  if (type.startsWith("application/x-www-form-urlencoded")) {
    const form = new FormData();
    for (const [key, value] of new URLSearchParams(new TextDecoder().decode(body))) form.append(key, value);
    return form;
  }
  try {
    return await new Request(request.url, {
      method: "POST",
      headers: { "Content-Type": type },
      body: body as unknown as BodyInit,
    }).formData();
  } catch {
    throw new Response("The form data could not be read. Please try again.", { status: 400 });
  }
}

/** Thrown by readNodeBody past its cap; the server adapter answers 413 and closes the connection. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes`);
  }
}

/**
 * The server adapter's reader (app/server.ts): the whole body of a Node request, sized or chunked,
 * counted as it arrives. A declared Content-Length past the cap is refused before reading a byte.
 */
export async function readNodeBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) {
      req.pause();
      throw new BodyTooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}
