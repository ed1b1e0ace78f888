import { describe, expect, it } from "vitest";
import { z } from "zod";
import { safeRedirect } from "../../app/utils/auth.server";
import { readBody, readFormData } from "../../app/utils/body.server";
import { readCookie } from "../../app/utils/cookies.server";
import { formDataToObject, parseWith } from "../../app/utils/forms";
import { hashPassword, verifyPassword } from "../../app/utils/password.server";
import { createRateLimiter } from "../../app/utils/rate-limit.server";
import { isCrossSiteWrite, securityHeaders } from "../../app/utils/security-headers.server";

describe("safeRedirect", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirect("/surveys/3/edit?x=1")).toBe("/surveys/3/edit?x=1");
  });
  it.each(["//evil.example", "/\\evil.example", "https://evil.example", "evil", "", null, undefined])("refuses %s", (to) => {
    expect(safeRedirect(to as string | null | undefined, "/home")).toBe("/home");
  });
  // Finding 1: browsers strip tab/CR/LF, so "/\t/evil.example" is "//evil.example" to them.
  // Finding 2: CR, LF or a character above Latin-1 made Headers.set throw (a 500 after login).
  it.each([
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "/\r\nSet-Cookie: x=1",
    "/a b",
    "/\u0100",
    "/caf\u00e9",
    "/\u0000",
    "/\x7f",
    "/..//evil.example",
    "/" + "a".repeat(2001),
  ])("refuses control characters, non-ASCII and paths that normalise off-site: %j", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
    // Whatever comes out must be a valid header value.
    expect(() => new Headers({ Location: safeRedirect(to, "/home") })).not.toThrow();
  });
  it("keeps an encoded path as it is", () => {
    expect(safeRedirect("/responses?survey=2&q=caf%C3%A9#top")).toBe("/responses?survey=2&q=caf%C3%A9#top");
  });
});

describe("isCrossSiteWrite", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossSiteWrite("GET", { origin: "https://evil.example", host: "painmap.test", fetchSite: "cross-site" })).toBe(false);
  });
  it("refuses a POST from a foreign Origin", () => {
    expect(isCrossSiteWrite("POST", { origin: "https://evil.example", host: "painmap.test" })).toBe(true);
  });
  it("refuses a POST the browser marks cross-site even without Origin", () => {
    expect(isCrossSiteWrite("POST", { host: "painmap.test", fetchSite: "cross-site" })).toBe(true);
  });
  it("refuses an opaque null Origin", () => {
    expect(isCrossSiteWrite("POST", { origin: "null", host: "painmap.test" })).toBe(true);
  });
  it("accepts a same-origin POST and a POST with no Origin (plain clients, old browsers)", () => {
    expect(isCrossSiteWrite("POST", { origin: "http://painmap.test", host: "painmap.test", fetchSite: "same-origin" })).toBe(false);
    expect(isCrossSiteWrite("POST", { host: "painmap.test" })).toBe(false);
  });
});

describe("securityHeaders", () => {
  it("puts the nonce in script-src and forbids framing", () => {
    const headers = securityHeaders("abc123");
    expect(headers["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123'");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });
});

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one; salts differ", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");
    expect(first).not.toBe(second);
    expect(first.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("correct horse battery", first)).toBe(true);
    expect(await verifyPassword("correct horse batterz", first)).toBe(false);
  });
  it("refuses a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("x", "plaintext")).toBe(false);
  });
});

describe("createRateLimiter", () => {
  it("allows up to the limit per key, then refuses until reset", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([1, 2, 3, 4].map(() => limiter.hit("a"))).toEqual([true, true, true, false]);
    expect(limiter.hit("b")).toBe(true);
    expect(limiter.retryAfter("a")).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.hit("a")).toBe(true);
  });
  it("slides: no double burst across a window boundary (finding 6)", () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    t = 59_000;
    expect([1, 2, 3].map(() => limiter.hit("a"))).toEqual([true, true, true]);
    t = 61_000; // a fixed window starting at 0 would have reset here
    expect(limiter.hit("a")).toBe(false);
    expect(limiter.allows("a")).toBe(false);
    expect(limiter.retryAfter("a")).toBe(58);
    t = 119_000; // one window after the counted hits
    expect([1, 2, 3, 4].map(() => limiter.hit("a"))).toEqual([true, true, true, false]);
  });
  it("does not count refused hits, and allows() counts nothing", () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => t });
    expect(limiter.allows("k")).toBe(true);
    expect(limiter.allows("k")).toBe(true);
    expect(limiter.hit("k")).toBe(true);
    t = 500;
    expect(limiter.hit("k")).toBe(false);
    t = 1000;
    expect(limiter.hit("k")).toBe(true);
  });
  it("opens a new window once the old one has passed", async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 20 });
    expect(limiter.hit("k")).toBe(true);
    expect(limiter.hit("k")).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(limiter.hit("k")).toBe(true);
  });
});

describe("body limits", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    new Request("http://x.test/a", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } });

  it("reads a body within the limit", async () => {
    const form = await readFormData(post("a=1&b=two"), 100);
    expect(form.get("b")).toBe("two");
  });
  it("throws a 413 for a body past the limit, before parsing", async () => {
    const error = await readBody(post("x=" + "a".repeat(2000)), 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(413);
  });
  it("trusts no Content-Length: counts the bytes it actually reads", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(200));
        controller.close();
      },
    });
    const request = new Request("http://x.test/a", { method: "POST", body: stream, duplex: "half" } as RequestInit & { duplex: "half" });
    const error = await readBody(request, 1000).catch((e: unknown) => e);
    expect((error as Response).status).toBe(413);
  });
});

describe("parseWith", () => {
  const Schema = z.object({ name: z.string().min(1, "Enter a name."), tags: z.array(z.string()).optional() });
  it("collects repeated fields into arrays", () => {
    const form = new FormData();
    form.append("name", "A");
    form.append("tags", "x");
    form.append("tags", "y");
    expect(formDataToObject(form)).toEqual({ name: "A", tags: ["x", "y"] });
    expect(parseWith(Schema, form)).toEqual({ success: true, data: { name: "A", tags: ["x", "y"] } });
  });
  it("gives a message per field", () => {
    const result = parseWith(Schema, { name: "" });
    expect(result).toEqual({ success: false, errors: { name: ["Enter a name."] } });
  });
});

describe("readCookie", () => {
  const req = (cookie?: string) => new Request("http://localhost/", cookie ? { headers: { Cookie: cookie } } : {});
  it("finds one cookie among several, decoded, keeping '=' in the value", () => {
    expect(readCookie(req("a=1; pm_session=x%20y=z; b=2"), "pm_session")).toBe("x y=z");
    expect(readCookie(req("a=1"), "pm_session")).toBeUndefined();
    expect(readCookie(req(), "pm_session")).toBeUndefined();
  });
  it("gives the raw text for malformed %-encoding instead of throwing", () => {
    expect(readCookie(req("pm_session=%E0%A4%A"), "pm_session")).toBe("%E0%A4%A");
  });
});
