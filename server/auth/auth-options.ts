import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { z } from "zod";
import { getDb } from "@/server/db/database";
import { getAuthSecret, isDemoSignInEnabled } from "./auth-secret";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { findMembershipByEmail } from "./membership-repository";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const demoCredentials = z.object({ email: z.email() });

function buildProviders(): Provider[] {
  const providers: Provider[] = [];
  if (isDemoSignInEnabled()) {
    providers.push(
      CredentialsProvider({
        id: "demo",
        name: "Demo sign-in",
        credentials: { email: { label: "Email", type: "email" } },
        async authorize(credentials) {
          const parsed = demoCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const membership = await findMembershipByEmail(getDb(), parsed.data.email);
          if (!membership) return null;
          return { id: membership.userId, email: membership.email, name: membership.name };
        },
      }),
    );
  }
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
  if (OIDC_ISSUER && OIDC_CLIENT_ID && OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: process.env.OIDC_DISPLAY_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: { sub: string; email: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email,
        name: profile.name ?? null,
      }),
    });
  }
  return providers;
}

export function buildAuthOptions(): NextAuthOptions {
  // next-auth builds callback URLs from NEXTAUTH_URL; default to where `next start` listens.
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  return {
    secret: getAuthSecret(),
    providers: buildProviders(),
    pages: { signIn: "/sign-in" },
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: {
      maxAge: SESSION_MAX_AGE_SECONDS,
      encode: ({ token, secret, maxAge }) =>
        encodeSessionToken(token ?? {}, String(secret), maxAge ?? SESSION_MAX_AGE_SECONDS),
      // Our claims are the ones the jwt callback below wrote; jose types them as unknown values.
      decode: async ({ token, secret }) => (token ? ((await decodeSessionToken(token, String(secret))) as JWT | null) : null),
    },
    callbacks: {
      // Only people with a membership may sign in: the app is invite-only per organization.
      async signIn({ user }) {
        return Boolean(user.email && (await findMembershipByEmail(getDb(), user.email)));
      },
      async jwt({ token, user }) {
        if (user?.email) {
          const membership = await findMembershipByEmail(getDb(), user.email);
          if (membership) {
            token.sub = membership.userId;
            token.email = membership.email;
            token.name = membership.name;
            token.org = membership.organizationId;
            token.orgName = membership.organizationName;
            token.role = membership.role;
          }
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: String(token.sub),
          email: String(token.email),
          name: typeof token.name === "string" ? token.name : null,
          organizationId: String(token.org),
          organizationName: String(token.orgName),
          role: token.role as "member" | "reviewer" | "admin",
        };
        return session;
      },
    },
  };
}
