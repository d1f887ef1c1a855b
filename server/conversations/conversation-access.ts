import "server-only";
import { hasRole, type UserActor } from "@/server/auth/actor";

/** Conversation owners see their chats; reviewers and admins see every chat of their organization. */
export function canSeeConversation(actor: UserActor, conversationOwnerId: string): boolean {
  return conversationOwnerId === actor.userId || hasRole(actor, "reviewer");
}
