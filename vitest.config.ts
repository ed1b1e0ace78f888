import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      // Vite's resolver misreads chrono-node's "./*" subpath export; Node, tsx and esbuild read it right.
      "chrono-node/en": fileURLToPath(new URL("./node_modules/chrono-node/dist/esm/locales/en/index.js", import.meta.url)),
    },
  },
  test: {
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts", "test/security/**/*.test.ts"],
    environment: "node",
    env: { DOTENV_CONFIG_QUIET: "true", NODE_ENV: "test" },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ["test/setup/global-setup.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
