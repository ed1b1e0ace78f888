/**
 * The Host header decides nothing by itself: it must name the configured public origin
 * (`PUBLIC_URL`) or a loopback name, else the request is refused (400) before any route runs.
 * Links people follow (survey, resume, opt-out) are built from `PUBLIC_URL` when set, else from
 * the request's origin, which this check has narrowed to loopback names or the configured HOST.
 * A malformed Host (`[`, `a b`, empty, `:99999`, `x@evil`) used to throw in `new URL` (a 500).
 */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const WILDCARD = new Set(["0.0.0.0", "::", "[::]", ""]);
/** hostname (a DNS name, IPv4 or bracketed IPv6) and an optional port; nothing else. */
const HOST_SYNTAX = /^(?<name>[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|\[[0-9a-f:.]{2,45}\])(?::(?<port>\d{1,5}))?$/i;

export interface OriginConfig {
  publicUrl?: string;
  /** The address the server listens on (HOST); a named one is accepted as a Host too. */
  listenHost: string;
}

/** The origin a request is served as, or null when its Host is not ours. */
export function requestOrigin(host: string | undefined, config: OriginConfig): string | null {
  if (!host) return null;
  const match = HOST_SYNTAX.exec(host);
  if (!match?.groups) return null;
  const name = match.groups.name.toLowerCase();
  const port = match.groups.port;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  if (config.publicUrl) {
    const configured = new URL(config.publicUrl);
    if (host.toLowerCase() === configured.host.toLowerCase()) return configured.origin;
  }
  const listen = config.listenHost.toLowerCase();
  if (LOOPBACK.has(name) || (!WILDCARD.has(listen) && name === listen)) return `http://${name}${port ? `:${port}` : ""}`;
  return null;
}

/**
 * Path and query of the request target. An absolute-form target (`GET http://evil.example/x`)
 * keeps only its path: the origin comes from the checked Host, never from the target.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target) return "/";
  if (target.startsWith("/")) return target.startsWith("//") ? null : target;
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return url.pathname + url.search;
  } catch {
    return null;
  }
}
