import "server-only";
import type { JWTPayload } from "jose";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db/database";
import type { UserActor } from "./actor";
import { getAuthSecret, sessionCookieName } from "./auth-secret";
import { resolveSession } from "./session-store";
import { decodeSessionToken } from "./session-token";

/** The user of a decoded session token, with the membership's current role; null when the session ended. */
async function actorOfPayload(payload: JWTPayload): Promise<UserActor | null> {
  if (typeof payload.jti !== "string" || typeof payload.sub !== "string" || typeof payload.org !== "string") return null;
  const session = await resolveSession(getDb(), payload.jti);
  // The row names the same user and organization as the token it was created for.
  if (!session || session.userId !== payload.sub || session.organizationId !== payload.org) return null;
  return { kind: "user", ...session, credential: { kind: "session" } };
}

/** Turns a session cookie value into the signed-in user, or null when absent, invalid, expired or ended. */
export async function actorFromSessionToken(token: string | undefined): Promise<UserActor | null> {
  if (!token) return null;
  const payload = await decodeSessionToken(token, getAuthSecret());
  return payload ? actorOfPayload(payload) : null;
}

/**
 * The signed-in user for server components and server actions; null when signed out. A valid
 * cookie whose session ended (removed from the organization, signed out elsewhere) leads to the
 * no-access page, which explains it and offers to sign in again.
 */
export async function getCurrentActor(): Promise<UserActor | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  const payload = token ? await decodeSessionToken(token, getAuthSecret()) : null;
  // A token from before sessions were rows has no jti: signed out, not refused.
  if (!payload || typeof payload.jti !== "string") return null;
  const actor = await actorOfPayload(payload);
  if (!actor) redirect("/no-access");
  return actor;
}
