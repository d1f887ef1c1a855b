import { describe, expect, it } from "vitest";
import { githubEmailClaims, oidcProvider } from "./oauth-providers";

describe("GitHub email", () => {
  it("is the primary email when it is verified", () => {
    expect(
      githubEmailClaims([
        { email: "other@example.test", primary: false, verified: true },
        { email: "main@example.test", primary: true, verified: true },
      ]),
    ).toEqual({ email: "main@example.test", email_verified: true });
  });

  it("is another verified email when the primary one is not verified", () => {
    expect(
      githubEmailClaims([
        { email: "main@example.test", primary: true, verified: false },
        { email: "work@example.test", primary: false, verified: true },
      ]),
    ).toEqual({ email: "work@example.test", email_verified: true });
  });

  it("is reported unverified when no email is verified, and missing when there is none", () => {
    expect(githubEmailClaims([{ email: "main@example.test", primary: true, verified: false }])).toEqual({ email: "main@example.test", email_verified: false });
    expect(githubEmailClaims([])).toEqual({ email: undefined, email_verified: false });
  });
});

describe("OpenID Connect provider", () => {
  it("discovers the issuer's endpoints and uses PKCE and state", () => {
    const provider = oidcProvider({ issuer: "https://tenant.auth0.example/", clientId: "id", clientSecret: "secret", displayName: "Acme SSO" });
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Acme SSO",
      type: "oauth",
      wellKnown: "https://tenant.auth0.example/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
    });
  });

  it("signs in as the provider's subject with the email it shares", async () => {
    const provider = oidcProvider({ issuer: "https://idp.example", clientId: "id", clientSecret: "secret", displayName: "SSO" });
    expect(await provider.profile({ sub: "abc", email: "rey@example.test", name: "Rey" }, {})).toEqual({ id: "abc", email: "rey@example.test", name: "Rey" });
    expect(await provider.profile({ sub: "abc" }, {})).toEqual({ id: "abc", email: null, name: null });
  });
});
