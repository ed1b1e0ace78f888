import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;

/**
 * One production build served on 127.0.0.1 against its own fresh SQLite file with the demo data.
 * Tests create what they change (their own surveys, users) so they do not depend on each other.
 */
export default defineConfig({
  testDir: "test/e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: `test-results/e2e/artifacts-${PORT}`,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `rm -f ${DB_FILE} ${DB_FILE}-wal ${DB_FILE}-shm && npx tsx app/demo/cli.ts && npx tsx app/server.ts`,
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PLAIN_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      DATABASE_URL: `file:${DB_FILE}`,
      DOTENV_CONFIG_QUIET: "true",
      ...(process.env.PAINMAP_BUILD_DIR ? { PAINMAP_BUILD_DIR: process.env.PAINMAP_BUILD_DIR } : {}),
      // The e2e suite logs in many times from one address.
      LOGIN_RATE_LIMIT: "1000",
      SUBMIT_RATE_LIMIT: "10000",
      // webhooks.spec.ts's receiver is on 127.0.0.1, which production refuses (ADR 0701); fast retries.
      WEBHOOK_ALLOW_PRIVATE: "true",
      WEBHOOK_RETRY_BASE_MS: "200",
      WEBHOOK_MAX_ATTEMPTS: "2",
    },
  },
});
