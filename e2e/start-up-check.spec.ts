// A production server that is not configured for sign-in does not start (instrumentation.ts).
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

function startProduction(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // Only what a bare deployment would have: no secret, no provider, no demo.
  const { NEXTAUTH_SECRET: _secret, DEMO_SIGN_IN: _demo, OIDC_ISSUER: _issuer, GITHUB_ID: _github, ...inherited } = process.env;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "0"], {
    env: { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "file:./.data/never-opened.db", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => server.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    server.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

test("a production start without a secret or any sign-in method exits with what to set", async () => {
  const { code, output } = await startProduction({});
  expect(code).toBe(1);
  expect(output).toContain("Feedback Kit cannot start:");
  expect(output).toContain("NEXTAUTH_SECRET is not set.");
  expect(output).toContain("No sign-in method is configured. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET");
});

test("a production start with a half-configured provider exits and names the missing variable", async () => {
  const { code, output } = await startProduction({ NEXTAUTH_SECRET: "s".repeat(32), NEXTAUTH_URL: "https://feedback.example", GITHUB_ID: "id" });
  expect(code).toBe(1);
  expect(output).toContain("Sign-in is configured only in part: GITHUB_ID set without GITHUB_SECRET.");
  expect(output).not.toContain("NEXTAUTH_SECRET is not set");
});
