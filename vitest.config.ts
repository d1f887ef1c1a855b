import path from "node:path";
import { fileURLToPath } from "node:url";

import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// Unit and integration tests run in Node against a database made for the run (test/global-setup.ts).
const serverProject = {
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The real "server-only" throws when imported outside a Next server bundle.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    root,
    environment: "node" as const,
    exclude: ["**/node_modules/**", "e2e/**", ".next/**"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      { ...serverProject, test: { ...serverProject.test, name: "unit", include: ["**/*.test.ts", "**/*.test.tsx"] } },
      // The data-layer and API tests again, on PostgreSQL (npm run test:postgres).
      {
        ...serverProject,
        test: { ...serverProject.test, name: "postgres", include: ["**/*.int.test.ts"] },
      },
      {
        plugins: [
          // Runs every story matched by .storybook/main.ts as a browser test
          // (play functions + axe checks via @storybook/addon-a11y).
          storybookTest({ configDir: path.join(root, ".storybook") }),
        ],
        optimizeDeps: {
          // Pre-bundle up front: if Vite discovers these mid-run it reloads the
          // browser page, which makes Vitest fail the story file being imported
          // ("Vite unexpectedly reloaded a test"). Seen on a cold cache.
          include: [
            "react",
            "react/jsx-runtime",
            "react/jsx-dev-runtime",
            "react-dom",
            "react-dom/client",
            "storybook/test",
            "@storybook/addon-a11y/preview",
            "@storybook/nextjs-vite",
          ],
        },
        test: {
          name: "storybook",
          root,
          // Stories that wait out an undo window and a mocked round trip need more than the default
          // 15 s when the machine is busy (2 shared cores).
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                // Playwright's own browser download is unavailable here; use the system Chromium.
                executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
                args: [
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--disable-dev-shm-usage",
                ],
              },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
