import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

/**
 * One HTTP POST of a delivery, with the SSRF stance of ADR 0701: http(s) only, no redirects
 * followed (a 3xx is a failure), a short timeout, and (unless WEBHOOK_ALLOW_PRIVATE) no address
 * on this machine or a private network. The check runs in the socket's own DNS lookup, so the
 * address checked is the address connected to: a name that resolves to a public address when
 * registered and to 127.0.0.1 later (DNS rebinding) is still refused.
 */
export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

const BLOCKED = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(net4, prefix, "ipv4");
for (const [net6, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  BLOCKED.addSubnet(net6, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], "ipv4");
  return BLOCKED.check(address, net.isIPv6(address) ? "ipv6" : "ipv4");
}

function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = (addresses as dns.LookupAddress[]).filter((a) => allowPrivate || !isPrivateAddress(a.address));
      if (!list.length) return callback(new Error(`${hostname} resolves only to private or local addresses`), "", 0);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs?: number },
): Promise<SendResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ ok: false, status: null, error: "not a valid URL" });
    }
    if (target.protocol !== "http:" && target.protocol !== "https:")
      return resolve({ ok: false, status: null, error: "only http and https" });
    const literal = target.hostname.replace(/^\[|\]$/g, "");
    if (!options.allowPrivate && net.isIP(literal) && isPrivateAddress(literal))
      return resolve({ ok: false, status: null, error: "private or local addresses are refused (WEBHOOK_ALLOW_PRIVATE)" });
    const request = (target.protocol === "https:" ? https : http).request(target, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Painmap-Webhooks/1",
        "Content-Length": Buffer.byteLength(body),
        ...headers,
      },
      lookup: guardedLookup(options.allowPrivate),
      timeout: options.timeoutMs ?? 10_000,
    });
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", (error) => resolve({ ok: false, status: null, error: error.message.slice(0, 300) }));
    request.on("response", (response) => {
      // The body is not needed: drain it so the socket closes, without buffering what a hostile receiver sends.
      response.resume();
      response.on("end", () => undefined);
      const status = response.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      resolve({ ok, status, error: ok ? null : status >= 300 && status < 400 ? `redirect ${status} not followed` : `HTTP ${status}` });
    });
    request.end(body);
  });
}
