import { DEMO, expect, test } from "./fixtures";
import { baseAddress, chunked, rawRequest } from "./raw-http";

/**
 * Regression tests for issue 11 findings 3, 4 and 7, against the production server adapter
 * (app/server.ts) over raw sockets on 127.0.0.1.
 */

test("a chunked body over a route's cap is a 413 that closes the connection, like a sized one (finding 3)", async ({ baseURL }) => {
  const { port, hostHeader } = baseAddress(baseURL);
  const head = [
    `POST /login HTTP/1.1`,
    `Host: ${hostHeader}`,
    "Content-Type: application/x-www-form-urlencoded",
    "Transfer-Encoding: chunked",
  ].join("\r\n");
  // Login caps its body at 16 KB: 40 chunks of 1 KB.
  const chunkedOver = await rawRequest(port, head, chunked(Array.from({ length: 40 }, () => "a".repeat(1024))));
  expect(chunkedOver.status).toBe(413);
  expect(chunkedOver.headers.connection).toBe("close");
  expect(chunkedOver.closedByServer).toBe(true);

  const sized = await rawRequest(
    port,
    [`POST /login HTTP/1.1`, `Host: ${hostHeader}`, "Content-Type: application/x-www-form-urlencoded", `Content-Length: ${40 * 1024}`].join(
      "\r\n",
    ),
    ["a".repeat(40 * 1024)],
  );
  expect(sized.status).toBe(413);
  expect(sized.closedByServer).toBe(true);

  // Past the adapter's hard cap (8 MB) the answer comes before the rest of the body is read.
  const huge = await rawRequest(port, head, chunked(Array.from({ length: 9 }, () => Buffer.alloc(1024 * 1024, 97))));
  expect(huge.status).toBe(413);
  expect(huge.closedByServer).toBe(true);
  expect(huge.ms).toBeLessThan(4000);
});

test("a malformed or foreign Host header is a 400, never a 500 (finding 4)", async ({ baseURL }) => {
  const { port, hostHeader } = baseAddress(baseURL);
  for (const host of ["[", "a b", "", ":99999", "x@evil", "evil.example", "127.0.0.1:99999"]) {
    const response = await rawRequest(port, [`GET /login HTTP/1.1`, `Host: ${host}`, "Connection: close"].join("\r\n"));
    expect(response.status, `Host ${JSON.stringify(host)}`).toBe(400);
  }
  const ok = await rawRequest(port, [`GET /login HTTP/1.1`, `Host: ${hostHeader}`, "Connection: close"].join("\r\n"));
  expect(ok.status).toBe(200);
});

test("an absolute-form request target does not set the origin of the links a page shows (finding 4)", async ({ baseURL, playwright }) => {
  const { port, hostHeader } = baseAddress(baseURL);
  const api = await playwright.request.newContext({ baseURL });
  const login = await api.post("/login", { form: { email: DEMO.marketer.email, password: DEMO.marketer.password }, maxRedirects: 0 });
  expect(login.status()).toBe(302);
  const cookie = login.headers()["set-cookie"].split(";")[0];
  const page = await rawRequest(
    port,
    [`GET http://evil.example/surveys HTTP/1.1`, `Host: ${hostHeader}`, `Cookie: ${cookie}`, "Connection: close"].join("\r\n"),
  );
  expect(page.status).toBe(200);
  expect(page.body).toContain(`http://${hostHeader}/s/`);
  expect(page.body).not.toContain("evil.example");
  await api.dispose();
});

test("private pages and their loader JSON are never stored by a browser or proxy (finding 7)", async ({ baseURL, playwright }) => {
  const api = await playwright.request.newContext({ baseURL });
  const login = await api.post("/login", { form: { email: DEMO.sales.email, password: DEMO.sales.password }, maxRedirects: 0 });
  expect(login.headers()["cache-control"]).toBe("private, no-store");
  for (const path of ["/prospects", "/prospects?_data=routes/prospects._index", "/board", "/board?_data=routes/board._index", "/login"]) {
    const response = await api.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(400);
    expect(response.headers()["cache-control"], path).toBe("private, no-store");
  }
  // Static, fingerprinted files keep their long cache.
  const favicon = await api.get("/favicon.ico");
  if (favicon.status() === 200) expect(favicon.headers()["cache-control"]).toContain("public");
  await api.dispose();
});
