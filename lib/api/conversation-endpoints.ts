import { defineEndpoint } from "./endpoint";
import {
  AppendMessagesBodySchema,
  ConversationMessageListSchema,
  ConversationResponseSchema,
  CreateConversationBodySchema,
} from "./conversation-schemas";
import { ConversationIdParamsSchema } from "./schemas";

/** Room for a batch of long assistant answers (content is capped per message by the schema). */
export const INGESTION_MAX_BODY_BYTES = 4 * 1024 * 1024;

export const createConversation = defineEndpoint({
  id: "createConversation",
  method: "POST",
  path: "/api/conversations",
  tag: "Ingestion",
  summary: "Register a conversation of one of the organization's users",
  description:
    "For chat backends, with an organization API key. Creates the conversation and its initial messages in one " +
    "transaction (201). Idempotent on `external_id`: sending it again returns the stored conversation unchanged " +
    "(200) and ignores the request's title and messages; append with the messages endpoint instead. 404 when " +
    "`user_email` is not a member of the key's organization; 409 when the `external_id` belongs to another " +
    "user's conversation or a message `external_id` is already used by another conversation.",
  auth: "api_key",
  apiKeyScope: "conversations:write",
  body: CreateConversationBodySchema,
  maxBodyBytes: INGESTION_MAX_BODY_BYTES,
  responses: {
    201: { description: "Conversation created", schema: ConversationResponseSchema },
    200: { description: "A conversation with this external_id already existed; returned unchanged", schema: ConversationResponseSchema },
  },
  errors: ["not_found", "conversation_external_id_conflict", "message_external_id_conflict", "concurrent_write"],
});

export const appendMessages = defineEndpoint({
  id: "appendMessages",
  method: "POST",
  path: "/api/conversations/{conversation_id}/messages",
  tag: "Ingestion",
  summary: "Append messages to a conversation",
  description:
    "Stores the messages in order after the conversation's last message, all or none. A message whose " +
    "`external_id` is already stored in this conversation is not stored again: the stored message is returned " +
    "in its place, so a retried batch creates nothing twice. 201 when at least one message was created, 200 " +
    "when every message already existed. 409 when an `external_id` belongs to another conversation.",
  auth: "api_key",
  apiKeyScope: "conversations:write",
  params: ConversationIdParamsSchema,
  body: AppendMessagesBodySchema,
  maxBodyBytes: INGESTION_MAX_BODY_BYTES,
  responses: {
    201: { description: "Messages appended", schema: ConversationMessageListSchema },
    200: { description: "Every message already existed (a retried batch)", schema: ConversationMessageListSchema },
  },
  errors: ["not_found", "message_external_id_conflict", "concurrent_write"],
});

export const getConversation = defineEndpoint({
  id: "getConversation",
  method: "GET",
  path: "/api/conversations/{conversation_id}",
  tag: "Ingestion",
  summary: "A conversation with all its messages",
  auth: "api_key",
  apiKeyScope: "conversations:write",
  params: ConversationIdParamsSchema,
  responses: { 200: { description: "The conversation, messages in order", schema: ConversationResponseSchema } },
  errors: ["not_found"],
});

export const conversationEndpoints = [createConversation, appendMessages, getConversation];
