// ESLint flat config: correctness rules only. Formatting is Prettier's job (eslint-config-prettier
// turns off every rule that would fight it), so no stylistic rules are added here.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "public/build/", ".cache/", "data/", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter kept for a signature (loaders, callbacks).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      // TypeScript checks props; prop-types would duplicate it.
      "react/prop-types": "off",
      // Apostrophes and quotes in copy render fine; only the characters that hint at a JSX typo.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
    },
  },
  {
    // Migrations and the migrator run on Kysely<any> by design: a migration must not depend on
    // today's schema types (docs/engineering.md).
    files: ["db/migrations/**", "db/migrate.ts", "db/migration-helpers.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  // The layers (docs/architecture.md): imports point down only. analysis/ is pure, db/ knows no app/,
  // and feature folders never reach into routes. A wrong-way import fails the lint, not a review.
  {
    files: ["analysis/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/app/**", "~/*", "**/db/**"], message: "analysis/ is pure: no app/ or db/ imports." }] },
      ],
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/app/**", "~/*"], message: "db/ imports nothing from app/." }] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/routes/*", "**/routes/**"], message: "Feature code does not import routes; routes import features." }] },
      ],
    },
  },
  prettier,
);
