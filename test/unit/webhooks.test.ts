import { describe, expect, it } from "vitest";
import { WebhookActionSchema } from "../../app/webhooks/events.js";
import { isPrivateAddress, postWebhook } from "../../app/webhooks/send.server.js";
import { signatureOf, verifySignature } from "../../app/webhooks/signature.server.js";
import { parseWith } from "../../app/utils/forms.js";

/** The webhook rules that need no database: URLs admins may register, the SSRF guard, signatures. */
describe("webhook URLs, SSRF guard and signatures", () => {
  const create = (url: string, events: string[] = ["response.completed"]) =>
    parseWith(WebhookActionSchema, { intent: "create", url, events });

  it("accepts http(s) only, without credentials, with at least one known event", () => {
    expect(create("https://crm.example.com/hooks").success).toBe(true);
    for (const url of ["ftp://crm.example/x", "javascript:alert(1)", "file:///etc/passwd", "not a url", ""])
      expect(create(url)).toMatchObject({ success: false, errors: { url: [expect.any(String)] } });
    expect(create("https://user:pw@crm.example/x")).toMatchObject({
      success: false,
      errors: { url: [expect.stringContaining("passwords")] },
    });
    expect(create("https://crm.example/x", [])).toMatchObject({ success: false, errors: { events: ["Choose at least one event."] } });
    expect(create("https://crm.example/x", ["user.deleted"])).toMatchObject({ success: false });
  });

  it("knows private, local and metadata addresses in IPv4, IPv6 and mapped form", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses to connect to a local address, by literal or by name, unless allowed", async () => {
    const literal = await postWebhook("http://127.0.0.1:9/x", "{}", {}, { allowPrivate: false });
    expect(literal).toMatchObject({ ok: false, status: null, error: expect.stringContaining("private or local") });
    const named = await postWebhook("http://localhost:9/x", "{}", {}, { allowPrivate: false });
    expect(named).toMatchObject({ ok: false, status: null, error: expect.stringContaining("private or local") });
    // Allowed: it does try (and finds nothing listening on the discard port).
    const allowed = await postWebhook("http://127.0.0.1:9/x", "{}", {}, { allowPrivate: true });
    expect(allowed.error).not.toContain("private or local");
  });

  it("verifies a signature over timestamp.body and refuses replays and tampering", () => {
    const now = Date.UTC(2026, 11, 2, 6, 0, 0);
    const ts = Math.floor(now / 1000);
    const body = '{"id":"e1"}';
    const sig = `v1=${signatureOf("whsec_test", ts, body)}`;
    expect(verifySignature("whsec_test", { timestamp: String(ts), signature: sig }, body, now)).toEqual({ ok: true });
    expect(verifySignature("whsec_test", { timestamp: String(ts), signature: sig }, body, now + 301_000)).toMatchObject({ ok: false });
    expect(verifySignature("whsec_test", { timestamp: String(ts + 1), signature: sig }, body, now)).toMatchObject({ ok: false });
    expect(verifySignature("whsec_test", { timestamp: String(ts), signature: sig }, '{"id":"e2"}', now)).toMatchObject({ ok: false });
    expect(verifySignature("whsec_test", { timestamp: undefined, signature: sig }, body, now)).toMatchObject({ ok: false });
  });
});
