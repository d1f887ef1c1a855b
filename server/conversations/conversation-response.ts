import "server-only";
import type { ConversationMessage, ConversationResponse } from "@/lib/api/conversation-schemas";
import type { StoredConversation, StoredMessage } from "./conversation-repository";

export function toMessageResponse(message: StoredMessage): ConversationMessage {
  return {
    id: message.id,
    external_id: message.externalId,
    role: message.role,
    content: message.content,
    position: message.position,
    created_at: message.createdAt,
  };
}

export function toConversationResponse(conversation: StoredConversation): ConversationResponse {
  return {
    id: conversation.id,
    external_id: conversation.externalId,
    user_id: conversation.userId,
    title: conversation.title,
    created_at: conversation.createdAt,
    messages: conversation.messages.map(toMessageResponse),
  };
}
