import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { z } from "zod";
import { FEEDBACK_TOKEN_MAX_TTL_SECONDS, type FeedbackTokenResponseSchema, type MintFeedbackTokenBody } from "@/lib/api/feedback-token-schemas";
import type { Queryable } from "@/server/db/database";
import { DomainError, notFound, unauthenticated } from "@/server/errors";
import type { ApiKeyActor, UserActor } from "./actor";
import { getAuthSecret } from "./auth-secret";

// Feedback tokens: a host backend mints one with an API key for one of its users, and that user's
// browser (often on another origin) sends it as `Authorization: Bearer …` to the user feedback
// endpoints. Stateless (HS256, a key of its own derived from NEXTAUTH_SECRET), at most an hour.

export const FEEDBACK_TOKEN_AUDIENCE = "feedback-kit:feedback";
const ISSUER = "feedback-kit";

const tokenKey = (secret: string) => new Uint8Array(hkdfSync("sha256", secret, "", "Feedback Kit feedback token", 32));

/** A compact JWS: three base64url parts. Personal tokens and API keys have prefixes of their own. */
export function looksLikeFeedbackToken(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

type MintedFeedbackToken = z.input<typeof FeedbackTokenResponseSchema>;

/** Signs a token for a member of the key's organization (and optionally one of their conversations). */
export async function mintFeedbackToken(
  ctx: { db: Queryable; actor: ApiKeyActor; now?: () => Date },
  input: MintFeedbackTokenBody,
): Promise<MintedFeedbackToken> {
  const { organizationId } = ctx.actor;
  let member = ctx.db
    .selectFrom("Membership as m")
    .innerJoin("User as u", "u.id", "m.userId")
    .select("u.id")
    .where("m.organizationId", "=", organizationId);
  member = input.user_id !== undefined ? member.where("u.id", "=", input.user_id) : member.where("u.email", "=", (input.user_email ?? "").toLowerCase());
  const user = await member.executeTakeFirst();
  if (!user) throw new DomainError("unknown_user", `No member of this organization has ${input.user_id !== undefined ? "this user_id" : "this user_email"}`);
  if (input.conversation_id !== undefined) {
    const conversation = await ctx.db
      .selectFrom("Conversation")
      .select("id")
      .where("id", "=", input.conversation_id)
      .where("organizationId", "=", organizationId)
      .where("userId", "=", user.id)
      .executeTakeFirst();
    if (!conversation) throw notFound("Conversation not found (it must be one of this user's conversations)");
  }
  const issuedAt = Math.floor((ctx.now ?? (() => new Date()))().getTime() / 1000);
  const expiresAt = issuedAt + input.ttl_seconds;
  const token = await new SignJWT({ org: organizationId, ...(input.conversation_id !== undefined ? { cid: input.conversation_id } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(FEEDBACK_TOKEN_AUDIENCE)
    .setSubject(user.id)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(tokenKey(getAuthSecret()));
  return { token, token_type: "Bearer", expires_at: new Date(expiresAt * 1000).toISOString(), expires_in: input.ttl_seconds };
}

/**
 * The user a feedback token stands for, at member level whatever their role (it is meant for a chat
 * page), if they are still a member of the token's organization. 401 for anything else.
 */
export async function verifyFeedbackToken(db: Queryable, token: string): Promise<UserActor> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, tokenKey(getAuthSecret()), {
      algorithms: ["HS256"],
      audience: FEEDBACK_TOKEN_AUDIENCE,
      issuer: ISSUER,
      clockTolerance: 5,
      maxTokenAge: FEEDBACK_TOKEN_MAX_TTL_SECONDS + 5,
      requiredClaims: ["sub", "exp", "iat"],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated("The feedback token has expired: ask the host for a new one");
    throw unauthenticated("Invalid bearer token");
  }
  const { sub, org, cid } = payload;
  if (typeof sub !== "string" || typeof org !== "string" || (cid !== undefined && typeof cid !== "string")) throw unauthenticated("Invalid bearer token");
  const member = await db
    .selectFrom("Membership as m")
    .innerJoin("User as u", "u.id", "m.userId")
    .select(["u.email", "u.name"])
    .where("m.organizationId", "=", org)
    .where("m.userId", "=", sub)
    .executeTakeFirst();
  if (!member) throw unauthenticated("The feedback token's user is no longer a member of the organization");
  return {
    kind: "user",
    userId: sub,
    organizationId: org,
    role: "member",
    email: member.email,
    name: member.name,
    credential: { kind: "feedback_token", conversationId: cid ?? null },
  };
}
