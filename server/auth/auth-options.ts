import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { z } from "zod";
import { getDb } from "@/server/db/database";
import { getAuthSecret } from "./auth-secret";
import { findMembershipByEmail } from "./membership-repository";
import { admitOAuthSignIn, findSignedInMembership } from "./oauth-sign-in";
import { githubProvider, oidcProvider } from "./oauth-providers";
import { encodeRefusalNotice } from "./refusal-notice";
import { createSession, endSession, resolveSession } from "./session-store";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { readSignInConfig, type SignInConfig } from "./sign-in-config";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const demoCredentials = z.object({ email: z.email() });

function buildProviders(config: SignInConfig): Provider[] {
  const providers: Provider[] = [];
  if (config.demo) {
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
  if (config.oidc) providers.push(oidcProvider(config.oidc));
  if (config.github) providers.push(githubProvider(config.github));
  return providers;
}

export function buildAuthOptions(): NextAuthOptions {
  // next-auth builds callback URLs from NEXTAUTH_URL; default to where `next start` listens.
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  const appUrl = process.env.NEXTAUTH_URL;
  const secret = getAuthSecret();
  return {
    secret,
    providers: buildProviders(readSignInConfig()),
    // next-auth's own pages are never shown: its errors arrive on our sign-in page as ?error=.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: {
      maxAge: SESSION_MAX_AGE_SECONDS,
      encode: ({ token, secret, maxAge }) =>
        encodeSessionToken(token ?? {}, String(secret), maxAge ?? SESSION_MAX_AGE_SECONDS),
      // Our claims are the ones the jwt callback below wrote; jose types them as unknown values.
      decode: async ({ token, secret }) => (token ? ((await decodeSessionToken(token, String(secret))) as JWT | null) : null),
    },
    callbacks: {
      // Invite-only: the demo's authorize() already refused non-members; an identity provider's
      // user is admitted by membership, and anyone else is sent to the no-access page.
      async signIn({ user, account, profile }) {
        if (!account || account.type === "credentials") return true;
        const decision = await admitOAuthSignIn(getDb(), {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          type: account.type,
          email: user.email,
          emailVerified: profile?.email_verified,
        });
        if (decision.admitted) return true;
        console.warn(`[auth] sign-in refused (${decision.reason}) for ${decision.email ?? "an account without email"} via ${account.provider}`);
        const url = new URL("/no-access", appUrl);
        url.searchParams.set("notice", await encodeRefusalNotice({ reason: decision.reason, email: decision.email }, secret));
        return url.toString();
      },
      async jwt({ token, user, account }) {
        if (!account) return token;
        const membership = await findSignedInMembership(getDb(), account, user.id);
        // Only if the membership was removed between the two callbacks of one sign-in.
        if (!membership) throw new Error("The membership disappeared during sign-in");
        token.sub = membership.userId;
        token.email = membership.email;
        token.name = membership.name;
        token.org = membership.organizationId;
        token.orgName = membership.organizationName;
        token.role = membership.role;
        // The session's row: sign-out and removal delete it, and requests read the current role through it.
        token.jti = await createSession(getDb(), { userId: membership.userId, organizationId: membership.organizationId, maxAgeSeconds: SESSION_MAX_AGE_SECONDS });
        return token;
      },
      async session({ session, token }) {
        // The role as the membership says now, not as it was at sign-in.
        const live = typeof token.jti === "string" ? await resolveSession(getDb(), token.jti) : null;
        session.user = {
          id: String(token.sub),
          email: live?.email ?? String(token.email),
          name: live ? live.name : typeof token.name === "string" ? token.name : null,
          organizationId: String(token.org),
          organizationName: String(token.orgName),
          role: live?.role ?? (token.role as "member" | "reviewer" | "admin"),
        };
        return session;
      },
    },
    events: {
      // The cookie is cleared by next-auth; deleting the row makes a copy of it worthless too.
      async signOut({ token }) {
        if (typeof token?.jti === "string") await endSession(getDb(), token.jti);
      },
    },
  };
}
