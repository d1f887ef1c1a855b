import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The architecture's import rules (docs/architecture.md, "Layers"): code that runs in the browser
// never reaches into the server, and services never know about HTTP or pages.
const SERVER_FROM_BROWSER = {
  group: ["@/server", "@/server/**", "**/server/**", "server-only"],
  message: "lib/ and components/ run in the browser: they never import server code (move shared code to lib/).",
};
const HTTP_FROM_SERVICES = {
  group: ["@/server/http", "@/server/http/**", "@/app", "@/app/**", "next/server", "next/headers"],
  message: "Services know nothing of HTTP: only server/http and route handlers in app/ may import it.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "server/db/generated/**",
    "storybook-static/**",
    ".storybook/static/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [SERVER_FROM_BROWSER] }] },
  },
  {
    files: ["server/**/*.{ts,tsx}"],
    // The route wrapper and the request-bound helpers are the one place HTTP meets the server.
    ignores: ["server/http/**", "server/auth/current-actor.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [HTTP_FROM_SERVICES] }] },
  },
]);
