import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** `postgres://...` for PostgreSQL; otherwise a SQLite file (`file:./data/painmap.sqlite`). */
  DATABASE_URL: z.string().default("file:./data/painmap.sqlite"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Signs opt-out links. A random one is generated per data directory when unset (see secrets.server.ts). */
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  /** Cookies get `Secure` in production unless the app is served over plain http on purpose. */
  SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  /** Per-IP limits, per minute. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  SUBMIT_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** Start an analysis run by itself after this many new complete responses (0 = never). */
  AUTO_ANALYSIS_EVERY: z.coerce.number().int().min(0).default(25),
  /** ...and never sooner than this many seconds after the previous run started. */
  AUTO_ANALYSIS_MIN_INTERVAL_S: z.coerce.number().int().min(0).default(300),
  PUBLIC_URL: z.string().url().optional(),
  /** `smtp://user:pass@host:port` (or smtps://); unset: every message goes to the outbox admins read at /admin/outbox. */
  SMTP_URL: z.string().url().optional(),
  /** The From of every message. */
  MAIL_FROM: z.string().default("Painmap <no-reply@painmap.invalid>"),
  /** Messages per minute to one recipient domain (a burst of invitations to one company is spread out). */
  MAIL_DOMAIN_RATE: z.coerce.number().int().min(1).default(30),
  /** First retry of a refused message after this long; each later one twice as long. */
  MAIL_RETRY_DELAY_MS: z.coerce.number().int().min(0).default(30_000),
  /** Retries of a refused message before it is shown as failed. */
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(4),
  /** Webhooks (ADR 0701): allow endpoints on this machine or a private network (off: SSRF). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(["true", "false"]).default("false"),
  /** The first retry of a failed delivery waits this long; each later one four times longer. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** Attempts before a delivery is failed for good and its endpoint marked failing. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
});

export type Env = z.infer<typeof EnvSchema>;

let parsed: Env | undefined;

/** Parsed once at start-up; a bad variable stops the server with a message naming it. */
export function env(): Env {
  if (!parsed) {
    const result = EnvSchema.safeParse(process.env);
    if (!result.success) {
      const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    parsed = result.data;
  }
  return parsed;
}

export function secureCookies(): boolean {
  const { SECURE_COOKIES, NODE_ENV } = env();
  return SECURE_COOKIES === "auto" ? NODE_ENV === "production" && !process.env.PLAIN_HTTP : SECURE_COOKIES === "true";
}
