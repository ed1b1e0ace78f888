import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env.server.js";

let cached: Buffer | undefined;

/**
 * The key behind signed links (resume tokens, opt-out links). SESSION_SECRET when set; otherwise a
 * random key kept in ./data/.secret so links stay valid across restarts of a local install.
 */
function appSecret(): Buffer {
  if (cached) return cached;
  const configured = env().SESSION_SECRET;
  if (configured) return (cached = Buffer.from(configured));
  const file = path.resolve(process.env.PAINMAP_SECRET_FILE ?? "./data/.secret");
  try {
    cached = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(32);
    try {
      fs.writeFileSync(file, fresh.toString("base64url"), { mode: 0o600, flag: "wx" });
      cached = fresh;
    } catch {
      // another process created it first: use theirs
      cached = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
    }
  }
  return cached;
}

/** HMAC-SHA256 of the parts under the app secret, base64url. */
export function sign(...parts: string[]): string {
  return crypto.createHmac("sha256", appSecret()).update(parts.join("\u0000")).digest("base64url");
}
