import "server-only";
import { cookies } from "next/headers";
import type { Role } from "@/server/db/generated/enums";
import type { UserActor } from "./actor";
import { getAuthSecret, sessionCookieName } from "./auth-secret";
import { decodeSessionToken } from "./session-token";

const ROLES: ReadonlySet<string> = new Set<Role>(["member", "reviewer", "admin"]);

/** Turns a session cookie value into the signed-in user, or null when absent, invalid or expired. */
export async function actorFromSessionToken(token: string | undefined): Promise<UserActor | null> {
  if (!token) return null;
  const payload = await decodeSessionToken(token, getAuthSecret());
  if (!payload || typeof payload.sub !== "string" || typeof payload.org !== "string") return null;
  if (typeof payload.role !== "string" || !ROLES.has(payload.role)) return null;
  return {
    kind: "user",
    userId: payload.sub,
    organizationId: payload.org,
    role: payload.role as Role,
    email: String(payload.email ?? ""),
    name: typeof payload.name === "string" ? payload.name : null,
  };
}

/** The signed-in user for server components and server actions. */
export async function getCurrentActor(): Promise<UserActor | null> {
  const cookieStore = await cookies();
  return actorFromSessionToken(cookieStore.get(sessionCookieName())?.value);
}
