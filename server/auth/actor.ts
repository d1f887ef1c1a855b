import "server-only";
import type { Role } from "@/server/db/generated/enums";

/** Who is making a request. Services take it explicitly; they never read cookies or headers. */
export type Actor = UserActor | ApiKeyActor;

export interface UserActor {
  kind: "user";
  userId: string;
  organizationId: string;
  role: Role;
  email: string;
  name: string | null;
}

/** An organization API key: server-to-server calls from a chat backend. */
export interface ApiKeyActor {
  kind: "api_key";
  apiKeyId: string;
  organizationId: string;
}

const ROLE_RANK: Record<Role, number> = { member: 0, reviewer: 1, admin: 2 };

export function hasRole(actor: UserActor, minimum: Role): boolean {
  return ROLE_RANK[actor.role] >= ROLE_RANK[minimum];
}
