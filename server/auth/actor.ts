import "server-only";
import type { ApiKeyScope } from "@/lib/api/api-key-scopes";
import type { Role } from "@/server/db/generated/enums";

/** Who is making a request. Services take it explicitly; they never read cookies or headers. */
export type Actor = UserActor | ApiKeyActor;

/**
 * How a user authenticated. A feedback token acts at member level and, when it names a
 * conversation, sees only that conversation.
 */
export type UserCredential =
  | { kind: "session" }
  | { kind: "personal_access_token"; tokenId: string }
  | { kind: "feedback_token"; conversationId: string | null };

export interface UserActor {
  kind: "user";
  userId: string;
  organizationId: string;
  role: Role;
  email: string;
  name: string | null;
  credential: UserCredential;
}

/** An organization API key: server-to-server calls from a chat backend. */
export interface ApiKeyActor {
  kind: "api_key";
  apiKeyId: string;
  organizationId: string;
  scopes: readonly ApiKeyScope[];
}

const ROLE_RANK: Record<Role, number> = { member: 0, reviewer: 1, admin: 2 };

export function hasRole(actor: UserActor, minimum: Role): boolean {
  return ROLE_RANK[actor.role] >= ROLE_RANK[minimum];
}

/** The one conversation a feedback token is limited to, or null when the actor is not limited. */
export function conversationLimit(actor: UserActor): string | null {
  return actor.credential?.kind === "feedback_token" ? actor.credential.conversationId : null;
}
