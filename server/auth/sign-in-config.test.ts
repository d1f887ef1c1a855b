import { describe, expect, it } from "vitest";
import { isDemoSignInEnabled, oauthSignInButtons, productionStartProblems, readSignInConfig } from "./sign-in-config";

const OIDC = { OIDC_ISSUER: "https://idp.example/realms/acme", OIDC_CLIENT_ID: "feedback-kit", OIDC_CLIENT_SECRET: "s3cret" };
const GITHUB = { GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" };
const PRODUCTION = { NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "https://feedback.example" };

describe("sign-in configuration", () => {
  it("offers one button per complete provider, OIDC first, with its display name", () => {
    const config = readSignInConfig({ ...OIDC, ...GITHUB, OIDC_DISPLAY_NAME: "Acme SSO" });
    expect(oauthSignInButtons(config)).toEqual([
      { id: "oidc", name: "Acme SSO" },
      { id: "github", name: "GitHub" },
    ]);
    expect(oauthSignInButtons(readSignInConfig({ ...OIDC }))).toEqual([{ id: "oidc", name: "single sign-on" }]);
  });

  it("does not offer a provider with a missing variable, and says which one is missing", () => {
    const config = readSignInConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: "id", GITHUB_SECRET: "x" });
    expect(config.oidc).toBeNull();
    expect(config.github).toBeNull();
    expect(config.incomplete).toEqual(["OIDC_ISSUER, OIDC_CLIENT_ID set without OIDC_CLIENT_SECRET", "GITHUB_SECRET set without GITHUB_ID"]);
  });

  it("has the demo sign-in on outside production and in production only with DEMO_SIGN_IN=true", () => {
    expect(isDemoSignInEnabled({ NODE_ENV: "development" })).toBe(true);
    expect(isDemoSignInEnabled({ NODE_ENV: "test" })).toBe(true);
    expect(isDemoSignInEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(isDemoSignInEnabled({ NODE_ENV: "production", DEMO_SIGN_IN: "1" })).toBe(false);
    expect(isDemoSignInEnabled({ NODE_ENV: "production", DEMO_SIGN_IN: "true" })).toBe(true);
  });
});

describe("production start check", () => {
  it("accepts a production environment with a secret, a public URL and a provider", () => {
    expect(productionStartProblems({ ...PRODUCTION, ...OIDC })).toEqual([]);
    expect(productionStartProblems({ ...PRODUCTION, ...GITHUB })).toEqual([]);
    expect(productionStartProblems({ NODE_ENV: "production", DEMO_SIGN_IN: "true" })).toEqual([]);
  });

  it("requires nothing outside production", () => {
    expect(productionStartProblems({ NODE_ENV: "development" })).toEqual([]);
  });

  it("refuses a production start without a secret", () => {
    const { NEXTAUTH_SECRET: _, ...withoutSecret } = PRODUCTION;
    expect(productionStartProblems({ ...withoutSecret, ...OIDC })).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is not set/)]);
  });

  it("refuses a production start without any sign-in method", () => {
    expect(productionStartProblems(PRODUCTION)).toEqual([expect.stringMatching(/^No sign-in method is configured\. Set OIDC_ISSUER/)]);
  });

  it("refuses a half-configured provider even when another one works", () => {
    expect(productionStartProblems({ ...PRODUCTION, ...GITHUB, OIDC_ISSUER: OIDC.OIDC_ISSUER })).toEqual([
      "Sign-in is configured only in part: OIDC_ISSUER set without OIDC_CLIENT_ID, OIDC_CLIENT_SECRET.",
    ]);
  });

  it("needs the public URL that identity providers redirect back to", () => {
    const { NEXTAUTH_URL: _, ...withoutUrl } = PRODUCTION;
    expect(productionStartProblems({ ...withoutUrl, ...OIDC })).toEqual([expect.stringMatching(/^NEXTAUTH_URL is not set/)]);
  });
});
