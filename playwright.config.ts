import { defineConfig, devices } from "@playwright/test";
import { HOST_APP_PORT, HOST_ORIGIN } from "./e2e/support/host-app/host-app-origins";
import { TEST_IDP_CLIENT, TEST_IDP_ISSUER, TEST_IDP_NAME, TEST_IDP_PORT } from "./e2e/support/test-identity-provider";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
// A database of its own, recreated for every run, so specs start from the demo seed.
const E2E_DATABASE = ".data/e2e.db";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Playwright cannot download its browsers here: Debian's Chromium is used instead.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: [
    {
      // The OpenID Connect provider the sign-in specs go through (e2e/support/start-test-identity-provider.ts).
      command: "tsx e2e/support/start-test-identity-provider.ts",
      url: `${TEST_IDP_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { E2E_OIDC_PORT: String(TEST_IDP_PORT), E2E_APP_URL: BASE_URL },
    },
    {
      // Another app on another origin that embeds the kit and mints feedback tokens (e2e/cross-origin.spec.ts).
      command: "tsx e2e/support/host-app/start-host-app.ts",
      url: `${HOST_ORIGIN}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { E2E_HOST_PORT: String(HOST_APP_PORT), E2E_APP_URL: BASE_URL },
    },
    {
      // Serves the production build (`npm run test:e2e` builds first).
      command: `rm -f ${E2E_DATABASE}* && npm run db:setup && next start -p ${PORT}`,
      url: `${BASE_URL}/sign-in`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        DATABASE_URL: `file:./${E2E_DATABASE}`,
        DEMO_SIGN_IN: "true",
        NEXTAUTH_URL: BASE_URL,
        NEXT_TELEMETRY_DISABLED: "1",
        OIDC_ISSUER: TEST_IDP_ISSUER,
        OIDC_CLIENT_ID: TEST_IDP_CLIENT.id,
        OIDC_CLIENT_SECRET: TEST_IDP_CLIENT.secret,
        OIDC_DISPLAY_NAME: TEST_IDP_NAME,
        // Every spec signs in from this one address.
        RATE_LIMIT_SIGN_INS_PER_MINUTE: "100000",
      },
    },
  ],
});
