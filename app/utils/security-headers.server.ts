/** Headers every response carries. The nonce lets Remix's inline hydration script run under CSP. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      // style attributes carry computed widths (progress bars, charts)
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request from another site is refused before any route runs: SameSite=Lax
 * already keeps our cookie off it, and this also covers the public survey form, which has none.
 */
export function isCrossSiteWrite(method: string, headers: { origin?: string; host?: string; fetchSite?: string }): boolean {
  if (SAFE_METHODS.has(method)) return false;
  if (headers.fetchSite === "cross-site") return true;
  if (headers.origin && headers.origin !== "null") {
    try {
      return new URL(headers.origin).host !== headers.host;
    } catch {
      return true;
    }
  }
  return headers.origin === "null";
}
