import "server-only";
import GitHubProvider, { type GithubEmail, type GithubProfile } from "next-auth/providers/github";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import type { GitHubConfig, OidcConfig } from "./sign-in-config";

export interface OidcClaims extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

/**
 * Any standard OpenID Connect provider (Keycloak, Auth0, Okta, Google, Entra ID): endpoints and
 * keys come from discovery, the code exchange uses PKCE and state, and the ID token is verified.
 */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcClaims> {
  return {
    id: "oidc",
    name: config.displayName,
    type: "oauth",
    wellKnown: `${config.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    userinfo: {
      // Some providers (Okta, or any that follow the spec's default for the code flow) keep the
      // email out of the ID token and answer it at userinfo; openid-client checks that its `sub` matches.
      async request({ tokens, client }) {
        // Typed as plain parameters, but with idToken set next-auth passes openid-client's verified TokenSet.
        const tokenSet = tokens as TokenSet;
        const claims = tokenSet.claims();
        if (claims.email) return claims;
        return { ...claims, ...(await client.userinfo(tokenSet)) };
      },
    },
    profile: (claims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? null }),
  };
}

/** The email to sign in with: the primary one if verified, else any verified one; an unverified one is reported as such. */
export function githubEmailClaims(emails: readonly Pick<GithubEmail, "email" | "primary" | "verified">[]): { email?: string; email_verified: boolean } {
  const verified = emails.find((entry) => entry.primary && entry.verified) ?? emails.find((entry) => entry.verified);
  if (verified) return { email: verified.email, email_verified: true };
  return { email: emails.find((entry) => entry.primary)?.email, email_verified: false };
}

export function githubProvider(config: GitHubConfig): OAuthConfig<GithubProfile> {
  return GitHubProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    userinfo: {
      // next-auth's default takes the public or primary email unverified; membership is by email, so only a verified one counts.
      async request({ client, tokens }) {
        const profile = await client.userinfo(tokens.access_token ?? "");
        const response = await fetch("https://api.github.com/user/emails", {
          headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json" },
        });
        const emails = response.ok ? ((await response.json()) as GithubEmail[]) : [];
        return { ...profile, ...githubEmailClaims(emails) };
      },
    },
  });
}
