import { afterEach, describe, expect, it, vi } from "vitest";
import { UNSAFE_ErrorResponseImpl as ErrorResponseImpl } from "@remix-run/router";
import { handleError } from "../../app/entry.server";
import { requestOrigin, requestPath } from "../../app/utils/origin.server";

describe("requestOrigin (finding 4)", () => {
  const local = { listenHost: "127.0.0.1" };
  it.each(["[", "a b", "", ":99999", "x@evil", "evil.example", "localhost:99999", "localhost:0", "127.0.0.1:3000/x", "127.0.0.1\r\nX: y"])(
    "refuses %j",
    (host) => {
      expect(requestOrigin(host, local)).toBeNull();
    },
  );
  it("accepts loopback names on any port, and only those without PUBLIC_URL", () => {
    expect(requestOrigin("127.0.0.1:3210", local)).toBe("http://127.0.0.1:3210");
    expect(requestOrigin("LOCALHOST:3000", local)).toBe("http://localhost:3000");
    expect(requestOrigin("[::1]:3000", local)).toBe("http://[::1]:3000");
    expect(requestOrigin("0.0.0.0:3000", { listenHost: "0.0.0.0" })).toBeNull();
    expect(requestOrigin("painmap.lan:3000", { listenHost: "painmap.lan" })).toBe("http://painmap.lan:3000");
  });
  it("with PUBLIC_URL, its host is served as PUBLIC_URL's origin; other names are refused", () => {
    const config = { publicUrl: "https://painmap.example.com", listenHost: "0.0.0.0" };
    expect(requestOrigin("painmap.example.com", config)).toBe("https://painmap.example.com");
    expect(requestOrigin("evil.example", config)).toBeNull();
    expect(requestOrigin("painmap.example.com.evil.example", config)).toBeNull();
  });
});

describe("requestPath (finding 4)", () => {
  it("keeps origin-form targets and only the path of absolute-form ones", () => {
    expect(requestPath("/surveys?x=1")).toBe("/surveys?x=1");
    expect(requestPath("http://evil.example/surveys?x=1")).toBe("/surveys?x=1");
    expect(requestPath(undefined)).toBe("/");
  });
  it.each(["*", "//evil.example/x", "evil.example", "ftp://x/y"])("refuses %j", (target) => {
    expect(requestPath(target)).toBeNull();
  });
});

describe("handleError (finding 7)", () => {
  afterEach(() => vi.restoreAllMocks());
  const request = new Request("http://localhost/surveys?_data=routes%2Fsurveys._index", { method: "DELETE" });

  it("logs an expected 4xx as one line, without a stack", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    handleError(new ErrorResponseImpl(405, "Method Not Allowed", "Error: You made a DELETE request\n  at x\n  at y", true), { request });
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0][0]);
    expect(line).toMatch(/^405 DELETE \/surveys /);
    expect(line).not.toContain("\n");
  });
  it("keeps the stack for a server error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    handleError(new Error("boom"), { request });
    expect(error).toHaveBeenCalledTimes(1);
  });
});
