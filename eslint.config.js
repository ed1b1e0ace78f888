// ESLint flat config: the recommended JavaScript and TypeScript rules, React and the rules of hooks.
// Formatting is Prettier's job (npm run format:check), so no stylistic rules here.
import js from "@eslint/js";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "public/build/", ".cache/", "test-results/", "playwright-report/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      // Types are checked by tsc; prop-types would restate them.
      "react/prop-types": "off",
      // Apostrophes and quotes in copy are fine in JSX text.
      "react/no-unescaped-entities": "off",
      // `_name` marks a deliberately unused binding (destructuring something away).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Migrations are frozen in time on Kysely<any> (docs/engineering.md), and so are their helpers.
    files: ["db/migrations/**", "db/migration-helpers.ts", "db/migrate.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["test/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
);
